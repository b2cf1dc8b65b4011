import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { SaveMessage, useSave } from './useSave';

export function OfficeForm() {
  const office = useQuery('officeSettings', {}, (m) => m.type === 'config.changed');
  const [name, setName] = useState('');
  const [marquee, setMarquee] = useState('');
  const [footer, setFooter] = useState('');
  const [levels, setLevels] = useState(4);
  const [ratio, setRatio] = useState(3);
  const [idle, setIdle] = useState(30);
  const { message, save } = useSave();
  useEffect(() => {
    if (!office.data) return;
    setName(office.data.name);
    setMarquee(office.data.marquee);
    setFooter(office.data.ticketFooter);
    setLevels(office.data.ratingLevels);
    setRatio(office.data.priorityStrategy.kind === 'interleaved' ? office.data.priorityStrategy.ratio : 3);
    setIdle(office.data.kioskIdleSeconds);
  }, [office.data]);
  return (
    <form
      className="panel"
      style={{ display: 'grid', gap: 12, maxWidth: 900 }}
      onSubmit={(e) => {
        e.preventDefault();
        void save(() =>
          call('setOfficeSettings', {
            body: { name, marquee, ticketFooter: footer, ratingLevels: levels as 4, priorityStrategy: { kind: 'interleaved', ratio }, kioskIdleSeconds: idle },
          }),
        );
      }}
    >
      <h2>Thông tin đơn vị</h2>
      <label>
        Tên đơn vị <input style={{ width: '100%' }} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Dòng chữ chạy trên màn hình <input style={{ width: '100%' }} value={marquee} onChange={(e) => setMarquee(e.target.value)} />
      </label>
      <label>
        Lời chào cuối phiếu <input style={{ width: '100%' }} value={footer} onChange={(e) => setFooter(e.target.value)} />
      </label>
      <label>
        Số mức đánh giá{' '}
        <select value={levels} onChange={(e) => setLevels(Number(e.target.value))}>
          <option value={3}>3 mức</option>
          <option value={4}>4 mức</option>
          <option value={5}>5 mức</option>
        </select>
      </label>
      <label>
        Ưu tiên xen kẽ: tối đa{' '}
        <input type="number" min={1} max={20} value={ratio} onChange={(e) => setRatio(Number(e.target.value))} style={{ width: 90 }} /> phiếu ưu tiên trước một phiếu thường
      </label>
      <label>
        Kiosk trở về màn hình đầu sau{' '}
        <input type="number" min={10} max={600} value={idle} onChange={(e) => setIdle(Number(e.target.value))} style={{ width: 100 }} /> giây không thao tác
      </label>
      <SaveMessage message={message} />
      <button type="submit" className="btn-primary" style={{ justifySelf: 'start' }}>
        Lưu
      </button>
    </form>
  );
}
