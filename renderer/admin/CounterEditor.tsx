import { useState } from 'react';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { EditorLayout } from './EditorLayout';
import { SaveMessage, useSave } from './useSave';

export function CounterEditor() {
  const counters = useQuery('adminCounters', {}, (m) => m.type === 'config.changed');
  const services = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const [id, setId] = useState<number | undefined>();
  const [number, setNumber] = useState(1);
  const [name, setName] = useState('');
  const [serviceIds, setServiceIds] = useState<number[]>([]);
  const { message, save } = useSave();
  const toggle = (sid: number) => setServiceIds(serviceIds.includes(sid) ? serviceIds.filter((x) => x !== sid) : [...serviceIds, sid]);
  return (
    <EditorLayout
      title={'Quầy'}
      items={counters.data ?? []}
      label={(c) => (
        <>
          <span className="n">{c.name}</span> {c.serviceIds.map((s) => services.data?.find((x) => x.id === s)?.prefix).join(' → ')}
        </>
      )}
      onEdit={(c) => {
        setId(c.id);
        setNumber(c.number);
        setName(c.name);
        setServiceIds(c.serviceIds);
      }}
      formTitle={id ? 'Sửa quầy' : 'Thêm quầy'}
      onSubmit={() => void save(() => call('saveCounter', { body: { id, number, name: name || `Quầy ${number}`, serviceIds } }).then(() => counters.reload()))}
    >
        <label>
          Số quầy <input type="number" aria-label="Số quầy" min={1} value={number} onChange={(e) => setNumber(Number(e.target.value))} style={{ width: 110 }} />
        </label>
        <input aria-label="Tên quầy" placeholder="Tên quầy (VD: Quầy 5)" value={name} onChange={(e) => setName(e.target.value)} />
        <div>Dịch vụ phục vụ, theo thứ tự gọi (chọn lần lượt):</div>
        <div className="chips">
          {(services.data ?? []).map((s) => (
            <button type="button" key={s.id} className={serviceIds.includes(s.id) ? 'on' : ''} onClick={() => toggle(s.id)} data-service-pick={s.code}>
              {serviceIds.includes(s.id) ? `${serviceIds.indexOf(s.id) + 1}. ` : ''}
              {s.nameVi}
            </button>
          ))}
        </div>
        <SaveMessage message={message} />
        <button type="submit" className="btn-primary">
          Lưu quầy
        </button>
    </EditorLayout>
  );
}
