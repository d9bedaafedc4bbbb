/** Where a listing page starts: just past this row in (created_at, id) order. */
export interface KeysetPosition {
  /** created_at in microseconds since the epoch: exact, unlike a JS Date. */
  createdAtMicros: number;
  id: string;
}
