import { useState } from 'react';
import type { ServiceStatus } from '../../shared/api/schemas';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { SaveMessage, useSave } from './useSave';

const blank = { id: undefined as number | undefined, code: '', nameVi: '', nameEn: '', prefix: '', rangeStart: 1, rangeEnd: 999, dailyQuota: '' as string, active: true, sortOrder: 0, weekdayHours: true };

export function ServiceEditor() {
  const services = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const [f, setF] = useState(blank);
  const { message, save } = useSave();
  const edit = (s: ServiceStatus) =>
    setF({ id: s.id, code: s.code, nameVi: s.nameVi, nameEn: s.nameEn, prefix: s.prefix, rangeStart: s.rangeStart, rangeEnd: s.rangeEnd, dailyQuota: s.dailyQuota ? String(s.dailyQuota) : '', active: s.active, sortOrder: s.sortOrder, weekdayHours: s.hours.length > 0 });
  const submit = () =>
    save(() =>
      call('saveService', {
        body: {
          id: f.id,
          code: f.code.trim().toUpperCase(),
          nameVi: f.nameVi,
          nameEn: f.nameEn,
          prefix: f.prefix.trim().toUpperCase(),
          rangeStart: f.rangeStart,
          rangeEnd: f.rangeEnd,
          dailyQuota: f.dailyQuota ? Number(f.dailyQuota) : null,
          active: f.active,
          sortOrder: f.sortOrder,
          hours: f.weekdayHours
            ? [
                { days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' },
                { days: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' },
              ]
            : [],
        },
      }).then(() => {
        setF(blank);
        services.reload();
      }),
    );
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 22 }}>
      <div className="panel">
        <h2>Dịch vụ</h2>
        <ul className="list">
          {(services.data ?? []).map((s) => (
            <li key={s.id}>
              <span>
                <span className="n">{s.prefix}</span> {s.nameVi} {s.active ? '' : '(tạm ngừng)'}
              </span>
              <button type="button" className="btn-secondary" onClick={() => edit(s)}>
                Sửa
              </button>
            </li>
          ))}
        </ul>
      </div>
      <form
        className="panel"
        style={{ display: 'grid', gap: 10 }}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>{f.id ? 'Sửa dịch vụ' : 'Thêm dịch vụ'}</h2>
        <input aria-label="Mã" placeholder="Mã (VD: CCCD)" value={f.code} onChange={(e) => setF({ ...f, code: e.target.value })} />
        <input aria-label="Tên tiếng Việt" placeholder="Tên dịch vụ" value={f.nameVi} onChange={(e) => setF({ ...f, nameVi: e.target.value })} />
        <input aria-label="Tên tiếng Anh" placeholder="Tên tiếng Anh" value={f.nameEn} onChange={(e) => setF({ ...f, nameEn: e.target.value })} />
        <input aria-label="Tiền tố" placeholder="Tiền tố số (VD: G)" value={f.prefix} onChange={(e) => setF({ ...f, prefix: e.target.value })} />
        <label>
          Dải số <input type="number" value={f.rangeStart} onChange={(e) => setF({ ...f, rangeStart: Number(e.target.value) })} style={{ width: 110 }} /> đến{' '}
          <input type="number" value={f.rangeEnd} onChange={(e) => setF({ ...f, rangeEnd: Number(e.target.value) })} style={{ width: 110 }} />
        </label>
        <input aria-label="Giới hạn số/ngày" placeholder="Giới hạn số phiếu mỗi ngày (để trống: không giới hạn)" value={f.dailyQuota} onChange={(e) => setF({ ...f, dailyQuota: e.target.value.replace(/\D/g, '') })} />
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
      </form>
    </div>
  );
}
