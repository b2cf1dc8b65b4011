import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { Counter, ServiceGroup, ServiceStatus, Zone } from '../../shared/api/schemas';
import { SERVICE_ICON_KEYS } from '../../shared/serviceIcons';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { ServiceIcon } from '../components/ServiceIcon';
import { errorText, fmt, useLang } from '../i18n';
import { readCatalogue, saveCatalogue } from './catalogueFile';
import { useSettingSave } from './SettingForm';
import '../styles/centre.css';

// The centre's catalogue (issue #15): departments, zones, each counter's zone, and per procedure
// its department, description and documents to bring. Every save is live: the kiosks and displays
// re-read on config.changed. Kept apart from the other editors on purpose (to be folded into the
// shared editor layout later).

const refetch = (m: { type: string }) => m.type === 'config.changed';

/** What a delete said, shown above the list (the deleted row itself is gone). */
type Deleted = { ok: boolean; text: string } | null;

function DeleteNote({ note }: { note: Deleted }) {
  const box = useRef<HTMLDivElement>(null);
  // The Delete button may be far down a long list; the note is at the top of its card.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, [note]);
  if (!note) return null;
  return note.ok ? (
    <div ref={box} className="stat" role="status" data-testid="delete-message">
      {note.text}
    </div>
  ) : (
    <div ref={box} className="error-banner" role="alert" data-testid="delete-error">
      {note.text}
    </div>
  );
}

