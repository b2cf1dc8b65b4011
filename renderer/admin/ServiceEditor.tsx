import { useState } from 'react';
import type { ServiceStatus } from '../../shared/api/schemas';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { EditorLayout } from './EditorLayout';
import { SaveMessage, useSave } from './useSave';

const blank = { id: undefined as number | undefined, code: '', nameVi: '', nameEn: '', prefix: '', rangeStart: 1, rangeEnd: 999, dailyQuota: '' as string, active: true, sortOrder: 0, weekdayHours: true, alertMinutes: '45' as string };

export function ServiceEditor() {
  const services = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const [f, setF] = useState(blank);
  const { message, save } = useSave();
  const edit = (s: ServiceStatus) =>
    setF({ id: s.id, code: s.code, nameVi: s.nameVi, nameEn: s.nameEn, prefix: s.prefix, rangeStart: s.rangeStart, rangeEnd: s.rangeEnd, dailyQuota: s.dailyQuota ? String(s.dailyQuota) : '', active: s.active, sortOrder: s.sortOrder, weekdayHours: s.hours.length > 0, alertMinutes: s.alertMinutes ? String(s.alertMinutes) : '' });
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
          alertMinutes: f.alertMinutes ? Number(f.alertMinutes) : null,
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
