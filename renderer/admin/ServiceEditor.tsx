import { useState } from 'react';
import type { ServiceStatus } from '../../shared/api/schemas';
import type { OpeningWindow } from '../../shared/domain';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { useLang } from '../i18n';
import type { Dict } from '../i18n';
import { EditorLayout } from './EditorLayout';
import { SaveMessage, useSave } from './useSave';

const WEEKDAY_HOURS: OpeningWindow[] = [
  { days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' },
  { days: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' },
];

const blank = { id: undefined as number | undefined, code: '', nameVi: '', nameEn: '', prefix: '', rangeStart: 1, rangeEnd: 999, dailyQuota: '' as string, active: true, sortOrder: 0, weekdayHours: true, alertMinutes: '45' as string };
type Form = typeof blank;

/** "T2–T6 07:30–11:30, 13:30–17:00 · T7 07:30–11:30": what the office set, including what this form cannot edit. */
export function hoursText(t: Dict, hours: OpeningWindow[]): string {
  if (hours.length === 0) return t.hoursAlways;
  const names = t.weekdaysShort.split(',');
  const daysText = (days: number[]) => {
    const d = [...new Set(days)].sort((a, b) => a - b);
    const runs: string[] = [];
    for (let i = 0; i < d.length; ) {
      let j = i;
      while (j + 1 < d.length && (d[j + 1] as number) === (d[j] as number) + 1) j++;
      const from = names[(d[i] as number) - 1];
      runs.push(j > i ? `${from}–${names[(d[j] as number) - 1]}` : `${from}`);
      i = j + 1;
    }
    return runs.join(', ');
  };
  const byDays = new Map<string, string[]>();
  for (const w of hours) byDays.set(daysText(w.days), [...(byDays.get(daysText(w.days)) ?? []), `${w.from}–${w.to}`]);
  return [...byDays].map(([days, times]) => `${days} ${times.join(', ')}`).join(' · ');
}

const toForm = (s: ServiceStatus): Form => ({
  id: s.id,
  code: s.code,
  nameVi: s.nameVi,
  nameEn: s.nameEn,
  prefix: s.prefix,
  rangeStart: s.rangeStart,
  rangeEnd: s.rangeEnd,
  dailyQuota: s.dailyQuota ? String(s.dailyQuota) : '',
  active: s.active,
  sortOrder: s.sortOrder,
  weekdayHours: s.hours.length > 0,
  alertMinutes: s.alertMinutes ? String(s.alertMinutes) : '',
});

const bodyFields = (x: Form) => ({
  code: x.code.trim().toUpperCase(),
  nameVi: x.nameVi,
  nameEn: x.nameEn,
  prefix: x.prefix.trim().toUpperCase(),
  rangeStart: x.rangeStart,
  rangeEnd: x.rangeEnd,
  dailyQuota: x.dailyQuota ? Number(x.dailyQuota) : null,
  active: x.active,
  sortOrder: x.sortOrder,
  alertMinutes: x.alertMinutes ? Number(x.alertMinutes) : null,
});

export function ServiceEditor() {
  const { t } = useLang();
  const services = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const [f, setF] = useState(blank);
  // The service as loaded: an edit sends only what differs from it, so the hours (Saturday
  // mornings…), the icon and anything else this form does not show stay as they are.
  const [orig, setOrig] = useState<ServiceStatus | null>(null);
  const { message, save } = useSave();
  const edit = (s: ServiceStatus) => {
    setOrig(s);
    setF(toForm(s));
  };
  const editing = orig && f.id === orig.id ? orig : null;
  const submit = () => {
    const fields = bodyFields(f);
    const body: Record<string, unknown> = editing ? { id: editing.id } : { ...fields, hours: f.weekdayHours ? WEEKDAY_HOURS : [] };
    if (editing) {
      const before = toForm(editing);
      const was = bodyFields(before);
      for (const [k, v] of Object.entries(fields)) if (JSON.stringify(v) !== JSON.stringify(was[k as keyof typeof was])) body[k] = v;
      // The checkbox only speaks when it is changed: on = office hours, off = no limit.
      if (f.weekdayHours !== before.weekdayHours) body.hours = f.weekdayHours ? WEEKDAY_HOURS : [];
    }
    return save(() =>
      call('saveService', { body }).then(() => {
        setF(blank);
        setOrig(null);
        services.reload();
      }),
    );
  };
  return (
    <EditorLayout
      title={'Dịch vụ'}
      items={services.data ?? []}
      label={(s) => (
        <>
          <span className="n">{s.prefix}</span> {s.nameVi} {s.active ? '' : '(tạm ngừng)'}
        </>
      )}
      onEdit={edit}
      formTitle={f.id ? 'Sửa dịch vụ' : 'Thêm dịch vụ'}
      onSubmit={() => void submit()}
    >
        <input aria-label="Mã" placeholder="Mã (VD: CCCD)" value={f.code} onChange={(e) => setF({ ...f, code: e.target.value })} />
        <input aria-label="Tên tiếng Việt" placeholder="Tên dịch vụ" value={f.nameVi} onChange={(e) => setF({ ...f, nameVi: e.target.value })} />
        <input aria-label="Tên tiếng Anh" placeholder="Tên tiếng Anh" value={f.nameEn} onChange={(e) => setF({ ...f, nameEn: e.target.value })} />
        <input aria-label="Tiền tố" placeholder="Tiền tố số (VD: G)" value={f.prefix} onChange={(e) => setF({ ...f, prefix: e.target.value })} />
        <label>
          Dải số <input type="number" value={f.rangeStart} onChange={(e) => setF({ ...f, rangeStart: Number(e.target.value) })} style={{ width: 110 }} /> đến{' '}
          <input type="number" value={f.rangeEnd} onChange={(e) => setF({ ...f, rangeEnd: Number(e.target.value) })} style={{ width: 110 }} />
        </label>
        <input aria-label="Giới hạn số/ngày" placeholder="Giới hạn số phiếu mỗi ngày (để trống: không giới hạn)" value={f.dailyQuota} onChange={(e) => setF({ ...f, dailyQuota: e.target.value.replace(/\D/g, '') })} />
        <input aria-label="Ngưỡng cảnh báo chờ (phút)" placeholder="Cảnh báo khi chờ quá … phút (để trống: không cảnh báo)" value={f.alertMinutes} onChange={(e) => setF({ ...f, alertMinutes: e.target.value.replace(/\D/g, '') })} />
        {editing && (
          <div className="stat" data-testid="service-hours">
            {t.hoursNow} {hoursText(t, editing.hours)}
          </div>
        )}
        <label>
          <input type="checkbox" checked={f.weekdayHours} onChange={(e) => setF({ ...f, weekdayHours: e.target.checked })} /> Giờ hành chính (T2–T6, 07:30–11:30, 13:30–17:00)
        </label>
        <label>
          <input type="checkbox" checked={f.active} onChange={(e) => setF({ ...f, active: e.target.checked })} /> Đang tiếp nhận
        </label>
        <SaveMessage message={message} />
        <button type="submit" className="btn-primary">
          Lưu dịch vụ
        </button>
    </EditorLayout>
  );
}
