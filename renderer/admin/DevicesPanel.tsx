import { useEffect, useState } from 'react';
import type { AnnouncementConfig } from '../../shared/announcementConfig';
import type { BoardConfig } from '../../shared/boardConfig';
import type { PrinterConfig } from '../../shared/printerConfig';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { fmt, printerStatusText, useLang } from '../i18n';
import { CheckField, Field, FieldGroup, FieldRow, TimeInput } from './FormField';
import { KioskPrintersPanel } from './KioskPrintersPanel';
import { SettingForm, useSettingSave } from './SettingForm';

const PROFILES: [PrinterConfig['profile'], string][] = [
  ['epson-tm-t20iii', 'Epson TM-T20III / TM-T82III'],
  ['epson-tm-t88vi', 'Epson TM-T88VI'],
  ['xprinter-xp-n160ii', 'Xprinter XP-N160II'],
  ['pos-5890', 'POS-5890 (58 mm)'],
  ['pos-8360', 'POS-8360 (80 mm)'],
];

function PrinterForm() {
  const { t, lang } = useLang();
  const cfg = useQuery('printerConfig', {}, () => false);
  const status = useQuery('printerStatus', {}, (m) => m.type === 'printer.status');
  const [p, setP] = useState<PrinterConfig | null>(null);
  const [where, setWhere] = useState('');
  const saving = useSettingSave();
  useEffect(() => {
    if (!cfg.data) return;
    setP(cfg.data);
    const tr = cfg.data.transport;
    setWhere(tr.kind === 'serial' ? tr.path : tr.kind === 'usb' ? tr.devicePath : tr.kind === 'tcp' ? tr.host : tr.kind === 'file' ? tr.path : '');
  }, [cfg.data]);
  if (!p) return null;
  const kind = p.transport.kind;
  const baud = p.transport.kind === 'serial' ? p.transport.baudRate : 9600;
  const transport = (): PrinterConfig['transport'] =>
    kind === 'serial' ? { kind, path: where, baudRate: baud } : kind === 'usb' ? { kind, devicePath: where } : kind === 'tcp' ? { kind, host: where, port: 9100 } : kind === 'file' ? { kind, path: where } : { kind: 'none' };
  const errors = () => (kind !== 'none' && !where.trim() ? [t.prnErrWhere] : []);
  return (
    <SettingForm
      title={t.prnTitle}
      intro={status.data ? `${t.prnStatus}: ${printerStatusText(t, lang, status.data)}` : undefined}
      form="printer"
      saving={saving}
      saveLabel={t.prnSave}
      onSubmit={() => void saving.run(errors(), () => call('setPrinterConfig', { body: { ...p, transport: transport() } }))}
      actions={
        <button type="button" className="btn-secondary" onClick={() => void saving.run([], () => call('printTestPage'), t.prnTestSent)}>
          {t.prnTest}
        </button>
      }
    >
      <Field label={t.prnLink}>
        <select value={kind} onChange={(e) => setP({ ...p, transport: { kind: e.target.value, path: '', devicePath: '', host: '', port: 9100, baudRate: 9600 } as unknown as PrinterConfig['transport'] })}>
          <option value="none">{t.prnNone}</option>
          <option value="serial">{t.prnSerial}</option>
          <option value="usb">USB (/dev/usb/lp0)</option>
          <option value="tcp">{t.prnTcp}</option>
          <option value="file">{t.prnFile}</option>
        </select>
      </Field>
      {kind !== 'none' && (
        <Field label={t.prnWhere} help={t.prnWhereHelp}>
          <input value={where} onChange={(e) => setWhere(e.target.value)} />
        </Field>
      )}
      {kind === 'serial' && (
        <Field label={t.prnBaud} help={t.prnBaudHelp}>
          <select value={baud} onChange={(e) => setP({ ...p, transport: { kind: 'serial', path: where, baudRate: Number(e.target.value) } })}>
            {[9600, 19200, 38400, 115200].map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </Field>
      )}
      <FieldRow>
        <Field label={t.prnModel}>
          <select value={p.profile} onChange={(e) => setP({ ...p, profile: e.target.value as PrinterConfig['profile'] })}>
            {PROFILES.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.prnPaper} help={t.prnPaperHelp}>
          <select value={p.paper} onChange={(e) => setP({ ...p, paper: Number(e.target.value) as 58 | 80 })}>
            <option value={80}>80 mm</option>
            <option value={58}>58 mm</option>
          </select>
        </Field>
      </FieldRow>
      <Field label={t.prnEncoding} help={t.prnEncodingHelp}>
        <select value={p.encoding} onChange={(e) => setP({ ...p, encoding: e.target.value as PrinterConfig['encoding'] })}>
          <option value="cp1258">Windows-1258</option>
          <option value="tcvn3">TCVN3 (ABC)</option>
          <option value="raster">{t.prnRaster}</option>
          <option value="ascii">{t.prnAscii}</option>
        </select>
      </Field>
    </SettingForm>
  );
}

function AnnouncementForm() {
  const { t } = useLang();
  const cfg = useQuery('announcementConfig', {}, () => false);
  const [a, setA] = useState<AnnouncementConfig | null>(null);
  const saving = useSettingSave();
  useEffect(() => setA(cfg.data), [cfg.data]);
  if (!a) return null;
  const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
  const quietOk = a.quietFrom === null ? a.quietTo === null : a.quietTo !== null && HHMM.test(a.quietFrom) && HHMM.test(a.quietTo);
  return (
    <SettingForm title={t.annTitle} form="announcement" saving={saving} saveLabel={t.save} onSubmit={() => void saving.run(quietOk ? [] : [t.annErrQuiet], () => call('setAnnouncementConfig', { body: a }))}>
      <CheckField label={t.annEnabled} checked={a.enabled} onChange={(v) => setA({ ...a, enabled: v })} />
      <CheckField label={t.annReadPrefix} checked={a.readPrefix} onChange={(v) => setA({ ...a, readPrefix: v })} />
      <Field label={t.annTemplate} help={t.annTemplateHelp}>
        <input value={a.template ?? ''} maxLength={200} onChange={(e) => setA({ ...a, template: e.target.value || null })} />
      </Field>
      <FieldRow>
        <Field label={t.annVoice}>
          <select value={a.lang} onChange={(e) => setA({ ...a, lang: e.target.value as 'vi' | 'en' })}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </Field>
        <Field label={t.annRepeat} help={t.annRepeatHelp}>
          <input type="number" min={1} max={3} value={a.repeat} onChange={(e) => setA({ ...a, repeat: Math.round(Number(e.target.value)) })} />
        </Field>
        <Field label={t.annVolume} help={`${Math.round(a.volume * 100)} %`}>
          <input type="range" min={0} max={1} step={0.1} value={a.volume} onChange={(e) => setA({ ...a, volume: Number(e.target.value) })} />
        </Field>
      </FieldRow>
      <FieldGroup legend={t.annQuiet} help={t.annQuietHelp}>
        <FieldRow>
          <Field label={t.hoursFrom}>
            <TimeInput value={a.quietFrom ?? ''} onChange={(v) => setA({ ...a, quietFrom: v || null })} />
          </Field>
          <Field label={t.hoursTo}>
            <TimeInput value={a.quietTo ?? ''} onChange={(v) => setA({ ...a, quietTo: v || null })} />
          </Field>
        </FieldRow>
      </FieldGroup>
    </SettingForm>
  );
}

function BoardsForm() {
  const { t } = useLang();
  const cfg = useQuery('boardsConfig', {}, () => false);
  const [boards, setBoards] = useState<BoardConfig[]>([]);
  const saving = useSettingSave();
  useEffect(() => setBoards(cfg.data?.boards ?? []), [cfg.data]);
  const set = (i: number, patch: Partial<BoardConfig>) => setBoards(boards.map((b, k) => (k === i ? { ...b, ...patch } : b)));
  const buses = cfg.data?.buses ?? [];
  return (
    <SettingForm
      title={t.brdTitle}
      intro={buses.length ? buses.map((b) => `${b.port}: ${b.connected ? t.brdConnected : t.brdDisconnected}`).join(' · ') : t.brdHelp}
      form="boards"
      saving={saving}
      saveLabel={t.save}
      onSubmit={() => void saving.run(boards.some((b) => !b.port.trim()) ? [t.brdErrPort] : [], () => call('setBoardsConfig', { body: { boards } }))}
      actions={
        <button type="button" className="btn-secondary" onClick={() => setBoards([...boards, { port: '', baudRate: 9600, address: boards.length + 1, counterId: 1, protocol: 'ascii', blinkSeconds: 5 }])}>
          {t.brdAdd}
        </button>
      }
    >
      {boards.length === 0 && <p className="form-help">{t.brdNone}</p>}
      {boards.map((b, i) => (
        <FieldGroup key={i} legend={fmt(t.brdN, { n: i + 1 })}>
          <FieldRow>
            <Field label={t.brdPort} help="/dev/ttyUSB1, COM4">
              <input value={b.port} onChange={(e) => set(i, { port: e.target.value })} />
            </Field>
            <Field label={t.brdProtocol}>
              <select value={b.protocol} onChange={(e) => set(i, { protocol: e.target.value as BoardConfig['protocol'] })}>
                <option value="ascii">RS-485 ASCII</option>
                <option value="modbus">Modbus RTU</option>
              </select>
            </Field>
          </FieldRow>
          <FieldRow>
            <Field label={t.brdAddress} help="1–247">
              <input type="number" min={1} max={247} value={b.address} onChange={(e) => set(i, { address: Number(e.target.value) })} />
            </Field>
            <Field label={t.brdCounter} help={t.brdCounterHelp}>
              <input type="number" min={1} value={b.counterId} onChange={(e) => set(i, { counterId: Number(e.target.value) })} />
            </Field>
            <button type="button" className="btn-secondary form-row-button" onClick={() => setBoards(boards.filter((_, k) => k !== i))}>
              {t.remove}
            </button>
          </FieldRow>
        </FieldGroup>
      ))}
    </SettingForm>
  );
}

export function DevicesPanel() {
  return (
    <div className="admin-two">
      <div className="admin-stack">
        <PrinterForm />
        <KioskPrintersPanel />
      </div>
      <div className="admin-stack">
        <AnnouncementForm />
        <BoardsForm />
      </div>
    </div>
  );
}
