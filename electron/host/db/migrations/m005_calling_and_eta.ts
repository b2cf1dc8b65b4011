// Fair calling and the ETA hot path.
// 1. Priority strategies under the names of what they do: a stored `interleaved N` (which always
//    meant "at most N priority ahead of a normal ticket") becomes `jumpLimit`, `strict` becomes
//    `priorityFirst`, `elapsed` becomes `waitBonus` — the same calling order as before.
// 2. Running counters, kept by triggers in the same transaction as the ticket change (so no code
//    path can forget them) and rebuilt here from the tickets; the host checks today's at start
//    (electron/host/queue/runningCounters.ts). They replace count(*) over a whole day.
// 3. Indexes for the hot path: the waiting line in call order (per service and per counter for
//    transfers), the waiting priority tickets on their own, a counter's parked and no-show lists,
//    and each service's arrivals by time for the ETA's arrival rate (before: a scan of the whole
//    history on every estimate). test/host/db/queryPlans.test.ts holds every statement to them.
export const m005CallingAndEta = `
UPDATE settings SET value = json_set(value, '$.priorityStrategy',
    json_object('kind', 'jumpLimit', 'maxJumps', coalesce(json_extract(value, '$.priorityStrategy.ratio'), 3)))
  WHERE key = 'office' AND json_extract(value, '$.priorityStrategy.kind') = 'interleaved';
UPDATE settings SET value = json_set(value, '$.priorityStrategy',
    json_object('kind', 'priorityFirst', 'agingMinutes', coalesce(json_extract(value, '$.priorityStrategy.agingMinutes'), 45)))
  WHERE key = 'office' AND json_extract(value, '$.priorityStrategy.kind') = 'strict';
UPDATE settings SET value = json_set(value, '$.priorityStrategy',
    json_object('kind', 'waitBonus', 'bonusMinutes', coalesce(json_extract(value, '$.priorityStrategy.bonusMinutes'), 15)))
  WHERE key = 'office' AND json_extract(value, '$.priorityStrategy.kind') = 'elapsed';

-- Per service and business day: numbers issued (quota) and the last sequence (next number).
CREATE TABLE service_day_counts (
  service_id INTEGER NOT NULL,
  business_day TEXT NOT NULL,
  issued INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (service_id, business_day)
) WITHOUT ROWID;
INSERT INTO service_day_counts (service_id, business_day, issued, last_seq)
  SELECT service_id, business_day, count(*), max(seq) FROM tickets WHERE transferred_from IS NULL GROUP BY service_id, business_day;
CREATE TRIGGER service_day_count_on_issue AFTER INSERT ON tickets WHEN NEW.transferred_from IS NULL BEGIN
  INSERT INTO service_day_counts (service_id, business_day, issued, last_seq) VALUES (NEW.service_id, NEW.business_day, 1, NEW.seq)
    ON CONFLICT (service_id, business_day) DO UPDATE SET issued = issued + 1, last_seq = max(last_seq, excluded.last_seq);
END;

-- Per counter and business day: citizens served to the end.
CREATE TABLE counter_day_served (
  counter_id INTEGER NOT NULL,
  business_day TEXT NOT NULL,
  served INTEGER NOT NULL,
  PRIMARY KEY (counter_id, business_day)
) WITHOUT ROWID;
INSERT INTO counter_day_served (counter_id, business_day, served)
  SELECT counter_id, business_day, count(*) FROM tickets WHERE state = 'done' AND counter_id IS NOT NULL GROUP BY counter_id, business_day;
CREATE TRIGGER counter_day_served_on_done AFTER UPDATE OF state ON tickets
  WHEN NEW.state = 'done' AND OLD.state != 'done' AND NEW.counter_id IS NOT NULL BEGIN
  INSERT INTO counter_day_served (counter_id, business_day, served) VALUES (NEW.counter_id, NEW.business_day, 1)
    ON CONFLICT (counter_id, business_day) DO UPDATE SET served = served + 1;
END;

-- Per service: priority tickets called in a row since its last normal call ("N priority then 1
-- normal" must hold across counters and restarts, and calls in the same millisecond have no order
-- in the tickets table).
CREATE TABLE service_call_runs (
  service_id INTEGER PRIMARY KEY,
  priority_run INTEGER NOT NULL
);
CREATE TRIGGER service_call_run_on_call AFTER UPDATE OF state ON tickets
  WHEN NEW.state = 'called' AND OLD.state IN ('waiting', 'skipped') BEGIN
  INSERT INTO service_call_runs (service_id, priority_run) VALUES (NEW.service_id, NEW.priority IS NOT NULL)
    ON CONFLICT (service_id) DO UPDATE SET priority_run = CASE WHEN NEW.priority IS NULL THEN 0 ELSE priority_run + 1 END;
END;

DROP INDEX tickets_waiting;
DROP INDEX tickets_targeted;
-- Covering for the forecast's read of the whole line (one index walk, no row lookups).
CREATE INDEX tickets_waiting_line ON tickets(service_id, queued_at, issue_order, priority, target_counter_id, id) WHERE state = 'waiting';
CREATE INDEX tickets_waiting_priority ON tickets(service_id, queued_at, issue_order) WHERE state = 'waiting' AND priority IS NOT NULL;
CREATE INDEX tickets_targeted_line ON tickets(target_counter_id, queued_at, issue_order) WHERE state = 'waiting' AND target_counter_id IS NOT NULL;
-- A counter's parked and no-show lists of the day, without reading the day.
CREATE INDEX tickets_set_aside ON tickets(counter_id, state, business_day) WHERE state IN ('parked', 'skipped');
CREATE INDEX tickets_arrivals ON tickets(service_id, issued_at) WHERE transferred_from IS NULL;
`;
