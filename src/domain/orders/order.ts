/** The order as every layer sees it, defined once beside the SQL that builds it. */
export {
  orderActors,
  orderSchema,
  orderStatuses,
  type Order,
  type OrderActor,
  type OrderStatus,
  type TraceContext,
  type Viewer,
} from '../../db/orders.js';
export { historyEntrySchema, type HistoryEntry } from '../../db/order-history.js';
