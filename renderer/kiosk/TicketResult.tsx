import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { IssuedTicket } from '../../shared/api/schemas';
import { useLang } from '../i18n';

/** Shown after issuing: even if the printer failed, the citizen leaves with the number and the QR. */
export function TicketResult({ ticket, priorityLabel, onDone }: { ticket: IssuedTicket; priorityLabel: string | null; onDone: () => void }) {
  const { t, pick } = useLang();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toDataURL(ticket.trackUrl, { margin: 1, width: 480, errorCorrectionLevel: 'M' })
      .then(setQr)
      .catch(() => setQr(null));
  }, [ticket.trackUrl]);
  return (
    <div className="result" data-testid="ticket-result">
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
      </div>
      <div className="result-track">
        {qr && (
          <div className="qr">
            <img src={qr} alt={ticket.trackUrl} />
          </div>
        )}
        <div className="facts small">{t.scanToTrack}</div>
        <div className="facts small muted">{t.takeTicket}</div>
        <button type="button" className="btn-primary done" onClick={onDone} data-action="done">
          {t.done}
        </button>
      </div>
    </div>
  );
}
