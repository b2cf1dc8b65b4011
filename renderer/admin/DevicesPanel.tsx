import { useEffect, useState } from 'react';
import type { PrinterConfig } from '../../shared/printerConfig';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { printerStatusText, useLang } from '../i18n';
import { AnnouncementForm } from './AnnouncementForm';
import { BoardsForm } from './BoardsForm';
import { Field, FieldRow } from './FormField';
import { KioskPrintersPanel } from './KioskPrintersPanel';
import { SettingForm, useSettingSave } from './SettingForm';
import { TicketOutputForm } from './TicketOutputForm';

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

export function DevicesPanel() {
  return (
    <div className="admin-two">
      <div className="admin-stack">
        <TicketOutputForm />
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
