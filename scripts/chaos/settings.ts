/** Queue keys hash-tagged like production, on the run's own Redis. */
export const redisKeyPrefix = '{chaos}:';

export const fixtures = { products: 10, users: 8 } as const;

/** The order load during each scenario; clients re-send 503s with the same Idempotency-Key. */
// Light: the point is what each fault does to orders in flight, on 2 cores shared with the
// processes under test (a backlog the worker cannot drain would hide the recovery).
export const load = { concurrency: 4, ratePerSecond: 6, retryForMs: 30_000 } as const;
/** The burst that spans an API's whole drain. */
export const burst = { concurrency: 8, ratePerSecond: 40, retryForMs: 0 } as const;

export const timeline = {
  /** Load before each fault and after it. */
  beforeFaultMs: 1_500,
  afterFaultMs: 1_500,
  /** After a fault ends, everything owed must be there within this. */
  recoveryBoundMs: 30_000,
  redisFrozenMs: 10_000,
  redisDownMs: 3_000,
  receiverFailingMs: 4_000,
  receiverHangingMs: 4_000,
  /** The whole run is abandoned (and fails) past this: CI gives it 5 minutes. */
  deadlineMs: 280_000,
} as const;

/**
 * Production settings with the pipeline's clocks shortened, so every repair path (stalled jobs,
 * the reconciler, webhook retries, relay backoff) runs within seconds instead of minutes.
 */
export const serviceSettings = {
  // After SIGTERM readiness answers 503 this long: more than HAProxy needs to see it on a busy
  // machine (3 checks of up to 2 s each), so only the API's own closing can fail a request.
  SHUTDOWN_DRAIN_DELAY_MS: '7000',
  WORKER_LOCK_MS: '5000',
  RECONCILE_INTERVAL_MS: '500',
  RECONCILE_AFTER_MS: '2000',
  RELAY_BACKOFF_MAX_MS: '1000',
  // Above what a busy 2-core machine takes to answer from the run's own receiver.
  WEBHOOK_TIMEOUT_MS: '3000',
  WEBHOOK_BACKOFF_MS: '200',
  WEBHOOK_BACKOFF_MAX_MS: '1000',
  // Enough attempts to outlast the receiver's outage at a 1-s backoff cap.
  WEBHOOK_ATTEMPTS: '30',
} as const;
