import type { Store } from './store.js';

/** A store operation that failed: which one, and why, in words that hold none of the data it carried. */
export interface StoreFailure {
  op: string;
  write: boolean;
  /** SQLite's or PostgreSQL's error code (SQLITE_FULL, 53100), or a network code (ECONNREFUSED). */
  code: string;
  cause: string;
}

export class StoreUnhealthyError extends Error {
  override name = 'StoreUnhealthyError';
}

const WRITES = new Set([
  'putConversation',
  'createSubmission',
  'setSubmissionStatus',
  'changeStatus',
  'markReminded',
  'purgeSubmissions',
  'claimEvent',
  'purgeExpired',
  'recordFeedback',
  'audit',
  'setSetting',
]);

/** What an error says about its cause, with quoted values (which may be what a user typed) left out. */
function describeFailure(error: unknown): { code: string; cause: string } {
  const e = error as { code?: unknown; message?: unknown; name?: unknown };
  const code = typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'unknown';
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return { code, cause: message.replace(/"[^"]*"|'[^']*'|\(.*?\)=\(.*?\)/g, '…').slice(0, 200) };
}

interface Watch {
  lastWriteFailure?: StoreFailure;
  /** Errors already reported, or a turn's own: not reported again on their way out. */
  seen: WeakSet<object>;
  onFailure(failure: StoreFailure): void;
}

const isObject = (x: unknown): x is object => typeof x === 'object' && x !== null;
// Waiting for another process's turn of the conversation is not a failure to write.
const LOCK_TIMEOUT = '55P03';

/**
 * The store with every failure reported to `onFailure` (for a log line and a metric) and the last write's
 * outcome kept, so that health() fails after a failed write (a full disk) and not only when a ping does.
 */
export function monitorStore(store: Store, onFailure: (failure: StoreFailure) => void = () => undefined): Store {
  return monitored(store, { onFailure, seen: new WeakSet() });
}

function monitored(store: Store, watch: Watch): Store {
  const report = (op: string, error: unknown) => {
    const described = describeFailure(error);
    const failure = { op, write: WRITES.has(op) || (op === 'inConversation' && described.code !== LOCK_TIMEOUT), ...described };
    if (failure.write) watch.lastWriteFailure = failure;
    if (isObject(error)) watch.seen.add(error);
    watch.onFailure(failure);
  };
  const call = async <T>(op: string, run: () => Promise<T>): Promise<T> => {
    try {
      const result = await run();
      if (WRITES.has(op)) watch.lastWriteFailure = undefined;
      return result;
    } catch (error) {
      if (!(isObject(error) && watch.seen.has(error))) report(op, error);
      throw error;
    }
  };
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function' || key === 'close') return typeof value === 'function' ? value.bind(target) : value;
      const op = String(key);
      if (op === 'health') return () => health(target, watch);
      if (op === 'inConversation') {
        return <T>(id: string, work: (s: Store) => Promise<T>) =>
          call(op, () =>
            target.inConversation(id, (tx) =>
              work(monitored(tx, watch)).catch((error: unknown) => {
                // The turn's own error (a store failure inside it is reported already), not the lock's or the commit's.
                if (isObject(error)) watch.seen.add(error);
                throw error;
              }),
            ),
          );
      }
      return (...args: unknown[]) => call(op, () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });
}

/** Fails while the last write failed; a probe write of the store's own (Store.health) lets it recover by itself. */
async function health(store: Store, watch: Watch): Promise<void> {
  if (!watch.lastWriteFailure) return store.ping();
  const last = watch.lastWriteFailure;
  try {
    await store.health();
  } catch (error) {
    watch.onFailure({ op: 'health', write: true, ...describeFailure(error) });
    throw new StoreUnhealthyError(`the last write failed (${last.op}: ${last.code})`);
  }
  watch.lastWriteFailure = undefined;
}
