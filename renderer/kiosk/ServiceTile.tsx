import type { ServiceStatus } from '../../shared/api/schemas';
import { ServiceIcon } from '../components/ServiceIcon';
import { useLang } from '../i18n';

/** One service on the kiosk: icon, letter, name, what it is, how long the line is now, and the wait if a counter is open for it. */
export function ServiceTile({ service: s, closedNote, onChoose }: { service: ServiceStatus; closedNote: string; onChoose: (s: ServiceStatus) => void }) {
  const { t, pick } = useLang();
  const description = pick(s.descriptionVi, s.descriptionEn);
  return (
    <button type="button" className={`tile${s.openNow ? '' : ' closed'}`} onClick={() => onChoose(s)} aria-disabled={!s.openNow} data-service={s.code}>
      <span className="tile-head">
        <ServiceIcon icon={s.icon} size={44} />
        <span className="prefix">{s.prefix}</span>
      </span>
      <span className="name">{pick(s.nameVi, s.nameEn)}</span>
      {description && <span className="description">{description}</span>}
      {s.openNow ? (
        <span className="meta">
          <span>
            {t.waiting}: <b>{s.waiting}</b> {t.people}
          </span>
          {s.etaMinutes === null ? (
            // The host says no open counter serves it: no minutes, but the tile still takes a number.
            <span className="no-counter" data-testid="tile-no-counter">
              {t.noOpenCounter}
            </span>
          ) : (
            <span data-testid="tile-eta">
              {t.etaAbout} <b>{s.etaMinutes}</b> {t.minutes}
            </span>
          )}
        </span>
      ) : (
        closedNote && <span className="closed-note">{closedNote}</span>
      )}
    </button>
  );
}
