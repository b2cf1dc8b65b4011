// Report rollups kept by triggers in the same transaction as the ticket change, so no report ever
// waits for a rebuild (before: m002's rollups were dropped on every change and rebuilt from the
// tickets on the next report, 9–13 s for a year of a busy centre the first time).
//
// - report_day: per (business day, service, counter, officer) the exact counts, duration sums and
//   maxima, and tickets issued per local hour (h0…h23, the office's zone when the ticket was issued).
// - report_hist: wait (measure 0) and service (1) times in 10-second buckets per group, for each day
//   ('YYYY-MM-DD') and each month ('YYYY-MM'), one packed histogram per row (sqlFunctions.ts), so
//   medians and p90s over any range are exact to the bucket and a year reads ≈ 12 × groups rows.
// - report_rating, report_reason: ratings per scale and level, reasons per code, grouped by the
//   rated ticket's service, counter and officer.
// A ticket counts in the group it is in now (a called ticket leaves "no counter" for its counter): an
// update within the group is one upsert of the difference, a move to another group takes the old
// row's share away and adds the new one's; a histogram is touched only when a duration's bucket or
// group moves, and an update that changes no figure (serving, recall, retarget) fires nothing. A maximum that may have been taken away is recounted
// from that group's tickets of that day (tickets_day; rare: a no-show called again, a ticket
// unparked at another counter).
// motcua_local_hour and motcua_hist_* are registered on every connection by electron/host/db/sqlFunctions.ts
// (the zone rules come from Intl: SQLite has no time zones).
// The m002 tables, their dirt triggers and the warm-up that filled them are gone.

export const BUCKET_MS = 10_000;
export const LAST_BUCKET = 8639;
const HOURS = Array.from({ length: 24 }, (_, h) => h);
// The office's zone, copied out of the settings JSON by the triggers below: reading it from the JSON
// (≈ 3 KB) on every ticket change would parse it each time.
const ZONE = '(SELECT zone FROM report_zone)';
export const OFFICE_ZONE = "(SELECT json_extract(value, '$.timeZone') FROM settings WHERE key = 'office')";

/** What one ticket row (OLD, NEW or a table alias) adds to its group. */
export const share = (x: string) => ({
  day: `${x}.business_day`,
  service: `${x}.service_id`,
  counter: `coalesce(${x}.counter_id, 0)`,
  officer: `coalesce(${x}.officer_id, 0)`,
  original: `(${x}.transferred_from IS NULL)`,
  category: `(CASE ${x}.state WHEN 'done' THEN 1 WHEN 'skipped' THEN 2 WHEN 'transferred' THEN 3 WHEN 'cancelled' THEN 4 WHEN 'expired' THEN 5 ELSE 0 END)`,
  wait: `(CASE WHEN ${x}.transferred_from IS NULL AND ${x}.called_at IS NOT NULL THEN max(0, ${x}.called_at - ${x}.issued_at) END)`,
  service_ms: `(CASE WHEN ${x}.state = 'done' AND coalesce(${x}.called_at, ${x}.serving_at) IS NOT NULL AND ${x}.finished_at IS NOT NULL
    THEN max(0, ${x}.finished_at - coalesce(${x}.called_at, ${x}.serving_at)) END)`,
  hour: `motcua_local_hour(${x}.issued_at, ${ZONE})`,
});

const bucket = (v: string) => `min(${LAST_BUCKET}, CAST(${v} / ${BUCKET_MS} AS INTEGER))`;
const hourCols = HOURS.map((h) => `h${h}`).join(', ');

const DAY_COLUMNS = `business_day, service_id, counter_id, officer_id, issued, served, no_shows, transferred, cancelled, expired,
  wait_n, wait_sum, wait_max, service_n, service_sum, service_max, ${hourCols}`;

/** The group key of `report_day` is that of row x. */
const isGroupOf = (x: string) => {
  const s = share(x);
  return `report_day.business_day = ${s.day} AND report_day.service_id = ${s.service} AND report_day.counter_id = ${s.counter} AND report_day.officer_id = ${s.officer}`;
};

