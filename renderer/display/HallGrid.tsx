import type { ReactNode } from 'react';
import type { DisplayState } from '../../shared/api/schemas';
import { fmt, useLang } from '../i18n';
import { GRID_PAGE, ROOMY, paged, waitingPage } from './hallPages';
import '../styles/hallGrid.css';

// A centre's hall (more counters than a table can hold): every counter a cell of five fixed
// columns sized in vh, so a 1366×768 and a 1920×1080 TV show the same board, only sharper. The
// counter's number and the number it serves are what a citizen reads from across the hall; the
// counter's name ("Quầy 12") says nothing its number does not, so the cell shows the number alone
// under one heading.

/** The newest calls still at their counter are lit up in the grid. */
const FRESH_CALLS = 3;
/** Earlier calls listed under the now-calling panel: what fits its height at 1366×768. */
const RECENT_SHOWN = 4;

function PageMark({ page, pages }: { page: number; pages: number }) {
  const { t } = useLang();
  if (pages < 2) return null;
  return <span className="page-mark">{fmt(t.pageOf, { page: page + 1, pages })}</span>;
}

export function CounterGrid({ d, now, heading }: { d: DisplayState; now: number; heading: ReactNode }) {
  const { t } = useLang();
  const fresh = new Map(d.recentCalls.slice(0, FRESH_CALLS).map((c, i) => [c.ticketId, i]));
  const { shown, page, pages } = paged(d.counters, GRID_PAGE, now);
  return (
    <div className={`hall-grid-wrap${d.counters.length <= ROOMY ? ' roomy' : ''}`}>
      <h2>
        {heading}
        <PageMark page={page} pages={pages} />
      </h2>
      <div className="hall-grid" data-testid="counter-grid">
        {shown.map((c) => {
          const rank = c.current ? fresh.get(c.current.ticketId) : undefined;
          const state = rank === 0 ? 'busy fresh newest' : rank !== undefined ? 'busy fresh' : c.current ? 'busy' : c.status;
          return (
            <div key={c.id} data-counter={c.number} className={`cell ${state}`}>
              <span className="label">
                <span className="visually-hidden">{`${t.counter} `}</span>
                {c.number}
              </span>
              <span className="num" data-ticket-number={c.current ? '' : undefined}>
                {c.current?.number ?? (c.status === 'closed' ? '' : '—')}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

export function WaitingPages({ d, now, bilingual, heading }: { d: DisplayState; now: number; bilingual: boolean; heading: ReactNode }) {
  const { pick } = useLang();
  const size = waitingPage(d.counters.length);
  // A long list names only the lines with someone waiting (as the ward's list does past 12 services).
  const lines = d.waiting.length <= size ? d.waiting : d.waiting.filter((w) => w.waiting > 0);
  const { shown, page, pages } = paged(lines, size, now);
  return (
    <div className="hall-waiting-wrap">
      <h2>
        {heading}
        <PageMark page={page} pages={pages} />
      </h2>
      <div className="hall-waiting" data-testid="waiting">
        {shown.map((w) => (
          <div key={w.id} data-line={w.id}>
            <span className="name">
              {pick(w.nameVi, w.nameEn)}
              {bilingual && w.nameEn && <span className="en">{w.nameEn}</span>}
            </span>
            <b>{w.waiting}</b>
          </div>
        ))}
      </div>
    </div>
  );
}

/** Under the now-calling panel: the calls before it, newest first (the grid lights the same ones). */
export function RecentColumn({ d, heading }: { d: DisplayState; heading: ReactNode }) {
  const { t } = useLang();
  const earlier = d.recentCalls.filter((c) => c.ticketId !== d.nowCalling?.ticketId).slice(0, RECENT_SHOWN);
  if (earlier.length === 0) return null;
  return (
    <section className="hall-recent">
      <h2>{heading}</h2>
      <div data-testid="recent-calls">
        {earlier.map((c) => (
          <div key={c.ticketId} data-number={c.number}>
            <b data-ticket-number="">{c.number}</b>
            <span className="to">
              → {t.counter} {c.counterNumber}
            </span>
          </div>
        ))}
      </div>
    </section>
  );
}
