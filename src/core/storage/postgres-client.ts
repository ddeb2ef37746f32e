import type pg from 'pg';

/**
 * Runs `work` on a client of its own. A checked-out client has no error listener of the pool's, so a
 * connection lost meanwhile would be an unhandled 'error' event and end the process; here it only fails
 * the work, and the broken client is discarded rather than returned to the pool.
 */
export async function withClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    return await work(client);
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}

/** `begin` (which starts the transaction), then `work`, then COMMIT; ROLLBACK if anything fails. */
export function transaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, async (client) => {
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // On a lost connection the rollback fails too; the error that matters is the first.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}
