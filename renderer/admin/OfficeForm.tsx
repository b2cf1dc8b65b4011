import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import type { PriorityStrategy } from '../../shared/domain';
import { PriorityStrategyEditor } from './PriorityStrategyEditor';
import { SaveMessage, useSave } from './useSave';

export function OfficeForm() {
  const office = useQuery('officeSettings', {}, (m) => m.type === 'config.changed');
  const [name, setName] = useState('');
  const [marquee, setMarquee] = useState('');
  const [footer, setFooter] = useState('');
  const [levels, setLevels] = useState(4);
  const [idle, setIdle] = useState(30);
  const [logo, setLogo] = useState('');
  const [address, setAddress] = useState('');
  const [boundary, setBoundary] = useState(0);
  const [english, setEnglish] = useState(true);
  const [strategy, setStrategy] = useState<PriorityStrategy>({ kind: 'alternate', priorityRun: 3 });
  const [serviceAging, setServiceAging] = useState(30);
  const { message, save } = useSave();
  useEffect(() => {
    if (!office.data) return;
    setName(office.data.name);
    setMarquee(office.data.marquee);
    setFooter(office.data.ticketFooter);
    setLevels(office.data.ratingLevels);
    setIdle(office.data.kioskIdleSeconds);
    setLogo(office.data.logo);
    setAddress(office.data.address);
    setBoundary(office.data.dayBoundaryMinutes);
    setEnglish(office.data.languages.includes('en'));
    setStrategy(office.data.priorityStrategy);
    setServiceAging(office.data.serviceAgingMinutes);
  }, [office.data]);
  return (
    <form
      className="panel"
      style={{ display: 'grid', gap: 12, maxWidth: 900 }}
      onSubmit={(e) => {
        e.preventDefault();
        void save(() =>
          call('setOfficeSettings', {
            body: { name, marquee, ticketFooter: footer, ratingLevels: levels as 4, priorityStrategy: strategy,
              serviceAgingMinutes: serviceAging,
              kioskIdleSeconds: idle,
              logo,
              address,
              dayBoundaryMinutes: boundary,
              languages: english ? ['vi', 'en'] : ['vi'],
            },
          }),
        );
      }}
    >
      <h2>Thông tin đơn vị</h2>
      <label>
        Tên đơn vị <input style={{ width: '100%' }} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Biểu tượng (logo, PNG/JPEG){' '}
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-label="Logo"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            const reader = new FileReader();
            reader.onload = () => setLogo(String(reader.result));
            reader.readAsDataURL(f);
          }}
        />
        {logo && <img src={logo} alt="" style={{ height: 56, verticalAlign: 'middle', marginLeft: 12 }} />}
        {logo && (
          <button type="button" className="btn-secondary" onClick={() => setLogo('')} style={{ marginLeft: 12 }}>
            Bỏ logo
          </button>
        )}
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
        Địa chỉ <input style={{ width: '100%' }} value={address} onChange={(e) => setAddress(e.target.value)} />
      </label>
      <PriorityStrategyEditor strategy={strategy} onStrategy={setStrategy} serviceAgingMinutes={serviceAging} onServiceAgingMinutes={setServiceAging} />
      <label>
        Số thứ tự bắt đầu lại lúc{' '}
        <select value={boundary} onChange={(e) => setBoundary(Number(e.target.value))}>
          {[0, 60, 120, 180, 240, 300, 360].map((m) => (
            <option key={m} value={m}>{`${String(m / 60).padStart(2, '0')}:00`}</option>
          ))}
        </select>{' '}
        hằng ngày
      </label>
      <label>
        <input type="checkbox" checked={english} onChange={(e) => setEnglish(e.target.checked)} /> Có nút chuyển sang tiếng Anh trên kiosk
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
