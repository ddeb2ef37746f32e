/**
 * Overload is judged by how long the oldest request still waiting for the bot itself (not yet acknowledged, or
 * acknowledged and not yet given its turn) has waited: past this, answers are arriving too late to help, so new
 * requests are refused (503) and Slack delivers events again later. Work that has had its turn and now waits on
 * Slack (a 429's Retry-After, a timeout) is not the bot being slow, and does not count. The count of all work in
 * hand is a ceiling on memory whatever the pace (each request in hand holds some tens of kB).
 */
export const MAX_WAIT_MS = 10_000;
export const MAX_IN_FLIGHT = 5_000;

export type Admission = { ok: true } | { ok: false; inFlight: number; oldestWaitMs: number };

/** Whether a new request may be taken on, given all work in hand, when the oldest request waiting for the bot arrived, and the time now. */
export function admit(inFlight: number, oldestWaitingArrival: number | undefined, now: number): Admission {
  const oldestWaitMs = oldestWaitingArrival === undefined ? 0 : now - oldestWaitingArrival;
  return inFlight >= MAX_IN_FLIGHT || oldestWaitMs > MAX_WAIT_MS ? { ok: false, inFlight, oldestWaitMs } : { ok: true };
}
