// Child process for the concurrency test: its own connection to the same SQLite file, issuing
// tickets and pressing "next" for its counters as fast as it can.
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { QueueService } from '../../electron/host/queue/queueService';

const [file, countersArg, issueArg, clockArg] = process.argv.slice(2);
// The parent's (fake) time, so both processes live in the same business day.
const frozenAt = clockArg ? Number(clockArg) : null;
const counters = (countersArg ?? '').split(',').map(Number);
const toIssue = Number(issueArg ?? 0);

const db = new Database(file as string);
db.pragma('busy_timeout = 10000');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
const queue = new QueueService({ db, now: frozenAt === null ? undefined : () => frozenAt });
const issued: string[] = [];
const called: string[] = [];
let busy = 0;

const retry = <T>(fn: () => T): T | undefined => {
  for (;;) {
    try {
      return fn();
    } catch (e) {
      if (e instanceof AppError && e.code === 'DATABASE_BUSY') {
        busy++;
        continue;
      }
      if (e instanceof AppError && e.code === 'QUEUE_EMPTY') return undefined;
      throw e;
    }
  }
};

let emptyRounds = 0;
let i = 0;
while (emptyRounds < 50) {
  if (i < toIssue) {
    const t = retry(() => queue.issuer.issue({ serviceId: 1 }));
    if (t) issued.push(t.number);
    i++;
  }
  let any = false;
  for (const c of counters) {
    const t = retry(() => queue.calling.callNext(c, { counterId: c, officerId: null, admin: false }));
    if (t) {
      called.push(t.id);
      any = true;
    }
  }
  emptyRounds = any || i < toIssue ? 0 : emptyRounds + 1;
}
process.stdout.write(JSON.stringify({ issued, called, busy }));
db.close();
