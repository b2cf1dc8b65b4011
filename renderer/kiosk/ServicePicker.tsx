import { Search } from 'lucide-react';
import { useMemo } from 'react';
import type { ServiceGroup, ServiceStatus } from '../../shared/api/schemas';
import { searchServices } from '../../shared/serviceSearch';
import { ServiceIcon } from '../components/ServiceIcon';
import { VietnameseKeyboard } from '../components/VietnameseKeyboard';
import { fmt, useLang } from '../i18n';
import { ServiceTile } from './ServiceTile';
import '../styles/centre.css';

/** Up to this many services fit one screen of tiles (a ward office); more are shown by group first. */
export const DIRECT_MAX = 8;
const MAX_RESULTS = 12;

/** Where the citizen is in the catalogue; the kiosk resets it when it goes back to its start. */
export type Browse = { kind: 'top' } | { kind: 'group'; groupId: number | null } | { kind: 'search'; query: string };
export const BROWSE_TOP: Browse = { kind: 'top' };

interface Props {
  services: ServiceStatus[];
  groups: ServiceGroup[];
  browse: Browse;
  setBrowse: (b: Browse) => void;
  closedNote: (s: ServiceStatus) => string;
  onChoose: (s: ServiceStatus) => void;
  /** The heading above direct tiles (it says when the office is closed). */
  heading: React.ReactNode;
}

/**
 * The service selection screens. A ward office (≤ 8 services) sees its tiles at once, as always; a
 * centre sees its departments first, then one department's procedures, or searches — every
 * procedure two taps away.
 */
export function ServicePicker({ services, groups, browse, setBrowse, closedNote, onChoose, heading }: Props) {
  const { t, pick } = useLang();
  const tile = (s: ServiceStatus) => <ServiceTile key={s.id} service={s} closedNote={closedNote(s)} onChoose={onChoose} />;
  const groupName = useMemo(() => new Map(groups.map((g) => [g.id, g.nameVi])), [groups]);
  const searchable = useMemo(() => services.map((s) => ({ ...s, groupName: s.groupId === null ? '' : groupName.get(s.groupId) ?? '' })), [services, groupName]);

  if (services.length <= DIRECT_MAX) {
    return (
      <>
        {heading}
        <div className="tiles">{services.map(tile)}</div>
      </>
    );
  }

  if (browse.kind === 'search') {
    const found = searchServices(searchable, browse.query);
    return (
      <div className="service-search" data-testid="service-search">
        <div className="search-bar">
          <button type="button" className="btn-secondary back-to-groups" onClick={() => setBrowse(BROWSE_TOP)}>
            ← {t.allGroups}
          </button>
          <div className={`search-field${browse.query ? '' : ' empty'}`} data-testid="search-query" aria-live="polite">
            <Search size={36} aria-hidden="true" />
            <span>{browse.query || t.searchHint}</span>
          </div>
          {browse.query && (
            <button type="button" className="btn-secondary" onClick={() => setBrowse({ kind: 'search', query: '' })}>
              {t.searchClear}
            </button>
          )}
        </div>
        <div className="search-results">
          {browse.query && <div className="search-count">{found.length === 0 ? t.searchNone : fmt(t.searchFound, { n: found.length })}</div>}
          <div className="tiles compact">{found.slice(0, MAX_RESULTS).map(tile)}</div>
        </div>
        <VietnameseKeyboard value={browse.query} onChange={(query) => setBrowse({ kind: 'search', query })} maxLength={60} />
      </div>
    );
  }

  if (browse.kind === 'group') {
    const group = groups.find((g) => g.id === browse.groupId) ?? null;
    const inGroup = services.filter((s) => s.groupId === browse.groupId || (browse.groupId === null && !groupName.has(s.groupId ?? -1)));
    return (
      <>
        <div className="group-head">
          <button type="button" className="btn-secondary back-to-groups" onClick={() => setBrowse(BROWSE_TOP)}>
            ← {t.allGroups}
          </button>
          <h2>
            <ServiceIcon icon={group?.icon ?? ''} size={52} /> {group ? pick(group.nameVi, group.nameEn) : t.otherServices}
          </h2>
        </div>
        <div className="tiles in-group" data-testid="group-services">
          {inGroup.map(tile)}
        </div>
      </>
    );
  }

  // Groups first; services in no group (or in a group since removed) under "other procedures".
  const ungrouped = services.filter((s) => !groupName.has(s.groupId ?? -1));
  const cards = [
    ...groups.map((g) => ({ key: String(g.id), id: g.id as number | null, name: pick(g.nameVi, g.nameEn), icon: g.icon, list: services.filter((s) => s.groupId === g.id) })),
    ...(ungrouped.length > 0 ? [{ key: 'other', id: null, name: t.otherServices, icon: 'document', list: ungrouped }] : []),
  ].filter((c) => c.list.length > 0);
  return (
    <>
      {heading}
      <button type="button" className="search-open" onClick={() => setBrowse({ kind: 'search', query: '' })} data-action="search">
        <Search size={44} aria-hidden="true" />
        <span>{t.searchOpen}</span>
        <small>{t.searchHint}</small>
      </button>
      <div className="group-tiles" data-testid="group-list">
        {cards.map((c) => {
          const waiting = c.list.reduce((n, s) => n + s.waiting, 0);
          return (
            <button type="button" key={c.key} className="group-tile" data-group={c.key} onClick={() => setBrowse({ kind: 'group', groupId: c.id })}>
              <ServiceIcon icon={c.icon} size={48} />
              <span className="name">{c.name}</span>
              <span className="meta">
                {fmt(t.groupCount, { n: c.list.length })} · {t.waiting}: <b>{waiting}</b>
              </span>
            </button>
          );
        })}
      </div>
    </>
  );
}
