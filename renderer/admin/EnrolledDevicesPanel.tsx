import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { DEVICE_ROLES } from '../../shared/api/access';
import type { DeviceRole } from '../../shared/api/access';
import type { OutputOf } from '../../shared/api/contract';
import { errorText, fmt, useLang } from '../i18n';
import type { Zone } from '../../shared/api/schemas';
import { deviceText } from '../i18nDevices';
import { formatPairingCode } from '../../shared/pairingCode';

/** A right PIN after this many wrong ones is shown on the device's row (a typo or two is not news). */
const RIGHT_AFTER_SHOWN = 3;

type Code = OutputOf<'createPairingCode'>;

/** Only a kiosk or a call display stands in a zone (m012); a counter PC's zone is its counter's. */
const ZONED_ROLES: readonly DeviceRole[] = ['kiosk', 'display'];

/** "Whole office" or one of the office's zones; the value '' is the whole office. */
function ZoneSelect({ zones, value, onChange, label, testId }: { zones: Zone[]; value: number | null; onChange: (zoneId: number | null) => void; label?: string; testId: string }) {
  const { lang, pick } = useLang();
  const d = deviceText(lang);
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} data-testid={testId}>
      <option value="">{d.wholeOffice}</option>
      {zones.map((z) => (
        <option key={z.id} value={z.id}>
          {pick(z.nameVi, z.nameEn)}
        </option>
      ))}
    </select>
  );
}

