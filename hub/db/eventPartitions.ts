import type pg from 'pg';

/** events_YYYY_MM: the month's partition of the events table (UTC months). */
export function partitionOf(at: number): { name: string; from: string; to: string } {
  const d = new Date(at);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const from = new Date(Date.UTC(y, m, 1)).toISOString();
  const to = new Date(Date.UTC(y, m + 1, 1)).toISOString();
  return { name: `events_${y}_${String(m + 1).padStart(2, '0')}`, from, to };
}

/**
 * Makes sure each month a batch touches has its partition, before the batch's transaction (making
 * one locks the parent table briefly). Known months are remembered per process;
 * another process may have made one meanwhile, which IF NOT EXISTS absorbs.
 */
export class EventPartitions {
  private readonly known = new Set<string>();

  async ensure(client: pg.PoolClient | pg.Pool, times: number[]): Promise<void> {
    const months = new Map(times.map((t) => [partitionOf(t).name, partitionOf(t)]));
    for (const [name, p] of months) {
      if (this.known.has(name)) continue;
      try {
        await client.query(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF events FOR VALUES FROM ('${p.from}') TO ('${p.to}')`);
      } catch (e) {
        // Two processes making the same month at once: the loser's catalogue insert collides.
        const code = (e as { code?: string }).code;
        if (code !== '42P07' && code !== '23505') throw e;
      }
      this.known.add(name);
    }
  }
}
