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
  const [logo, setLogo] = useState('');
  const [address, setAddress] = useState('');
  const [boundary, setBoundary] = useState(0);
  const [english, setEnglish] = useState(true);
  const [strategy, setStrategy] = useState<'interleaved' | 'strict' | 'elapsed'>('interleaved');
  const { message, save } = useSave();
  useEffect(() => {
    if (!office.data) return;
    setName(office.data.name);
    setMarquee(office.data.marquee);
    setFooter(office.data.ticketFooter);
    setLevels(office.data.ratingLevels);
    setRatio(office.data.priorityStrategy.kind === 'interleaved' ? office.data.priorityStrategy.ratio : 3);
    setIdle(office.data.kioskIdleSeconds);
    setLogo(office.data.logo);
    setAddress(office.data.address);
    setBoundary(office.data.dayBoundaryMinutes);
    setEnglish(office.data.languages.includes('en'));
    setStrategy(office.data.priorityStrategy.kind);
  }, [office.data]);
  return (
    <form
      className="panel"
      style={{ display: 'grid', gap: 12, maxWidth: 900 }}
      onSubmit={(e) => {
        e.preventDefault();
        void save(() =>
          call('setOfficeSettings', {
            body: { name, marquee, ticketFooter: footer, ratingLevels: levels as 4, priorityStrategy: strategy === 'interleaved' ? { kind: 'interleaved', ratio } : strategy === 'strict' ? { kind: 'strict', agingMinutes: 45 } : { kind: 'elapsed', bonusMinutes: 15 },
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
      <label>
        Cách gọi đối tượng ưu tiên{' '}
        <select value={strategy} onChange={(e) => setStrategy(e.target.value as typeof strategy)}>
          <option value="interleaved">Xen kẽ</option>
          <option value="strict">Ưu tiên trước (phiếu thường chờ quá 45 phút được gọi)</option>
          <option value="elapsed">Theo thời gian chờ (ưu tiên cộng 15 phút)</option>
        </select>
      </label>
      {strategy === 'interleaved' && (
        <label>
          Tối đa <input type="number" min={1} max={20} value={ratio} onChange={(e) => setRatio(Number(e.target.value))} style={{ width: 90 }} /> phiếu ưu tiên được gọi trước một phiếu thường
        </label>
      )}
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
