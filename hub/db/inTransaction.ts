import type pg from 'pg';

/**
 * `work` inside one transaction on one pooled connection: COMMIT when it returns, ROLLBACK when it
 * throws (the error goes on), and the connection back to the pool either way.
 */
export async function inTransaction<T>(db: pg.Pool, work: (c: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const c = await db.connect();
  try {
    await c.query(begin);
    const result = await work(c);
    await c.query('COMMIT');
    return result;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}