/** Pair a new device (code + QR), see every device's last contact and guessing alerts, revoke one at once. */
export function EnrolledDevicesPanel() {
  const { lang, pick } = useLang();
  const d = deviceText(lang);
  const pickZone = (z: Zone | undefined) => (z ? pick(z.nameVi, z.nameEn) : '');
  const devices = useQuery('listDevices', {}, () => false);
  const alerts = useQuery('deviceAlerts', {}, () => false);
  const counters = useQuery('adminCounters', {}, () => false);
  const zones = useQuery('listZones', {}, (m) => m.type === 'config.changed');
  const [role, setRole] = useState<DeviceRole>('counter');
  const [counterId, setCounterId] = useState<number | null>(null);
  const [zoneId, setZoneId] = useState<number | null>(null);
  const [zoneNote, setZoneNote] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [code, setCode] = useState<Code | null>(null);
  const [qr, setQr] = useState('');
  const [error, setError] = useState<string | null>(null);
  const needsCounter = role === 'counter' || role === 'rating';
  // A ward office has one zone: no zone to choose, and the screen stays as simple as it was.
  const zoneList = zones.data ?? [];
  const zoned = (r: DeviceRole) => ZONED_ROLES.includes(r) && zoneList.length > 1;
  const zoneName = (id: number | null) => zoneList.find((z) => z.id === id);
  const firstCounter = counters.data?.[0]?.id ?? null;
  const seenAt = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

  // A device paired a moment ago (or last seen now) shows up without a reload.
  const reloadDevices = devices.reload;
  const reloadAlerts = alerts.reload;
  useEffect(() => {
    const timer = setInterval(() => {
      reloadDevices();
      reloadAlerts();
    }, 3000);
    return () => clearInterval(timer);
  }, [reloadDevices, reloadAlerts]);

  useEffect(() => {
    if (!code) return setQr('');
    QRCode.toDataURL(code.pairUrl, { margin: 1, width: 240 }).then(setQr, () => setQr(''));
  }, [code]);

  const make = () => {
    setError(null);
    call('createPairingCode', { body: { role, counterId: needsCounter ? (counterId ?? firstCounter) : null, name, zoneId: zoned(role) ? zoneId : null } })
      .then((c) => {
        setCode(c);
        devices.reload();
      })
      .catch((e: unknown) => setError(errorText(e, lang)));
  };

  return (
    <div className="editor-grid">
      {(alerts.data ?? []).slice(0, 1).map((a) => (
        // Across the whole grid: it concerns every pairing, not one column.
        <div key={a.id} className="error-banner" role="alert" data-testid="pairing-swept" style={{ gridColumn: '1 / -1' }}>
          <strong>{d.sweptTitle}</strong>
          <div>{fmt(d.swept, { failures: a.failures, voided: a.voided, at: seenAt.format(a.at) })}</div>
        </div>
      ))}
      <section className="panel">
        <h2>{d.makeCode}</h2>
        <div className="form-stack">
          <label className="field">
            <span>{d.role}</span>
            <select value={role} onChange={(e) => setRole(e.target.value as DeviceRole)} data-testid="pair-role">
              {DEVICE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {d.roles[r]}
                </option>
              ))}
            </select>
          </label>
          {needsCounter && (
            <label className="field">
              <span>{d.counter}</span>
              <select value={counterId ?? firstCounter ?? ''} onChange={(e) => setCounterId(Number(e.target.value))} data-testid="pair-counter">
                {(counters.data ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {zoned(role) && (
            <label className="field">
              <span>{d.zone}</span>
              <ZoneSelect zones={zoneList} value={zoneId} onChange={setZoneId} testId="pair-zone" />
              <small className="muted">{d.zoneHelp}</small>
            </label>
          )}
          <label className="field">
            <span>{d.deviceName}</span>
            <input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="button" className="btn-primary" onClick={make} data-testid="make-pairing-code">
            {d.makeCode}
          </button>
          {error && (
            <div className="error-banner" role="alert">
              {error}
            </div>
          )}
          {code && (
            <div className="pairing-code" aria-live="polite">
              <div className="pairing-digits" data-testid="pairing-digits">
                {formatPairingCode(code.code)}
              </div>
              <p>
                {d.codeValid} <code>{code.pairUrl.replace(/\?.*$/, '')}</code> {d.orScan}
              </p>
              {qr && <img src={qr} alt={code.pairUrl} width={240} height={240} />}
            </div>
          )}
        </div>
      </section>
      <section className="panel">
        <h2>{d.enrolledTitle}</h2>
        <div className="report-table device-table">
        <table>
          <thead>
            <tr>
              <th scope="col">{d.role}</th>
              <th scope="col">{d.nameColumn}</th>
              {zoneList.length > 1 && <th scope="col">{d.zone}</th>}
              <th scope="col">{d.connection}</th>
              <th scope="col">{d.lastSeen}</th>
              <th scope="col">{d.address}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(devices.data ?? []).map((dev) => (
              <tr key={dev.id} className={dev.revokedAt ? 'muted' : undefined} data-testid={`device-${dev.id}`}>
                <td>
                  {d.roles[dev.role]}
                  {dev.counterId !== null ? ` · ${d.counter} ${dev.counterId}` : ''}
                  {dev.pinFailures >= 5 && (
                    <div className="error-text" role="alert">
                      ⚠ {dev.pinFailures} {d.pinAlarm}
                    </div>
                  )}
                  {dev.pinRightAfterFailures >= RIGHT_AFTER_SHOWN && (
                    <div className="error-text" data-testid={`pin-right-after-${dev.id}`}>
                      ⚠ {fmt(d.pinRightAfter, { n: dev.pinRightAfterFailures })}
                      {dev.pinRightAt ? ` (${seenAt.format(dev.pinRightAt)})` : ''}
                    </div>
                  )}
                </td>
                <td>{dev.name}</td>
                {zoneList.length > 1 && (
                  <td>
                    {zoned(dev.role) && !dev.revokedAt ? (
                      <>
                        <ZoneSelect
                          zones={zoneList}
                          value={dev.zoneId}
                          label={`${d.zoneOf} ${dev.name || d.roles[dev.role]}`}
                          testId={`device-zone-${dev.id}`}
                          onChange={(z) => {
                            setError(null);
                            call('setDeviceZone', { params: { id: dev.id }, body: { zoneId: z } })
                              .then(() => {
                                setZoneNote(dev.id);
                                devices.reload();
                              })
                              .catch((e: unknown) => setError(errorText(e, lang)));
                          }}
                        />
                        {zoneNote === dev.id && (
                          <div className="stat" role="status" data-testid="zone-saved">
                            {d.zoneSaved}
                          </div>
                        )}
                      </>
                    ) : dev.zoneId !== null ? (
                      pickZone(zoneName(dev.zoneId))
                    ) : (
                      ''
                    )}
                  </td>
                )}
                <td data-testid={`device-online-${dev.id}`} data-online={dev.online}>
                  {dev.revokedAt ? '' : dev.online ? <span className="device-online">● {d.online}</span> : <span className="device-offline">○ {d.offline}</span>}
                </td>
                <td>{dev.lastSeenAt ? seenAt.format(dev.lastSeenAt) : d.never}</td>
                <td>{dev.lastAddress ?? ''}</td>
                <td>
                  {dev.revokedAt ? (
                    d.revoked
                  ) : (
                    <button
                      type="button"
                      className="btn-secondary"
                      data-testid={`revoke-${dev.id}`}
                      onClick={() => {
                        if (!confirm(d.confirmRevoke)) return;
                        call('revokeDevice', { params: { id: dev.id } })
                          .then(() => devices.reload())
                          .catch((e: unknown) => setError(errorText(e, lang)));
                      }}
                    >
                      {d.revoke}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </section>
    </div>
  );
}