const recountMax = (x: string, measure: 'wait' | 'service_ms') => {
  const s = share(x);
  const t = share('t');
  return `(SELECT coalesce(max(${t[measure]}), 0) FROM tickets t WHERE t.business_day = ${s.day} AND t.service_id = ${s.service}
      AND coalesce(t.counter_id, 0) = ${s.counter} AND coalesce(t.officer_id, 0) = ${s.officer})`;
};

/**
 * Row x's share added to (d = 1) or taken from (d = -1) its report_day row: one upsert. The hour is
 * only looked up when `hourWhen` (an update that keeps the group moves no hour). A maximum taken
 * away is recounted from the group's tickets of that day (this is an AFTER trigger: they are final).
 */
function dayShare(x: string, d: 1 | -1, hourWhen: string, valueMoves: (measure: 'wait' | 'service_ms') => string = () => 'true'): string {
  const s = share(x);
  // Taken away and added back unchanged (same group, same value), a maximum stays: no recount.
  const maxSet = (col: 'wait_max' | 'service_max', measure: 'wait' | 'service_ms') =>
    d > 0
      ? `${col} = max(${col}, excluded.${col})`
      : `${col} = CASE WHEN ${isGroupOf(x)} AND ${s[measure]} >= report_day.${col} AND ${valueMoves(measure)} THEN ${recountMax(x, measure)} ELSE ${col} END`;
  const add = (col: string) => `${col} = ${col} + excluded.${col}`;
  const pos = (v: string) => (d > 0 ? `coalesce(${v}, 0)` : '0');
  return `INSERT INTO report_day (${DAY_COLUMNS})
    SELECT ${s.day}, ${s.service}, ${s.counter}, ${s.officer}, ${d} * ${s.original},
      ${[1, 2, 3, 4, 5].map((c) => `${d} * (${s.category} = ${c})`).join(', ')},
      ${d} * (${s.wait} IS NOT NULL), ${d} * coalesce(${s.wait}, 0), ${pos(s.wait)},
      ${d} * (${s.service_ms} IS NOT NULL), ${d} * coalesce(${s.service_ms}, 0), ${pos(s.service_ms)},
      ${HOURS.map((h) => `${d} * (hr IS ${h})`).join(', ')}
    FROM (SELECT CASE WHEN ${hourWhen} THEN ${s.hour} END AS hr) WHERE true
    ON CONFLICT (business_day, service_id, counter_id, officer_id) DO UPDATE SET
      ${['issued', 'served', 'no_shows', 'transferred', 'cancelled', 'expired', 'wait_n', 'wait_sum', 'service_n', 'service_sum', ...HOURS.map((h) => `h${h}`)].map(add).join(', ')},
      ${maxSet('wait_max', 'wait')}, ${maxSet('service_max', 'service_ms')};`;
}

/**
 * An update that keeps the group (a call to the same counter's next state, finish, no-show, close of
 * day): the difference NEW − OLD in one upsert of the one row; no hour moves. A maximum the old value
 * held is recounted when the new value is smaller.
 */
function dayDelta(): string {
  const o = share('OLD');
  const n = share('NEW');
  const maxSet = (col: 'wait_max' | 'service_max', measure: 'wait' | 'service_ms') =>
    `${col} = CASE WHEN ${o[measure]} >= report_day.${col} AND coalesce(${n[measure]}, -1) < ${o[measure]}
      THEN ${recountMax('NEW', measure)} ELSE max(${col}, excluded.${col}) END`;
  const add = (col: string) => `${col} = ${col} + excluded.${col}`;
  const has = (v: string) => `((${v} IS NOT NULL) - 0)`;
  return `INSERT INTO report_day (${DAY_COLUMNS})
    SELECT ${n.day}, ${n.service}, ${n.counter}, ${n.officer}, 0,
      ${[1, 2, 3, 4, 5].map((c) => `(${n.category} = ${c}) - (${o.category} = ${c})`).join(', ')},
      ${has(n.wait)} - ${has(o.wait)}, coalesce(${n.wait}, 0) - coalesce(${o.wait}, 0), coalesce(${n.wait}, 0),
      ${has(n.service_ms)} - ${has(o.service_ms)}, coalesce(${n.service_ms}, 0) - coalesce(${o.service_ms}, 0), coalesce(${n.service_ms}, 0),
      ${HOURS.map(() => '0').join(', ')}
    WHERE true
    ON CONFLICT (business_day, service_id, counter_id, officer_id) DO UPDATE SET
      ${['served', 'no_shows', 'transferred', 'cancelled', 'expired', 'wait_n', 'wait_sum', 'service_n', 'service_sum'].map(add).join(', ')},
      ${maxSet('wait_max', 'wait')}, ${maxSet('service_max', 'service_ms')};`;
}

