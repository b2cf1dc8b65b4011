import { useEffect, useState } from 'react';
import type { AnnouncementConfig, AnnouncementLang, ZoneAnnouncement } from '../../shared/announcementConfig';
import type { Zone } from '../../shared/domain';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { fmt, useLang } from '../i18n';
import { CheckField, Field, FieldGroup, FieldRow, TimeInput } from './FormField';
import { SettingForm, useSettingSave } from './SettingForm';

type Voice = Omit<ZoneAnnouncement, 'zoneId'>;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const quietOk = (v: Voice) => (v.quietFrom === null ? v.quietTo === null : v.quietTo !== null && HHMM.test(v.quietFrom) && HHMM.test(v.quietTo));
const voiceOf = (a: AnnouncementConfig): Voice => ({ enabled: a.enabled, lang: a.lang, repeat: a.repeat, volume: a.volume, quietFrom: a.quietFrom, quietTo: a.quietTo });

/** Voice, times read, volume and quiet hours: the office's, or one zone's own. */
function VoiceFields(props: { value: Voice; onChange: (v: Voice) => void; template: string | null }) {
  const { t } = useLang();
  const v = props.value;
  const set = (patch: Partial<Voice>) => props.onChange({ ...v, ...patch });
  return (
    <>
      <FieldRow>
        <Field label={t.annVoice} help={v.lang === 'both' && props.template ? t.annBothTemplate : undefined}>
          <select value={v.lang} onChange={(e) => set({ lang: e.target.value as AnnouncementLang })}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
            <option value="both">{t.annLangBoth}</option>
          </select>
        </Field>
        <Field label={t.annRepeat} help={t.annRepeatHelp}>
          <input type="number" min={1} max={3} value={v.repeat} onChange={(e) => set({ repeat: Math.round(Number(e.target.value)) })} />
        </Field>
      </FieldRow>
      <FieldRow>
        <Field label={t.annVolume} help={`${Math.round(v.volume * 100)} %`}>
          <input type="range" min={0} max={1} step={0.1} value={v.volume} onChange={(e) => set({ volume: Number(e.target.value) })} />
        </Field>
      </FieldRow>
      <FieldGroup legend={t.annQuiet} help={t.annQuietHelp}>
        <FieldRow>
          <Field label={t.hoursFrom}>
            <TimeInput value={v.quietFrom ?? ''} onChange={(x) => set({ quietFrom: x || null })} />
          </Field>
          <Field label={t.hoursTo}>
            <TimeInput value={v.quietTo ?? ''} onChange={(x) => set({ quietTo: x || null })} />
          </Field>
        </FieldRow>
      </FieldGroup>
    </>
  );
}

/**
 * How calls are spoken. An office with several zones may give a zone its own voice settings; an
 * office with one zone sees only the office's settings.
 */
export function AnnouncementForm() {
  const { t, lang } = useLang();
  const cfg = useQuery('announcementConfig', {}, () => false);
  const zonesQ = useQuery('listZones', {}, (m) => m.type === 'config.changed');
  const [a, setA] = useState<AnnouncementConfig | null>(null);
  const saving = useSettingSave();
  useEffect(() => setA(cfg.data), [cfg.data]);
  if (!a) return null;
  const zones: Zone[] = zonesQ.data ?? [];
  const zoneName = (z: Zone) => (lang === 'en' && z.nameEn ? z.nameEn : z.nameVi);
  // Only zones that exist are edited and sent: the settings of a zone since deleted are dropped.
  const own = (id: number) => a.zones.find((z) => z.zoneId === id);
  const setOwn = (id: number, v: Voice | null) => setA({ ...a, zones: [...a.zones.filter((z) => z.zoneId !== id), ...(v ? [{ zoneId: id, ...v }] : [])].sort((x, y) => x.zoneId - y.zoneId) });
  const errors = () => [
    ...(quietOk(a) ? [] : [t.annErrQuiet]),
    ...zones.filter((z) => own(z.id) && !quietOk(own(z.id) as Voice)).map((z) => fmt(t.annErrZoneQuiet, { zone: zoneName(z) })),
  ];
  const body = () => (zones.length > 1 ? { ...a, zones: a.zones.filter((z) => zones.some((x) => x.id === z.zoneId)) } : a);
  return (
    <SettingForm title={t.annTitle} form="announcement" saving={saving} saveLabel={t.save} onSubmit={() => void saving.run(errors(), () => call('setAnnouncementConfig', { body: body() }))}>
      <CheckField label={t.annEnabled} checked={a.enabled} onChange={(v) => setA({ ...a, enabled: v })} />
      <CheckField label={t.annReadPrefix} checked={a.readPrefix} onChange={(v) => setA({ ...a, readPrefix: v })} />
      <Field label={t.annTemplate} help={t.annTemplateHelp}>
        <input value={a.template ?? ''} maxLength={200} onChange={(e) => setA({ ...a, template: e.target.value || null })} />
      </Field>
      <VoiceFields value={voiceOf(a)} template={a.template} onChange={(v) => setA({ ...a, ...v })} />
      {zones.length > 1 && (
        <FieldGroup legend={t.annZones} help={t.annZonesHelp} testId="announcement-zones">
          {zones.map((z) => {
            const mine = own(z.id);
            return (
              <div key={z.id} className="zone-voice" data-zone={z.id}>
                <CheckField label={fmt(t.annZoneOwn, { zone: zoneName(z) })} checked={!!mine} onChange={(on) => setOwn(z.id, on ? voiceOf(a) : null)} />
                {mine && (
                  <FieldGroup legend={zoneName(z)}>
                    <CheckField label={t.annEnabled} checked={mine.enabled} onChange={(v) => setOwn(z.id, { ...mine, enabled: v })} />
                    <VoiceFields value={mine} template={a.template} onChange={(v) => setOwn(z.id, v)} />
                  </FieldGroup>
                )}
              </div>
            );
          })}
        </FieldGroup>
      )}
    </SettingForm>
  );
}
