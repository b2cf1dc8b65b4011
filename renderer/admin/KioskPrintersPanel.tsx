import { useEffect, useState } from 'react';
import type { OutputOf } from '../../shared/api/contract';
import { PRINTER_PROFILES } from '../../shared/printerConfig';
import type { PrinterConfig, PrinterProfileId } from '../../shared/printerConfig';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { printerStatusText, useLang } from '../i18n';
import { kioskPrinterText } from '../i18nKioskPrinters';
import type { KioskPrinterDict } from '../i18nKioskPrinters';
import { Field, FieldRow } from './FormField';
import { SettingForm, useSettingSave } from './SettingForm';

type KioskPrinter = OutputOf<'kioskPrinters'>[number];
type Device = OutputOf<'listDevices'>[number];
type Kind = 'none' | 'agent' | 'tcp';

const ENCODINGS: PrinterConfig['encoding'][] = ['cp1258', 'tcvn3', 'raster', 'ascii'];
const ENCODING_NAMES: Record<PrinterConfig['encoding'], string> = { cp1258: 'Windows-1258', tcvn3: 'TCVN3 (ABC)', raster: 'Raster', ascii: 'ASCII' };

function KioskPrinterForm({ kiosk, name, agents, text, reload }: { kiosk: KioskPrinter; name: string; agents: Device[]; text: KioskPrinterDict; reload: () => void }) {
  const [p, setP] = useState<PrinterConfig>(kiosk.config);
  const t0 = kiosk.config.transport;
  const [kind, setKind] = useState<Kind>(t0.kind === 'agent' || t0.kind === 'tcp' ? t0.kind : 'none');
  const [agentId, setAgentId] = useState<number | null>(t0.kind === 'agent' ? t0.deviceId : null);
  const [host, setHost] = useState(t0.kind === 'tcp' ? t0.host : '');
  const [port, setPort] = useState(t0.kind === 'tcp' ? t0.port : 9100);
  const { t, lang } = useLang();
  const saving = useSettingSave();
  // The stored setting after a save (or another admin's) replaces the draft only when it changed.
  const stored = JSON.stringify(kiosk.config);
  useEffect(() => setP(JSON.parse(stored) as PrinterConfig), [stored]);

  const transport = (): PrinterConfig['transport'] =>
    kind === 'agent' ? { kind, deviceId: agentId ?? agents[0]?.id ?? 0 } : kind === 'tcp' ? { kind, host, port } : { kind: 'none' };
  const agentLine = kiosk.agent ? ` · ${kiosk.agent.connected ? text.agentOnline : text.agentOffline}` : '';
  return (
    <SettingForm
      title={name}
      intro={`${printerStatusText(t, lang, kiosk.status)}${agentLine}`}
      testId={`kiosk-printer-${kiosk.deviceId}`}
      saving={saving}
      saveLabel={text.save}
      onSubmit={() => void saving.run(kind === 'tcp' && !host.trim() ? [t.prnErrWhere] : [], () => call('setKioskPrinter', { params: { id: kiosk.deviceId }, body: { ...p, transport: transport() } }).then(reload), text.saved)}
      actions={
        kind !== 'none' && (
          <button type="button" className="btn-secondary" onClick={() => void saving.run([], () => call('kioskPrinterTest', { params: { id: kiosk.deviceId } }), text.testSent)}>
            {text.test}
          </button>
        )
      }
    >
      <Field label={text.connection}>
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="none">{text.useHost}</option>
          <option value="agent">{text.viaAgent}</option>
          <option value="tcp">{text.viaNetwork}</option>
        </select>
      </Field>
      {kind === 'agent' &&
        (agents.length === 0 ? (
          <div className="error-banner">{text.noAgents}</div>
        ) : (
          <Field label={text.agentDevice} help={text.agentHelp}>
            <select value={agentId ?? agents[0]?.id} onChange={(e) => setAgentId(Number(e.target.value))}>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name || `#${a.id}`}
                </option>
              ))}
            </select>
          </Field>
        ))}
      {kind === 'tcp' && (
        <FieldRow>
          <Field label={text.address} help="192.168.1.50">
            <input value={host} onChange={(e) => setHost(e.target.value)} />
          </Field>
          <Field label={text.port} help="1–65535">
            <input type="number" min={1} max={65535} value={port} onChange={(e) => setPort(Number(e.target.value))} />
          </Field>
        </FieldRow>
      )}
      {kind !== 'none' && (
        <FieldRow>
          <Field label={text.model}>
            <select value={p.profile} onChange={(e) => setP({ ...p, profile: e.target.value as PrinterProfileId })}>
              {(Object.keys(PRINTER_PROFILES) as PrinterProfileId[]).map((k) => (
                <option key={k} value={k}>
                  {PRINTER_PROFILES[k].name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={text.paper}>
            <select value={p.paper} onChange={(e) => setP({ ...p, paper: Number(e.target.value) as 58 | 80 })}>
              <option value={80}>80 mm</option>
              <option value={58}>58 mm</option>
            </select>
          </Field>
          <Field label={text.encoding}>
            <select value={p.encoding} onChange={(e) => setP({ ...p, encoding: e.target.value as PrinterConfig['encoding'] })}>
              {ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {ENCODING_NAMES[enc]}
                </option>
              ))}
            </select>
          </Field>
        </FieldRow>
      )}
    </SettingForm>
  );
}

/** Admin → Thiết bị: each enrolled kiosk's own printer (network, or on the kiosk PC via the print agent). */
export function KioskPrintersPanel() {
  const { lang } = useLang();
  const text = kioskPrinterText(lang);
  const printers = useQuery('kioskPrinters', {}, (m) => m.type === 'printer.status');
  const devices = useQuery('listDevices', {}, () => false);
  const kiosks = (devices.data ?? []).filter((d) => d.role === 'kiosk' && !d.revokedAt);
  // Two kiosks may carry the same name (e.g. both paired from the command line): the number tells them apart.
  const nameOf = (id: number) => `${kiosks.find((k) => k.id === id)?.name || 'Kiosk'} · #${id}`;
  return (
    <section className="panel admin-form" aria-labelledby="kiosk-printers-title">
      <h2 id="kiosk-printers-title">{text.title}</h2>
      <p className="form-intro">{text.intro}</p>
      {(printers.data ?? []).length === 0 && <p className="form-help">{text.none}</p>}
      {(printers.data ?? []).map((k) => (
        <KioskPrinterForm key={k.deviceId} kiosk={k} name={nameOf(k.deviceId)} agents={kiosks.filter((a) => a.id !== k.deviceId)} text={text} reload={printers.reload} />
      ))}
    </section>
  );
}
