import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import QRCode from 'qrcode';
import type { IssuedTicket, TicketPrintView } from '../../shared/api/schemas';
import { call } from '../api/client';
import { useEvents } from '../api/hooks';
import { useLang } from '../i18n';

/**
 * The ticket's print as it really went, followed live (a failed print may come out later by itself).
 * A fast failure can be pushed before this screen exists, so the state is also read once on mount;
 * every push for this job re-reads it, and only the newest answer counts.
 */
function usePrintState(ticket: IssuedTicket): TicketPrintView['state'] {
  const [state, setState] = useState(ticket.print.state);
  const sent = useRef(0);
  const applied = useRef(0);
  const refresh = useCallback(() => {
    const seq = ++sent.current;
    call('ticketPrint', { params: { id: ticket.id } })
      .then((p) => {
        if (seq <= applied.current) return;
        applied.current = seq;
        setState(p.state);
      })
      .catch(() => undefined);
  }, [ticket.id]);
  useEvents((m) => {
    if (m.type === 'print.job' && m.jobId === ticket.print.jobId) refresh();
  }, refresh);
  useEffect(refresh, [refresh]);
  return state;
}

/** Shown after issuing: even if the printer failed, the citizen leaves with the number and the QR. */
export function TicketResult({ ticket, priorityLabel, onDone, children, aside }: { ticket: IssuedTicket; priorityLabel: string | null; onDone: () => void; children?: ReactNode; aside?: ReactNode }) {
  const { t, pick } = useLang();
  const [qr, setQr] = useState<string | null>(null);
  const print = usePrintState(ticket);
  useEffect(() => {
    QRCode.toDataURL(ticket.trackUrl, { margin: 1, width: 480, errorCorrectionLevel: 'M' })
      .then(setQr)
      .catch(() => setQr(null));
  }, [ticket.trackUrl]);
  const printed = print === 'done';
  const printing = print === 'queued' || print === 'printing';
  return (
    <div className={`result${children || aside ? ' with-extras' : ''}`} data-testid="ticket-result">
      <div className="result-number">
        <div className="label">{t.yourNumber}</div>
        <div className="big-number" data-testid="ticket-number">
          {ticket.number}
        </div>
        <div className="service-name">{pick(ticket.serviceNameVi, ticket.serviceNameEn)}</div>
        {priorityLabel && <div className="facts priority">{priorityLabel}</div>}
        <div className="facts">
          {t.ahead}: <b>{ticket.ahead}</b> · {t.etaAbout} <b>{ticket.etaMinutes}</b> {t.minutes}
        </div>
        <div className={`print-state ${printed ? 'ok' : printing ? 'busy' : 'failed'}`} data-testid="print-state" data-state={print} role="status">
          {printed ? t.takeTicket : printing ? t.printing : t.kioskPrintFailed}
        </div>
        {/* Where to go and what to bring (issue #15). */}
        {children}
      </div>
      <div className="result-track">
        {aside}
        {qr && (
          <div className="qr">
            <img src={qr} alt={ticket.trackUrl} />
          </div>
        )}
        <div className="facts small">{t.scanToTrack}</div>
        {ticket.checkCode && (
          <div className="facts check-code">
            {t.ticketCode}: <b data-testid="ticket-code">{ticket.checkCode}</b>
          </div>
        )}
        <button type="button" className="btn-primary big" onClick={onDone} data-action="done">
          {t.done}
        </button>
      </div>
    </div>
  );
}
