import { businessDay } from '../../../shared/businessDay';
import type { OfficeConfig } from '../../../shared/domain';
import type { ReportQueries } from './reportQuery';

/**
 * Builds stale daily rollups in the background, one day per tick, so the first report after an
 * upgrade or a restart is instant and the queue never waits behind a long rebuild. Runs at start
 * and then every hour (catching the day that just closed).
 */
export function startReportWarmup(reports: ReportQueries, office: () => OfficeConfig, now: () => number, days = 400): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const run = () => {
    const o = office();
    const list: string[] = [];
    for (let i = days; i >= 1; i--) list.push(businessDay(now() - i * 86_400_000, o.timeZone, o.dayBoundaryMinutes));
    const step = () => {
      if (stopped) return;
      const d = list.shift();
      if (!d) {
        timer = setTimeout(run, 3_600_000);
        timer.unref();
        return;
      }
      try {
        reports.refresh(d, d);
      } catch {
        // A failed warm-up only means that report is built on demand instead.
      }
      setImmediate(step);
    };
    step();
  };
  timer = setTimeout(run, 2000);
  timer.unref();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
