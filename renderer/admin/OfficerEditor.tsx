import { useState } from 'react';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { EditorLayout } from './EditorLayout';
import { SaveMessage, useSave } from './useSave';

export function OfficerEditor() {
  const officers = useQuery('adminOfficers', {}, (m) => m.type === 'config.changed');
  const [id, setId] = useState<number | undefined>();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [pin, setPin] = useState('');
  const [active, setActive] = useState(true);
  const { message, save } = useSave();
  return (
    <EditorLayout
      title={'Cán bộ'}
      items={officers.data ?? []}
      label={(o) => (
        <>
          <span className="n">{o.name}</span> {o.title} {o.active ? '' : '(nghỉ)'}
        </>
      )}
      onEdit={(o) => {
        setId(o.id);
        setName(o.name);
        setTitle(o.title);
        setActive(o.active);
        setPin('');
      }}
      formTitle={id ? 'Sửa cán bộ' : 'Thêm cán bộ'}
      onSubmit={() => void save(() => call('saveOfficer', { body: { id, name, title, active, pin: pin || undefined } }).then(() => officers.reload()))}
    >
        <input aria-label="Họ tên" placeholder="Họ và tên" value={name} onChange={(e) => setName(e.target.value)} />
        <input aria-label="Chức danh" placeholder="Chức danh" value={title} onChange={(e) => setTitle(e.target.value)} />
        <input aria-label="PIN" placeholder={id ? 'PIN mới (để trống: giữ nguyên)' : 'Mã PIN (4–8 số)'} inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))} />
        <label>
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> Đang làm việc
        </label>
        <SaveMessage message={message} />
        <button type="submit" className="btn-primary">
          Lưu cán bộ
        </button>
    </EditorLayout>
  );
}
