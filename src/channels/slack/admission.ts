/**
 * Overload is judged by how long the oldest request still being worked on has waited: past this, answers are
 * arriving too late to help, so new requests are refused (503) and Slack delivers events again later. The
 * count is a ceiling on memory whatever the pace (each request in hand holds some tens of kB).
 */
export const MAX_WAIT_MS = 10_000;
export const MAX_IN_FLIGHT = 5_000;

export type Admission = { ok: true } | { ok: false; inFlight: number; oldestWaitMs: number };

/** Whether a new request may be taken on, given the work in hand (oldest arrival first) and the time now. */
export function admit(inFlight: number, oldestArrival: number | undefined, now: number): Admission {
  const oldestWaitMs = oldestArrival === undefined ? 0 : now - oldestArrival;
  return inFlight >= MAX_IN_FLIGHT || oldestWaitMs > MAX_WAIT_MS ? { ok: false, inFlight, oldestWaitMs } : { ok: true };
}
