import { useEffect, useState } from 'react';
import type { OutputOf } from '../../shared/api/contract';
import { PRINTER_PROFILES } from '../../shared/printerConfig';
import type { PrinterConfig, PrinterProfileId } from '../../shared/printerConfig';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { useLang } from '../i18n';
import { kioskPrinterText } from '../i18nKioskPrinters';
import type { KioskPrinterDict } from '../i18nKioskPrinters';
import { SaveMessage, useSave } from './useSave';

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
  const { message, save } = useSave();
  // The stored setting after a save (or another admin's) replaces the draft only when it changed.
  const stored = JSON.stringify(kiosk.config);
  useEffect(() => setP(JSON.parse(stored) as PrinterConfig), [stored]);

  const transport = (): PrinterConfig['transport'] =>
    kind === 'agent' ? { kind, deviceId: agentId ?? agents[0]?.id ?? 0 } : kind === 'tcp' ? { kind, host, port } : { kind: 'none' };
  const id = `kp-${kiosk.deviceId}`;
  const agentLine = kiosk.agent ? ` · ${kiosk.agent.connected ? text.agentOnline : text.agentOffline}` : '';
  return (
    <form
      className="panel"
      data-testid={`kiosk-printer-${kiosk.deviceId}`}
      style={{ display: 'grid', gap: 10 }}
      onSubmit={(e) => {
        e.preventDefault();
        void save(() => call('setKioskPrinter', { params: { id: kiosk.deviceId }, body: { ...p, transport: transport() } }).then(reload), text.saved);
      }}
    >
      <h3 style={{ margin: 0 }}>{name}</h3>
      <div className="stat" role="status">
        {kiosk.status.message}
        {agentLine}
      </div>
      <label htmlFor={`${id}-kind`}>{text.connection}</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        <option value="none">{text.useHost}</option>
        <option value="agent">{text.viaAgent}</option>
        <option value="tcp">{text.viaNetwork}</option>
      </select>
      {kind === 'agent' && (
        <>
          <label htmlFor={`${id}-agent`}>{text.agentDevice}</label>
          {agents.length === 0 ? (
            <div className="error-banner">{text.noAgents}</div>
          ) : (
            <select id={`${id}-agent`} value={agentId ?? agents[0]?.id} onChange={(e) => setAgentId(Number(e.target.value))}>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name || `#${a.id}`}
                </option>
              ))}
            </select>
          )}
          <small>{text.agentHelp}</small>
        </>
      )}
      {kind === 'tcp' && (
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 120px', gap: 10 }}>
          <label htmlFor={`${id}-host`}>{text.address}</label>
          <label htmlFor={`${id}-port`}>{text.port}</label>
          <input id={`${id}-host`} value={host} placeholder="192.168.1.50" onChange={(e) => setHost(e.target.value)} />
          <input id={`${id}-port`} type="number" min={1} max={65535} value={port} onChange={(e) => setPort(Number(e.target.value))} />
        </div>
      )}
      {kind !== 'none' && (
        <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr 1fr', gap: 10 }}>
          <label htmlFor={`${id}-model`}>{text.model}</label>
          <label htmlFor={`${id}-paper`}>{text.paper}</label>
          <label htmlFor={`${id}-enc`}>{text.encoding}</label>
          <select id={`${id}-model`} value={p.profile} onChange={(e) => setP({ ...p, profile: e.target.value as PrinterProfileId })}>
            {(Object.keys(PRINTER_PROFILES) as PrinterProfileId[]).map((k) => (
              <option key={k} value={k}>
                {PRINTER_PROFILES[k].name}
              </option>
            ))}
          </select>
          <select id={`${id}-paper`} value={p.paper} onChange={(e) => setP({ ...p, paper: Number(e.target.value) as 58 | 80 })}>
            <option value={80}>80 mm</option>
            <option value={58}>58 mm</option>
          </select>
          <select id={`${id}-enc`} value={p.encoding} onChange={(e) => setP({ ...p, encoding: e.target.value as PrinterConfig['encoding'] })}>
            {ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>
                {ENCODING_NAMES[enc]}
              </option>
            ))}
          </select>
        </div>
      )}
      <SaveMessage message={message} />
      <div style={{ display: 'flex', gap: 12 }}>
        <button type="submit" className="btn-primary">
          {text.save}
        </button>
        {kind !== 'none' && (
          <button type="button" className="btn-secondary" onClick={() => void save(() => call('kioskPrinterTest', { params: { id: kiosk.deviceId } }), text.testSent)}>
            {text.test}
          </button>
        )}
      </div>
    </form>
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
    <section className="panel" style={{ display: 'grid', gap: 14 }} aria-labelledby="kiosk-printers-title">
      <h2 id="kiosk-printers-title">{text.title}</h2>
      <p style={{ margin: 0 }}>{text.intro}</p>
      {(printers.data ?? []).length === 0 && <p>{text.none}</p>}
      {(printers.data ?? []).map((k) => (
        <KioskPrinterForm key={k.deviceId} kiosk={k} name={nameOf(k.deviceId)} agents={kiosks.filter((a) => a.id !== k.deviceId)} text={text} reload={printers.reload} />
      ))}
    </section>
  );
}