function GroupRow({ group, onSaved, onDelete }: { group: ServiceGroup | null; onSaved: () => void; onDelete?: () => void }) {
  const { t } = useLang();
  const [nameVi, setNameVi] = useState(group?.nameVi ?? '');
  const [nameEn, setNameEn] = useState(group?.nameEn ?? '');
  const [icon, setIcon] = useState(group?.icon ?? 'document');
  const [sortOrder, setSortOrder] = useState(group?.sortOrder ?? 0);
  const { run: saveRun, view: saveView } = useSettingSave();
  const submit = () =>
    void saveRun([], () => call('saveServiceGroup', { body: { id: group?.id, nameVi, nameEn, icon, sortOrder } }), t.saved).then((ok) => {
      if (ok) onSaved();
      if (ok && !group) {
        setNameVi('');
        setNameEn('');
      }
    });
  return (
    <form className="catalogue-row" data-group-row={group?.id ?? 'new'} onSubmit={(e) => (e.preventDefault(), submit())}>
      <ServiceIcon icon={icon} size={32} />
      <input aria-label={t.catNameVi} placeholder={t.catNameVi} value={nameVi} onChange={(e) => setNameVi(e.target.value)} />
      <input aria-label={t.catNameEn} placeholder={t.catNameEn} value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
      <select aria-label={t.catIcon} value={icon} onChange={(e) => setIcon(e.target.value)}>
        {SERVICE_ICON_KEYS.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <input type="number" aria-label={t.catOrder} min={0} max={1000} value={sortOrder} onChange={(e) => setSortOrder(Number(e.target.value))} style={{ width: 90 }} />
      <button type="submit" className="btn-primary">
        {group ? t.save : t.catAddGroup}
      </button>
      {group && onDelete && (
        <button type="button" className="btn-secondary" onClick={onDelete} data-action="delete-group">
          {t.catDelete}
        </button>
      )}
      {saveView}
    </form>
  );
}

function ZoneRow({ zone, onSaved, onDelete }: { zone: Zone | null; onSaved: () => void; onDelete?: () => void }) {
  const { t } = useLang();
  const [nameVi, setNameVi] = useState(zone?.nameVi ?? '');
  const [nameEn, setNameEn] = useState(zone?.nameEn ?? '');
  const [sortOrder, setSortOrder] = useState(zone?.sortOrder ?? 0);
  const { run: saveRun, view: saveView } = useSettingSave();
  const submit = () =>
    void saveRun([], () => call('saveZone', { body: { id: zone?.id, nameVi, nameEn, sortOrder } }), t.saved).then((ok) => {
      if (ok) onSaved();
      if (ok && !zone) {
        setNameVi('');
        setNameEn('');
      }
    });
  return (
    <form className="catalogue-row" data-zone-row={zone?.id ?? 'new'} onSubmit={(e) => (e.preventDefault(), submit())}>
      <input aria-label={t.catNameVi} placeholder={t.catNameVi} value={nameVi} onChange={(e) => setNameVi(e.target.value)} />
      <input aria-label={t.catNameEn} placeholder={t.catNameEn} value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
      <input type="number" aria-label={t.catOrder} min={0} max={1000} value={sortOrder} onChange={(e) => setSortOrder(Number(e.target.value))} style={{ width: 90 }} />
      <button type="submit" className="btn-primary">
        {zone ? t.save : t.catAddZone}
      </button>
      {zone && onDelete && (
        <button type="button" className="btn-secondary" onClick={onDelete} data-action="delete-zone">
          {t.catDelete}
        </button>
      )}
      {saveView}
    </form>
  );
}

function CounterZone({ counter, zones, onSaved }: { counter: Counter; zones: Zone[]; onSaved: () => void }) {
  const { t, pick } = useLang();
  const { run: saveRun, view: saveView } = useSettingSave();
  return (
    <div className="catalogue-row" data-counter-zone={counter.number}>
      <b style={{ minWidth: 110 }}>{counter.name}</b>
      <select
        aria-label={t.catZone}
        value={counter.zoneId}
        onChange={(e) => void saveRun([], () => call('saveCounter', { body: { id: counter.id, zoneId: Number(e.target.value) } }), t.saved).then((ok) => ok && onSaved())}
      >
        {zones.map((z) => (
          <option key={z.id} value={z.id}>
            {pick(z.nameVi, z.nameEn)}
          </option>
        ))}
      </select>
      {saveView}
    </div>
  );
}

function ServiceRow({ service, groups, onSaved }: { service: ServiceStatus; groups: ServiceGroup[]; onSaved: () => void }) {
  const { t, pick } = useLang();
  const [draftGroupId, setGroupId] = useState<number | null>(service.groupId);
  // A draft naming a group deleted since is no group: the kiosk already shows it ungrouped.
  const groupId = draftGroupId !== null && groups.some((g) => g.id === draftGroupId) ? draftGroupId : null;
  const [descriptionVi, setDescriptionVi] = useState(service.descriptionVi);
  const [descriptionEn, setDescriptionEn] = useState(service.descriptionEn);
  const [documents, setDocuments] = useState(service.documents.join('\n'));
  const [documentsEn, setDocumentsEn] = useState(service.documentsEn.join('\n'));
  const list = (text: string) => text.split('\n').map((d) => d.trim()).filter(Boolean);
  const { run: saveRun, view: saveView } = useSettingSave();
  const submit = () =>
    void saveRun([], 
      () =>
        call('saveService', {
          body: { id: service.id, groupId, descriptionVi, descriptionEn, documents: list(documents), documentsEn: list(documentsEn) },
        }),
      t.saved,
    ).then((ok) => ok && onSaved());
  return (
    <form className="catalogue-service" data-service-row={service.code} onSubmit={(e) => (e.preventDefault(), submit())}>
      <div className="title">
        <ServiceIcon icon={service.icon} size={28} /> <b>{service.prefix}</b> {pick(service.nameVi, service.nameEn)}
      </div>
      <label>
        {t.catGroup}
        <select value={groupId ?? ''} onChange={(e) => setGroupId(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{t.catNoGroup}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {pick(g.nameVi, g.nameEn)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.catDescription}
        <input value={descriptionVi} maxLength={300} onChange={(e) => setDescriptionVi(e.target.value)} />
      </label>
      <label>
        {t.catDescriptionEn}
        <input value={descriptionEn} maxLength={300} onChange={(e) => setDescriptionEn(e.target.value)} />
      </label>
      <label>
        {t.catDocuments}
        <textarea rows={3} value={documents} onChange={(e) => setDocuments(e.target.value)} data-field="documents" />
      </label>
      <label>
        {t.catDocumentsEn}
        <textarea rows={3} value={documentsEn} onChange={(e) => setDocumentsEn(e.target.value)} data-field="documentsEn" />
      </label>
      <button type="submit" className="btn-primary">
        {t.save}
      </button>
      {saveView}
    </form>
  );
}

/** Export the catalogue as a spreadsheet, or import one (all rows or none). */
function CatalogueFile({ onImported }: { onImported: () => void }) {
  const { t } = useLang();
  const { run: saveRun, view: saveView } = useSettingSave();
  const exportAs = (kind: 'csv' | 'xlsx') => void saveRun([], async () => saveCatalogue(await call('exportCatalogue', {}), kind), t.catExported);
  const importFile = (file: File) =>
    void saveRun([], async () => {
      const { rows, problems } = await readCatalogue(file);
      if (problems.length > 0) throw new Error(problems.join('; '));
      const r = await call('importCatalogue', { body: { rows } });
      onImported();
      return r;
    }, t.catImported).then(() => onImported());
  return (
    <section className="card" data-testid="catalogue-file">
      <h2>{t.catFile}</h2>
      <p className="muted">{t.catFileHelp}</p>
      <div className="catalogue-row">
        <button type="button" className="btn-secondary" onClick={() => exportAs('xlsx')}>
          {t.catExportXlsx}
        </button>
        <button type="button" className="btn-secondary" onClick={() => exportAs('csv')} data-action="export-csv">
          {t.catExportCsv}
        </button>
        <label className="btn-secondary" style={{ cursor: 'pointer', padding: '10px 16px' }}>
          {t.catImport}
          <input type="file" accept=".csv,.xlsx" style={{ display: 'none' }} data-action="import" onChange={(e) => e.target.files?.[0] && importFile(e.target.files[0])} />
        </label>
        {saveView}
      </div>
    </section>
  );
}

export function CataloguePanel() {
  const { t, lang, pick } = useLang();
  const [zoneNote, setZoneNote] = useState<Deleted>(null);
  const [groupNote, setGroupNote] = useState<Deleted>(null);
  const groups = useQuery('listServiceGroups', {}, refetch);
  const zones = useQuery('listZones', {}, refetch);
  const counters = useQuery('adminCounters', {}, refetch);
  const services = useQuery('listServices', {}, refetch);
  const reload = () => {
    groups.reload();
    zones.reload();
    counters.reload();
    services.reload();
  };
  const deleteGroup = (g: ServiceGroup) => {
    const inGroup = (services.data ?? []).filter((s) => s.groupId === g.id).length;
    if (!confirm(fmt(t.catDeleteGroupAsk, { name: pick(g.nameVi, g.nameEn), n: inGroup }))) return;
    setGroupNote(null);
    call('deleteServiceGroup', { params: { id: g.id } })
      .then((r) => {
        const name = pick(g.nameVi, g.nameEn);
        setGroupNote({ ok: true, text: r.ungrouped.length > 0 ? fmt(t.catGroupDeleted, { name, codes: r.ungrouped.join(', ') }) : fmt(t.catGroupDeletedEmpty, { name }) });
        reload();
      })
      .catch((e: unknown) => setGroupNote({ ok: false, text: errorText(e, lang) }));
  };
  const deleteZone = (z: Zone) => {
    if (!confirm(fmt(t.catDeleteZoneAsk, { name: pick(z.nameVi, z.nameEn) }))) return;
    setZoneNote(null);
    call('deleteZone', { params: { id: z.id } })
      .then(() => {
        setZoneNote({ ok: true, text: fmt(t.catZoneDeleted, { name: pick(z.nameVi, z.nameEn) }) });
        reload();
      })
      .catch((e: unknown) => {
        // The host names the counters in Vietnamese; the screen names them in its own language
        // from the counters it shows (re-read on every config change).
        const left = (counters.data ?? []).filter((c) => c.zoneId === z.id).map((c) => c.name);
        const text = e instanceof ApiError && e.code === 'ZONE_HAS_COUNTERS' && left.length > 0 ? fmt(t.catZoneHasCounters, { name: pick(z.nameVi, z.nameEn), counters: left.join(', ') }) : errorText(e, lang);
        setZoneNote({ ok: false, text });
        reload();
      });
  };
  // Rows keyed by id: a re-read after a save keeps each row's draft and its "saved" note.
  return (
    <div className="catalogue-panel">
      <CatalogueFile onImported={reload} />
      <section className="card">
        <h2>{t.catZones}</h2>
        <p className="muted">{t.catZonesHelp}</p>
        <DeleteNote note={zoneNote} />
        {(zones.data ?? []).map((z) => (
          <ZoneRow key={z.id} zone={z} onSaved={reload} onDelete={(zones.data?.length ?? 0) > 1 ? () => deleteZone(z) : undefined} />
        ))}
        <ZoneRow zone={null} onSaved={reload} />
      </section>
      <section className="card">
        <h2>{t.catCounters}</h2>
        <div className="catalogue-grid">
          {(counters.data ?? []).map((c) => (
            <CounterZone key={c.id} counter={c} zones={zones.data ?? []} onSaved={reload} />
          ))}
        </div>
      </section>
      <section className="card">
        <h2>{t.catGroups}</h2>
        <p className="muted">{t.catGroupsHelp}</p>
        <DeleteNote note={groupNote} />
        {(groups.data ?? []).map((g) => (
          <GroupRow key={g.id} group={g} onSaved={reload} onDelete={() => deleteGroup(g)} />
        ))}
        <GroupRow group={null} onSaved={reload} />
      </section>
      <section className="card">
        <h2>{t.catServices}</h2>
        {(services.data ?? []).map((s) => (
          <ServiceRow key={s.id} service={s} groups={groups.data ?? []} onSaved={reload} />
        ))}
      </section>
    </div>
  );
}
