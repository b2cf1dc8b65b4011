// Report rollups kept by triggers in the same transaction as the ticket change, so no report ever
// waits for a rebuild (before: m002's rollups were dropped on every change and rebuilt from the
// tickets on the next report, 9–13 s for a year of a busy centre the first time).
//
// - report_day: per (business day, service, counter, officer) the exact counts, duration sums and
//   maxima, and tickets issued per local hour (h0…h23, the office's zone when the ticket was issued).
// - report_hist: 10-second buckets of wait and service times per day ('YYYY-MM-DD') and per month
//   ('YYYY-MM'), so medians and p90s over any range are exact to the bucket; measure 0 = wait, 1 = service.
// - report_rating, report_reason: ratings per scale and level, reasons per code, grouped by the
//   rated ticket's service, counter and officer.
// A ticket counts in the group it is in now (a called ticket leaves "no counter" for its counter), so
// an update moves its contribution: one grouped upsert subtracts the old row's share and adds the new
// one's; an update that changes no figure (serving, recall, retarget) fires nothing. A maximum that
// may have been removed is recounted from that group's tickets of that day (indexed, and rare: a
// no-show called again, a ticket unparked at another counter).
// The local hour comes from motcua_local_hour(ms, zone), registered on every connection by
// electron/host/db/sqlFunctions.ts (the zone rules of Intl; SQLite has no time zones).
// The m002 tables, their dirt triggers and the warm-up that filled them are gone.

export const BUCKET_MS = 10_000;
export const LAST_BUCKET = 8639;
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const ZONE = "(SELECT json_extract(value, '$.timeZone') FROM settings WHERE key = 'office')";

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

/** Rows (d, day, s, c, o, orig, cat, w, sv, hr) of the given ticket rows with their signs. */
function shares(rows: [string, 1 | -1][], hourWhen: (x: string) => string): string {
  return rows
    .map(([x, d]) => {
      const s = share(x);
      return `SELECT ${d} AS d, ${s.day} AS day, ${s.service} AS s, ${s.counter} AS c, ${s.officer} AS o, ${s.original} AS orig, ${s.category} AS cat,
        ${s.wait} AS w, ${s.service_ms} AS sv, CASE WHEN ${hourWhen(x)} THEN ${s.hour} END AS hr`;
    })
    .join(' UNION ALL ');
}

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

/** One upsert of report_day with the summed shares; `removed` names the row whose maxima may go. */
function dayUpsert(rows: [string, 1 | -1][], hourWhen: (x: string) => string, removed: string | null): string {
  const maxSet = (col: 'wait_max' | 'service_max', measure: 'wait' | 'service_ms') => {
    if (!removed) return `${col} = max(${col}, excluded.${col})`;
    const gone = share(removed)[measure];
    return `${col} = CASE WHEN ${isGroupOf(removed)} AND ${gone} >= report_day.${col} AND excluded.${col} < ${gone}
      THEN ${recountMax(removed, measure)} ELSE max(${col}, excluded.${col}) END`;
  };
  const add = (col: string) => `${col} = ${col} + excluded.${col}`;
  return `INSERT INTO report_day (${DAY_COLUMNS})
    SELECT day, s, c, o, sum(d * orig), sum(d * (cat = 1)), sum(d * (cat = 2)), sum(d * (cat = 3)), sum(d * (cat = 4)), sum(d * (cat = 5)),
      sum(d * (w IS NOT NULL)), sum(d * coalesce(w, 0)), coalesce(max(CASE WHEN d > 0 THEN w END), 0),
      sum(d * (sv IS NOT NULL)), sum(d * coalesce(sv, 0)), coalesce(max(CASE WHEN d > 0 THEN sv END), 0),
      ${HOURS.map((h) => `sum(d * (hr IS ${h}))`).join(', ')}
    FROM (${shares(rows, hourWhen)}) WHERE true GROUP BY day, s, c, o
    ON CONFLICT (business_day, service_id, counter_id, officer_id) DO UPDATE SET
      ${['issued', 'served', 'no_shows', 'transferred', 'cancelled', 'expired', 'wait_n', 'wait_sum', 'service_n', 'service_sum', ...HOURS.map((h) => `h${h}`)].map(add).join(', ')},
      ${maxSet('wait_max', 'wait')}, ${maxSet('service_max', 'service_ms')};`;
}

/** One upsert of report_hist: the buckets the shares move, for their day and their month. */
function histUpsert(rows: [string, 1 | -1][]): string {
  const parts = rows.flatMap(([x, d]) => {
    const s = share(x);
    const key = `${s.day} AS day, ${s.service} AS s, ${s.counter} AS c, ${s.officer} AS o`;
    return [
      `SELECT ${d} AS d, 0 AS m, ${key}, ${bucket(s.wait)} AS b WHERE ${s.wait} IS NOT NULL`,
      `SELECT ${d} AS d, 1 AS m, ${key}, ${bucket(s.service_ms)} AS b WHERE ${s.service_ms} IS NOT NULL`,
    ];
  });
  return `INSERT INTO report_hist (period, measure, service_id, counter_id, officer_id, bucket, n)
    SELECT substr(x.day, 1, p.len), x.m, x.s, x.c, x.o, x.b, sum(x.d) FROM (${parts.join(' UNION ALL ')}) x, (SELECT 10 AS len UNION ALL SELECT 7) p
    WHERE true GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(x.d) != 0
    ON CONFLICT (period, measure, service_id, counter_id, officer_id, bucket) DO UPDATE SET n = n + excluded.n;`;
}

