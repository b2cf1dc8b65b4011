import { useEffect, useState } from 'react';
import type { AnnouncementConfig } from '../../shared/announcementConfig';
import type { BoardConfig } from '../../shared/boardConfig';
import type { PrinterConfig } from '../../shared/printerConfig';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { useLang } from '../i18n';
import { SaveMessage, useSave } from './useSave';
import { KioskPrintersPanel } from './KioskPrintersPanel';

const PROFILES: [PrinterConfig['profile'], string][] = [
  ['epson-tm-t20iii', 'Epson TM-T20III / TM-T82III'],
  ['epson-tm-t88vi', 'Epson TM-T88VI'],
  ['xprinter-xp-n160ii', 'Xprinter XP-N160II'],
  ['pos-5890', 'POS-5890 (58 mm)'],
  ['pos-8360', 'POS-8360 (80 mm)'],
];

function PrinterForm() {
  const cfg = useQuery('printerConfig', {}, () => false);
  const status = useQuery('printerStatus', {}, (m) => m.type === 'printer.status');
  const [p, setP] = useState<PrinterConfig | null>(null);
  const [where, setWhere] = useState('');
  const { message, save } = useSave();
  useEffect(() => {
    if (!cfg.data) return;
    setP(cfg.data);
    const t = cfg.data.transport;
    setWhere(t.kind === 'serial' ? t.path : t.kind === 'usb' ? t.devicePath : t.kind === 'tcp' ? t.host : t.kind === 'file' ? t.path : '');
  }, [cfg.data]);
  if (!p) return null;
  const kind = p.transport.kind;
  const baud = p.transport.kind === 'serial' ? p.transport.baudRate : 9600;
  const transport = (): PrinterConfig['transport'] =>
    kind === 'serial' ? { kind, path: where, baudRate: baud } : kind === 'usb' ? { kind, devicePath: where } : kind === 'tcp' ? { kind, host: where, port: 9100 } : kind === 'file' ? { kind, path: where } : { kind: 'none' };
  return (
    <form className="panel" style={{ display: 'grid', gap: 10 }} onSubmit={(e) => { e.preventDefault(); void save(() => call('setPrinterConfig', { body: { ...p, transport: transport() } })); }}>
      <h2>Máy in phiếu — {status.data?.message ?? ''}</h2>
      <label>
        Kết nối{' '}
        <select aria-label="Kết nối" value={kind} onChange={(e) => setP({ ...p, transport: { kind: e.target.value, path: '', devicePath: '', host: '', port: 9100, baudRate: 9600 } as unknown as PrinterConfig['transport'] })}>
          <option value="none">Không dùng máy in</option>
          <option value="serial">Cổng nối tiếp (COM / ttyUSB)</option>
          <option value="usb">USB (/dev/usb/lp0)</option>
          <option value="tcp">Mạng (TCP 9100)</option>
          <option value="file">Tệp</option>
        </select>
      </label>
      {kind !== 'none' && <input aria-label="Cổng hoặc địa chỉ" placeholder="COM3, /dev/ttyUSB0, 192.168.1.50…" value={where} onChange={(e) => setWhere(e.target.value)} />}
      {kind === 'serial' && (
        <label>
          Tốc độ (baud){' '}
          <select value={baud} onChange={(e) => setP({ ...p, transport: { kind: 'serial', path: where, baudRate: Number(e.target.value) } })}>
            {[9600, 19200, 38400, 115200].map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </label>
      )}
      <label>
        Mẫu máy in <select value={p.profile} onChange={(e) => setP({ ...p, profile: e.target.value as PrinterConfig['profile'] })}>{PROFILES.map(([id, name]) => <option key={id} value={id}>{name}</option>)}</select>
      </label>
      <label>
        Khổ giấy <select value={p.paper} onChange={(e) => setP({ ...p, paper: Number(e.target.value) as 58 | 80 })}><option value={80}>80 mm</option><option value={58}>58 mm</option></select>
      </label>
      <label>
        Bảng mã tiếng Việt{' '}
        <select value={p.encoding} onChange={(e) => setP({ ...p, encoding: e.target.value as PrinterConfig['encoding'] })}>
          <option value="cp1258">Windows-1258</option>
          <option value="tcvn3">TCVN3 (ABC)</option>
          <option value="raster">In dạng ảnh (mọi máy in, chậm hơn)</option>
          <option value="ascii">Không dấu</option>
        </select>
      </label>
      <SaveMessage message={message} />
      <div style={{ display: 'flex', gap: 12 }}>
        <button type="submit" className="btn-primary">Lưu máy in</button>
        <button type="button" className="btn-secondary" onClick={() => void save(() => call('printTestPage'), 'Đã gửi trang in thử')}>In trang thử</button>
      </div>
    </form>
  );
}

function AnnouncementForm() {
  const { t } = useLang();
  const cfg = useQuery('announcementConfig', {}, () => false);
  const [a, setA] = useState<AnnouncementConfig | null>(null);
  const { message, save } = useSave();
  useEffect(() => setA(cfg.data), [cfg.data]);
  if (!a) return null;
  return (
    <form className="panel" style={{ display: 'grid', gap: 10 }} onSubmit={(e) => { e.preventDefault(); void save(() => call('setAnnouncementConfig', { body: a })); }}>
      <h2>Đọc số (loa)</h2>
      <label><input type="checkbox" checked={a.enabled} onChange={(e) => setA({ ...a, enabled: e.target.checked })} /> Bật đọc số</label>
      <label><input type="checkbox" checked={a.readPrefix} onChange={(e) => setA({ ...a, readPrefix: e.target.checked })} /> {t.annReadPrefix}</label>
      <input
        aria-label="Câu đọc"
        placeholder="Câu đọc riêng, VD: Xin mời số {số} đến quầy {quầy} (để trống: câu mặc định)"
        value={a.template ?? ''}
        onChange={(e) => setA({ ...a, template: e.target.value || null })}
      />
      <label>
        Giọng đọc{' '}
        <select value={a.lang} onChange={(e) => setA({ ...a, lang: e.target.value as 'vi' | 'en' })}>
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
      </label>
      <label>Số lần đọc <input type="number" min={1} max={3} value={a.repeat} onChange={(e) => setA({ ...a, repeat: Number(e.target.value) })} style={{ width: 90 }} /></label>
      <label>Âm lượng <input type="range" min={0} max={1} step={0.1} value={a.volume} onChange={(e) => setA({ ...a, volume: Number(e.target.value) })} /></label>
      <label>
        Giờ yên lặng từ <input type="time" value={a.quietFrom ?? ''} onChange={(e) => setA({ ...a, quietFrom: e.target.value || null })} /> đến{' '}
        <input type="time" value={a.quietTo ?? ''} onChange={(e) => setA({ ...a, quietTo: e.target.value || null })} />
      </label>
      <SaveMessage message={message} />
      <button type="submit" className="btn-primary" style={{ justifySelf: 'start' }}>Lưu</button>
    </form>
  );
}

function BoardsForm() {
  const cfg = useQuery('boardsConfig', {}, () => false);
  const [boards, setBoards] = useState<BoardConfig[]>([]);
  const { message, save } = useSave();
  useEffect(() => setBoards(cfg.data?.boards ?? []), [cfg.data]);
  const set = (i: number, patch: Partial<BoardConfig>) => setBoards(boards.map((b, k) => (k === i ? { ...b, ...patch } : b)));
  return (
    <form className="panel" style={{ display: 'grid', gap: 10 }} onSubmit={(e) => { e.preventDefault(); void save(() => call('setBoardsConfig', { body: { boards } })); }}>
      <h2>Bảng LED tại quầy</h2>
      {boards.map((b, i) => (
        <div key={i} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
          <input aria-label="Cổng" value={b.port} onChange={(e) => set(i, { port: e.target.value })} placeholder="/dev/ttyUSB1 hoặc COM4" />
          <label>Địa chỉ <input type="number" min={1} max={247} value={b.address} onChange={(e) => set(i, { address: Number(e.target.value) })} style={{ width: 80 }} /></label>
          <label>Quầy (id) <input type="number" min={1} value={b.counterId} onChange={(e) => set(i, { counterId: Number(e.target.value) })} style={{ width: 80 }} /></label>
          <select value={b.protocol} onChange={(e) => set(i, { protocol: e.target.value as BoardConfig['protocol'] })}><option value="ascii">RS-485 ASCII</option><option value="modbus">Modbus RTU</option></select>
          <button type="button" className="btn-secondary" onClick={() => setBoards(boards.filter((_, k) => k !== i))}>Xóa</button>
        </div>
      ))}
      <button type="button" className="btn-secondary" style={{ justifySelf: 'start' }} onClick={() => setBoards([...boards, { port: '', baudRate: 9600, address: boards.length + 1, counterId: 1, protocol: 'ascii', blinkSeconds: 5 }])}>+ Thêm bảng</button>
      <div className="stat">{(cfg.data?.buses ?? []).map((b) => `${b.port}: ${b.connected ? 'đã kết nối' : 'chưa kết nối'}`).join(' · ')}</div>
      <SaveMessage message={message} />
      <button type="submit" className="btn-primary" style={{ justifySelf: 'start' }}>Lưu bảng LED</button>
    </form>
  );
}

export function DevicesPanel() {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 22 }}>
      <div style={{ display: 'grid', gap: 22, alignContent: 'start' }}>
        <PrinterForm />
        <KioskPrintersPanel />
      </div>
      <div style={{ display: 'grid', gap: 22 }}>
        <AnnouncementForm />
        <BoardsForm />
      </div>
    </div>
  );
}