/** Row x's duration `measure` added to or taken from its day's and its month's histogram, when `when`. */
function histShare(x: string, d: 1 | -1, measure: 'wait' | 'service_ms', when: string): string {
  const s = share(x);
  const b = bucket(s[measure]);
  return `INSERT INTO report_hist (period, measure, service_id, counter_id, officer_id, h)
    SELECT substr(${s.day}, 1, p.len), ${measure === 'wait' ? 0 : 1}, ${s.service}, ${s.counter}, ${s.officer}, motcua_hist_add(NULL, ${b}, ${d})
    FROM (SELECT 10 AS len UNION ALL SELECT 7) p WHERE ${s[measure]} IS NOT NULL AND ${when}
    ON CONFLICT (period, measure, service_id, counter_id, officer_id) DO UPDATE SET h = motcua_hist_add(h, ${b}, ${d});`;
}

const FIGURES = ['day', 'service', 'counter', 'officer', 'original', 'category', 'wait', 'service_ms'] as const;
const KEY = ['day', 'service', 'counter', 'officer', 'original'] as const;
const differ = (keys: readonly (keyof ReturnType<typeof share>)[]) => `(${keys.map((k) => `${share('OLD')[k]} IS NOT ${share('NEW')[k]}`).join(' OR ')})`;
/** A duration's bucket moves when the group moves or the bucket changes. */
const moves = (measure: 'wait' | 'service_ms') => `(${differ(KEY)} OR ${bucket(share('OLD')[measure])} IS NOT ${bucket(share('NEW')[measure])})`;
/** A duration's value moves when the group moves or the value changes. */
const valueMoves = (measure: 'wait' | 'service_ms') => `(${differ(KEY)} OR ${share('OLD')[measure]} IS NOT ${share('NEW')[measure]})`;

const ratingShare = (sign: 1 | -1, r: 'NEW' | 'OLD') => `
  INSERT INTO report_rating (business_day, service_id, counter_id, officer_id, levels, score, n)
    SELECT t.business_day, t.service_id, coalesce(t.counter_id, 0), coalesce(t.officer_id, 0), ${r}.levels, ${r}.score, ${sign} FROM tickets t WHERE t.id = ${r}.ticket_id
    ON CONFLICT (business_day, service_id, counter_id, officer_id, levels, score) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_reason (business_day, service_id, counter_id, officer_id, code, n)
    SELECT t.business_day, t.service_id, coalesce(t.counter_id, 0), coalesce(t.officer_id, 0), j.value, ${sign} * count(*) FROM tickets t, json_each(${r}.reasons) j
    WHERE t.id = ${r}.ticket_id GROUP BY j.value
    ON CONFLICT (business_day, service_id, counter_id, officer_id, code) DO UPDATE SET n = n + excluded.n;`;

/**
 * The rollups of the tickets matching `where` (over alias t and rating alias r), computed from
 * scratch in grouped INSERT…SELECTs: the migration's build, a restore's rebuild, the start-up repair
 * of a day. The month rows of report_hist are then summed from its day rows by `monthsFromDays`.
 */
