import pg from 'pg';
import { EVENTS_CHANNEL } from '../ingest/batchApplier';

/**
 * One dedicated PostgreSQL client per hub process, LISTENing for committed batches from any process.
 * A lost connection (PostgreSQL restarted) is made again with a growing pause; after it returns,
 * `onReconnect` lets the board refresh everything, since notifications sent meanwhile are gone.
 */
export class EventsListener {
  private client: pg.Client | null = null;
  private closed = false;
  private retryMs = 500;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly onOffice: (officeId: string) => void,
    private readonly onReconnect: () => void,
    private readonly log: (e: Record<string, unknown>) => void,
  ) {}

  async start(): Promise<void> {
    await this.connect(false);
  }

  private async connect(again: boolean): Promise<void> {
    const c = new pg.Client({ connectionString: this.url });
    c.on('notification', (n) => {
      if (n.channel === EVENTS_CHANNEL && n.payload) this.onOffice(n.payload);
    });
    c.on('error', (e) => {
      this.log({ level: 'warn', msg: 'board listener lost postgres', error: e.message });
      this.retry(c);
    });
    c.on('end', () => this.retry(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (e) {
      if (!again) throw e;
      this.retry(c);
      return;
    }
    if (this.closed) {
      await c.end().catch(() => undefined);
      return;
    }
    this.client = c;
    this.retryMs = 500;
    if (again) this.onReconnect();
  }

  private retry(c: pg.Client): void {
    if (this.closed || this.timer || (this.client !== null && this.client !== c)) return;
    this.client = null;
    c.removeAllListeners('end');
    void c.end().catch(() => undefined);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect(true);
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const c = this.client;
    this.client = null;
    if (c) {
      c.removeAllListeners('end');
      await c.end().catch(() => undefined);
    }
  }
}