/** Whether the update changes any figure a report shows. */
function figuresChange(): string {
  const o = share('OLD');
  const n = share('NEW');
  return (['day', 'service', 'counter', 'officer', 'original', 'category', 'wait', 'service_ms'] as const).map((k) => `${o[k]} IS NOT ${n[k]}`).join(' OR ');
}
const keyChanges = () => {
  const o = share('OLD');
  const n = share('NEW');
  return `(${(['day', 'service', 'counter', 'officer', 'original'] as const).map((k) => `${o[k]} IS NOT ${n[k]}`).join(' OR ')} OR OLD.issued_at IS NOT NEW.issued_at)`;
};

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
INSERT INTO report_day (${DAY_COLUMNS})
  SELECT day, s, c, o, sum(orig), sum(cat = 1), sum(cat = 2), sum(cat = 3), sum(cat = 4), sum(cat = 5),
    count(w), coalesce(sum(w), 0), coalesce(max(w), 0), count(sv), coalesce(sum(sv), 0), coalesce(max(sv), 0),
    ${HOURS.map((h) => `sum(hr IS ${h})`).join(', ')}
  FROM (SELECT ${t.day} AS day, ${t.service} AS s, ${t.counter} AS c, ${t.officer} AS o, ${t.original} AS orig, ${t.category} AS cat,
      ${t.wait} AS w, ${t.service_ms} AS sv, CASE WHEN ${t.original} THEN ${t.hour} END AS hr FROM tickets t WHERE ${where})
  GROUP BY day, s, c, o;
INSERT INTO report_hist (period, measure, service_id, counter_id, officer_id, bucket, n)
  SELECT day, m, s, c, o, b, count(*) FROM (
    SELECT ${t.day} AS day, 0 AS m, ${t.service} AS s, ${t.counter} AS c, ${t.officer} AS o, ${bucket(t.wait)} AS b FROM tickets t WHERE (${where}) AND ${t.wait} IS NOT NULL
    UNION ALL
    SELECT ${t.day}, 1, ${t.service}, ${t.counter}, ${t.officer}, ${bucket(t.service_ms)} FROM tickets t WHERE (${where}) AND ${t.service_ms} IS NOT NULL)
  GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO report_rating (business_day, service_id, counter_id, officer_id, levels, score, n)
  SELECT ${t.day}, ${t.service}, ${t.counter}, ${t.officer}, r.levels, r.score, count(*) FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE ${where}
  GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO report_reason (business_day, service_id, counter_id, officer_id, code, n)
  SELECT ${t.day}, ${t.service}, ${t.counter}, ${t.officer}, j.value, count(*) FROM ratings r JOIN tickets t ON t.id = r.ticket_id, json_each(r.reasons) j WHERE ${where}
  GROUP BY 1, 2, 3, 4, 5;`;
}

/** Month rows of report_hist summed from the day rows whose period matches `dayPattern` (GLOB). */
export const monthsFromDays = (dayPattern = '????-??-??') => `
INSERT INTO report_hist (period, measure, service_id, counter_id, officer_id, bucket, n)
  SELECT substr(period, 1, 7), measure, service_id, counter_id, officer_id, bucket, sum(n) FROM report_hist
  WHERE period GLOB '${dayPattern}' AND length(period) = 10 GROUP BY 1, 2, 3, 4, 5, 6;`;

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
CREATE TABLE report_hist (
  period TEXT NOT NULL,
  measure INTEGER NOT NULL CHECK (measure IN (0, 1)),
  service_id INTEGER NOT NULL,
  counter_id INTEGER NOT NULL,
  officer_id INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (period, measure, service_id, counter_id, officer_id, bucket)
) WITHOUT ROWID;
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

CREATE TRIGGER report_on_ticket_insert AFTER INSERT ON tickets BEGIN
  ${dayUpsert([['NEW', 1]], (x) => share(x).original, null)}
  ${histUpsert([['NEW', 1]])}
END;
CREATE TRIGGER report_on_ticket_update AFTER UPDATE ON tickets WHEN ${figuresChange()} BEGIN
  ${dayUpsert([['OLD', -1], ['NEW', 1]], (x) => `${share(x).original} AND ${keyChanges()}`, 'OLD')}
  ${histUpsert([['OLD', -1], ['NEW', 1]])}
END;
CREATE TRIGGER report_on_ticket_delete AFTER DELETE ON tickets BEGIN
  ${dayUpsert([['OLD', -1]], (x) => share(x).original, 'OLD')}
  ${histUpsert([['OLD', -1]])}
END;
CREATE TRIGGER report_on_rating_insert AFTER INSERT ON ratings BEGIN ${ratingShare(1, 'NEW')}
END;
CREATE TRIGGER report_on_rating_delete AFTER DELETE ON ratings BEGIN ${ratingShare(-1, 'OLD')}
END;
${rollupBuildSql()}
${monthsFromDays()}
`;