export function rollupBuildSql(where = 'true'): string {
  const t = share('t');
  return `
WITH office_zone(zone) AS MATERIALIZED (SELECT ${ZONE})
INSERT INTO report_day (${DAY_COLUMNS})
  SELECT day, s, c, o, i, k1, k2, k3, k4, k5, wn, ws, wm, sn, ss, sm, ${HOURS.map((h) => `hs ->> ${h}`).join(', ')}
  FROM (
    -- motcua_hours counts the originals per local hour (a JSON array of 24); the zone is read once.
    SELECT day, s, c, o, sum(orig) AS i, sum(cat = 1) AS k1, sum(cat = 2) AS k2, sum(cat = 3) AS k3, sum(cat = 4) AS k4, sum(cat = 5) AS k5,
      count(w) AS wn, coalesce(sum(w), 0) AS ws, coalesce(max(w), 0) AS wm, count(sv) AS sn, coalesce(sum(sv), 0) AS ss, coalesce(max(sv), 0) AS sm,
      motcua_hours(CASE WHEN orig THEN issued_at END, zone) AS hs
    FROM (SELECT ${t.day} AS day, ${t.service} AS s, ${t.counter} AS c, ${t.officer} AS o, ${t.original} AS orig, ${t.category} AS cat,
        ${t.wait} AS w, ${t.service_ms} AS sv, t.issued_at AS issued_at, office_zone.zone AS zone FROM office_zone, tickets t WHERE ${where})
    GROUP BY day, s, c, o)
  WHERE true;
INSERT INTO report_hist (period, measure, service_id, counter_id, officer_id, h)
  SELECT day, m, s, c, o, motcua_hist(b, n) FROM (
    SELECT day, m, s, c, o, b, count(*) AS n FROM (
      SELECT ${t.day} AS day, 0 AS m, ${t.service} AS s, ${t.counter} AS c, ${t.officer} AS o, ${bucket(t.wait)} AS b FROM tickets t WHERE (${where}) AND ${t.wait} IS NOT NULL
      UNION ALL
      SELECT ${t.day}, 1, ${t.service}, ${t.counter}, ${t.officer}, ${bucket(t.service_ms)} FROM tickets t WHERE (${where}) AND ${t.service_ms} IS NOT NULL)
    GROUP BY 1, 2, 3, 4, 5, 6)
  GROUP BY 1, 2, 3, 4, 5;
INSERT INTO report_rating (business_day, service_id, counter_id, officer_id, levels, score, n)
  SELECT ${t.day}, ${t.service}, ${t.counter}, ${t.officer}, r.levels, r.score, count(*) FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE ${where}
  GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO report_reason (business_day, service_id, counter_id, officer_id, code, n)
  SELECT ${t.day}, ${t.service}, ${t.counter}, ${t.officer}, j.value, count(*) FROM ratings r JOIN tickets t ON t.id = r.ticket_id, json_each(r.reasons) j WHERE ${where}
  GROUP BY 1, 2, 3, 4, 5;`;
}

/** Month rows of report_hist summed from the day rows whose period matches `dayPattern` (GLOB). */
export const monthsFromDays = (dayPattern = '????-??-??') => `
INSERT INTO report_hist (period, measure, service_id, counter_id, officer_id, h)
  SELECT substr(period, 1, 7), measure, service_id, counter_id, officer_id, motcua_hist_merge(h) FROM report_hist
  WHERE period GLOB '${dayPattern}' AND length(period) = 10 GROUP BY 1, 2, 3, 4, 5;`;

