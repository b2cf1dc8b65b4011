import { ArrowUpFromLine, ClipboardList, MapPin } from 'lucide-react';
import type { ServiceStatus, Zone } from '../../shared/api/schemas';
import { useQuery } from '../api/hooks';
import { fmt, useLang } from '../i18n';

/**
 * The result screen's "where to go and what to prepare": the zone and counters serving the ticket's
 * service — "Mời lên Tầng 2" when that is not the kiosk's own zone — and the documents to bring.
 * An office with one zone shows no zone at all (a ward says nothing new).
 */
export function WhereToGo({ service, zones, kioskZoneId }: { service: ServiceStatus; zones: Zone[]; kioskZoneId: number | null }) {
  const { t, pick } = useLang();
  const counters = useQuery('listCounters', {}, (m) => m.type === 'config.changed');
  const multiZone = zones.length > 1;
  const serving = (counters.data ?? []).filter((c) => c.serviceIds.includes(service.id));
  const here = kioskZoneId !== null && service.zoneIds.includes(kioskZoneId);
  const target = zones.find((z) => z.id === (here ? kioskZoneId : service.zoneIds[0]));
  const numbers = serving.filter((c) => !target || c.zoneId === target.id).map((c) => c.number);
  if (!multiZone || !target) return null;
  return (
    <div className={`where-to-go${here ? '' : ' elsewhere'}`} data-testid="where-to-go" data-zone={target.id}>
          <div className="zone">
            {here ? <MapPin size={48} aria-hidden="true" /> : <ArrowUpFromLine size={48} aria-hidden="true" />}
            {fmt(here ? t.waitInZone : t.goToZone, { zone: pick(target.nameVi, target.nameEn) })}
          </div>
          {numbers.length > 0 && <div className="counters">{fmt(t.atCounters, { list: numbers.join(', ') })}</div>}
          <div className="hint">{t.watchScreen}</div>
    </div>
  );
}

/** What to bring, as the office wrote it for the service. */
export function DocumentsToBring({ documents }: { documents: string[] }) {
  const { t } = useLang();
  if (documents.length === 0) return null;
  return (
    <div className="documents" data-testid="documents">
      <h3>
        <ClipboardList size={34} aria-hidden="true" /> {t.bringDocuments}
      </h3>
      <ul>
        {documents.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
    </div>
  );
}
