import { useCallback, useEffect, useState } from 'react';
import { call } from '../api/client';
import type { OutputOf } from '../../shared/api/contract';
import { fmt, useLang } from '../i18n';
import type { Dict } from '../i18n';

type Health = OutputOf<'health'>;
type Recovery = OutputOf<'databaseRecovery'>;

/** How often the admin's status line asks: the host caches its probes for 1.5 s, so this costs it little. */
const POLL_MS = 5000;

function partText(t: Dict, state: string, h: Health): string {
  if (state === 'ok') return t.hlthOk;
  if (state === 'none') return t.hlthNone;
  if (state === 'low') return fmt(t.hlthLow, { free: Math.floor((h.details?.disk.freeBytes ?? 0) / 1048576) });
  if (state === 'unknown') return t.hlthUnknown;
  if (state === 'damaged') return t.hlthDamaged;
  if (state === 'failing') return fmt(t.hlthFailing, { error: h.details?.database.error ?? '' });
  if (state === 'silent') return t.hlthSilent;
  return t.hlthDown;
}

/**
 * The admin's status line (#27): the database, the disk, the printers and the LED boards as the
 * host's health sees them, polled; which printer or board is down is named. When the database was
 * found damaged it opens the recovery step below it.
 */
export function HealthStatus() {
  const { t } = useLang();
  const [health, setHealth] = useState<Health | null>(null);
  const [recovered, setRecovered] = useState(false);
  const load = useCallback(() => {
    call('health')
      .then(setHealth)
      .catch(() => setHealth(null));
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  if (!health) return null;
  const parts: [string, string][] = [
    [t.hlthDatabase, health.database],
    [t.hlthDisk, health.disk],
    [t.hlthPrinters, health.printers],
    [t.hlthBoards, health.boards],
    [t.hlthSpeakers, health.speakers ?? 'none'],
  ];
  const downPrinters = (health.details?.printers ?? []).filter((p) => !p.ready).map((p) => `${p.printer}: ${p.message}`);
  const downBoards = (health.details?.boards ?? []).filter((b) => !b.connected).map((b) => `${b.port} #${b.address}`);
  const speakers = health.details?.speakers ?? [];
  const silent = speakers.filter((s) => s.state !== 'playing').map((s) => fmt(t.hlthSilentOne, { name: s.name }));
  const clipFailures = speakers.filter((s) => s.clipFailures > 0).map((s) => fmt(t.hlthClipFailed, { name: s.name, count: s.clipFailures, clip: s.lastClipFailure ?? '' }));
  return (
    <>
      <div className={`panel health-line${health.ok ? '' : ' health-bad'}`} role="status" data-testid="health-line" style={{ margin: '12px 22px' }}>
        <strong>{t.hlthTitle}:</strong>{' '}
        {health.ok
          ? t.hlthAllOk
          : parts.map(([label, state], i) => (
              <span key={label} data-state={state}>
                {i > 0 && ' · '}
                {label}: {state === 'ok' || state === 'none' ? partText(t, state, health) : <strong>{partText(t, state, health)}</strong>}
              </span>
            ))}
        {[...downPrinters, ...downBoards, ...silent, ...clipFailures].length > 0 && (
          <div className="form-help" data-testid="health-named">
            {[...downPrinters, ...downBoards, ...silent, ...clipFailures].join(' · ')}
          </div>
        )}
      </div>
      {health.database === 'damaged' && (
        <NumberRecoveryPanel
          onDone={() => {
            setRecovered(true);
            load();
          }}
        />
      )}
      {recovered && (
        <p className="panel" role="status" data-testid="recovered" style={{ margin: '0 22px 12px' }}>
          {t.recDone}
        </p>
      )}
    </>
  );
}

function reasonText(t: Dict, reason: string | undefined): string {
  return reason === 'index' ? t.recReasonIndex : reason === 'chain' ? t.recReasonChain : t.recReasonHeader;
}

/** The recovery step: per service, the highest number handed out today, pre-filled with the evidence. */
function NumberRecoveryPanel(props: { onDone: () => void }) {
  const { t } = useLang();
  const [view, setView] = useState<Recovery | null>(null);
  const [values, setValues] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('databaseRecovery')
      .then((v) => {
        setView(v);
        setValues(Object.fromEntries(v.services.map((s) => [s.serviceId, String(s.suggested)])));
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  if (!view) return error ? <p className="form-error">{error}</p> : null;
  const confirm = () => {
    const floors = view.services.map((s) => ({ serviceId: s.serviceId, lastSeq: Math.max(0, Math.floor(Number(values[s.serviceId] ?? s.suggested) || 0)) }));
    call('recoverNumbering', { body: { floors } })
      .then(() => props.onDone())
      .catch((e: Error) => setError(e.message));
  };
  const show = (n: number | null) => (n === null ? '–' : String(n));
  return (
    <section className="panel admin-form" data-testid="number-recovery" style={{ margin: '0 22px 12px' }}>
      <h2>{t.recTitle}</h2>
      <p className="form-intro">{view.damage?.reason === 'restored' ? t.recIntroRestored : fmt(t.recIntro, { reason: reasonText(t, view.damage?.reason) })}</p>
      {view.damage && <p className="form-help">{fmt(t.recCopy, { path: view.damage.walCopy })}</p>}
      {view.damage && <p className="form-help">{view.damage.detail}</p>}
      <p className="form-help">{view.latestBackup ? fmt(t.recBackup, { path: view.latestBackup }) : t.recNoBackup}</p>
      <p>{fmt(t.recSteps, { day: view.businessDay })}</p>
      <table style={{ borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'left', paddingRight: 24 }}>{t.recService}</th>
            <th scope="col" style={{ textAlign: 'left', paddingRight: 24 }}>{t.recEvidence}</th>
            <th scope="col" style={{ textAlign: 'left', paddingRight: 24 }}>{t.recLast}</th>
          </tr>
        </thead>
        <tbody>
          {view.services.map((s) => (
            <tr key={s.serviceId}>
              <td>
                {s.prefix} · {s.name}
              </td>
              <td>
                {show(s.inDatabase)} / {show(s.inLog)} / {show(s.inDamagedLog)}
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  aria-label={`${t.recLast} ${s.prefix}`}
                  data-testid={`recover-${s.serviceId}`}
                  value={values[s.serviceId] ?? ''}
                  onChange={(e) => setValues({ ...values, [s.serviceId]: e.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && <p className="form-error">{error}</p>}
      <div className="form-footer">
        <button type="button" className="btn-primary" data-testid="recover-confirm" onClick={confirm}>
          {t.recConfirm}
        </button>
      </div>
    </section>
  );
}