export const m008IncrementalRollups = `
DROP TRIGGER report_dirty_on_insert;
DROP TRIGGER report_dirty_on_update;
DROP TRIGGER report_dirty_on_rating;
DROP TRIGGER report_month_dirty;
DROP TABLE report_rollup;
DROP TABLE report_days;
DROP TABLE report_month_rollup;
DROP TABLE report_months;

CREATE TABLE report_day (
  business_day TEXT NOT NULL,
  service_id INTEGER NOT NULL,
  counter_id INTEGER NOT NULL,
  officer_id INTEGER NOT NULL,
  issued INTEGER NOT NULL, served INTEGER NOT NULL, no_shows INTEGER NOT NULL, transferred INTEGER NOT NULL,
  cancelled INTEGER NOT NULL, expired INTEGER NOT NULL,
  wait_n INTEGER NOT NULL, wait_sum INTEGER NOT NULL, wait_max INTEGER NOT NULL,
  service_n INTEGER NOT NULL, service_sum INTEGER NOT NULL, service_max INTEGER NOT NULL,
  ${HOURS.map((h) => `h${h} INTEGER NOT NULL`).join(', ')},
  PRIMARY KEY (business_day, service_id, counter_id, officer_id)
) WITHOUT ROWID;
-- A rowid table: a month's histogram (≈ 4 KB) then stays on its page instead of an overflow chain.
CREATE TABLE report_hist (
  period TEXT NOT NULL,
  measure INTEGER NOT NULL CHECK (measure IN (0, 1)),
  service_id INTEGER NOT NULL,
  counter_id INTEGER NOT NULL,
  officer_id INTEGER NOT NULL,
  h BLOB NOT NULL,
  PRIMARY KEY (period, measure, service_id, counter_id, officer_id)
);
CREATE TABLE report_rating (
  business_day TEXT NOT NULL,
  service_id INTEGER NOT NULL,
  counter_id INTEGER NOT NULL,
  officer_id INTEGER NOT NULL,
  levels INTEGER NOT NULL,
  score INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (business_day, service_id, counter_id, officer_id, levels, score)
) WITHOUT ROWID;
CREATE TABLE report_reason (
  business_day TEXT NOT NULL,
  service_id INTEGER NOT NULL,
  counter_id INTEGER NOT NULL,
  officer_id INTEGER NOT NULL,
  code TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (business_day, service_id, counter_id, officer_id, code)
) WITHOUT ROWID;

CREATE TABLE report_zone (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  zone TEXT
);
INSERT INTO report_zone (id, zone) VALUES (1, ${OFFICE_ZONE});
CREATE TRIGGER report_zone_on_insert AFTER INSERT ON settings WHEN NEW.key = 'office' BEGIN
  UPDATE report_zone SET zone = json_extract(NEW.value, '$.timeZone');
END;
CREATE TRIGGER report_zone_on_update AFTER UPDATE ON settings WHEN NEW.key = 'office' BEGIN
  UPDATE report_zone SET zone = json_extract(NEW.value, '$.timeZone');
END;

CREATE TRIGGER report_on_ticket_insert AFTER INSERT ON tickets BEGIN
  ${dayShare('NEW', 1, share('NEW').original)}
  ${histShare('NEW', 1, 'wait', 'true')}
  ${histShare('NEW', 1, 'service_ms', 'true')}
END;
-- The usual update keeps the ticket in its group: one upsert of the difference.
CREATE TRIGGER report_on_ticket_update AFTER UPDATE ON tickets WHEN NOT ${differ(KEY)} AND ${differ(FIGURES)} BEGIN
  ${dayDelta()}
  ${histShare('OLD', -1, 'wait', moves('wait'))}
  ${histShare('NEW', 1, 'wait', moves('wait'))}
  ${histShare('OLD', -1, 'service_ms', moves('service_ms'))}
  ${histShare('NEW', 1, 'service_ms', moves('service_ms'))}
END;
-- A ticket that changes group (called to a counter, unparked elsewhere): out of the old row, into the new.
CREATE TRIGGER report_on_ticket_move AFTER UPDATE ON tickets WHEN ${differ(KEY)} BEGIN
  ${dayShare('OLD', -1, share('OLD').original, valueMoves)}
  ${dayShare('NEW', 1, share('NEW').original)}
  ${histShare('OLD', -1, 'wait', 'true')}
  ${histShare('NEW', 1, 'wait', 'true')}
  ${histShare('OLD', -1, 'service_ms', 'true')}
  ${histShare('NEW', 1, 'service_ms', 'true')}
END;
CREATE TRIGGER report_on_ticket_delete AFTER DELETE ON tickets BEGIN
  ${dayShare('OLD', -1, share('OLD').original)}
  ${histShare('OLD', -1, 'wait', 'true')}
  ${histShare('OLD', -1, 'service_ms', 'true')}
END;
CREATE TRIGGER report_on_rating_insert AFTER INSERT ON ratings BEGIN ${ratingShare(1, 'NEW')}
END;
CREATE TRIGGER report_on_rating_delete AFTER DELETE ON ratings BEGIN ${ratingShare(-1, 'OLD')}
END;
${rollupBuildSql()}
${monthsFromDays()}
`;
