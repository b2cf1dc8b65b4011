import { memo, useCallback, useEffect, useRef, useState } from 'react';
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

const QR_OPTIONS = { type: 'svg', margin: 1, errorCorrectionLevel: 'M' } as const;

/**
 * The QR as an SVG image: about a millisecond of work, where a 480-pixel canvas encoded to PNG (and
 * decoded again to show it) took 18 ms of the main thread on a slow 2-core kiosk PC, in the frames
 * right after the number's, competing with their raster for the CPU. The SVG's modules are sharp at
 * any size (crispEdges), as a phone's camera wants them.
 */
const qrImage = (url: string): Promise<string> => QRCode.toString(url, QR_OPTIONS).then((svg) => `data:image/svg+xml,${encodeURIComponent(svg)}`);

/** After the frame that is being drawn now has been painted (a task queued from an animation frame). */
function afterNextPaint(run: () => void): () => void {
  let timer: number | undefined;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * The ticket's QR, made once the number is on screen: the citizen looks for the number first, and
 * the QR's image is one more thing for that frame to raster (#14: the first tap blocked ≈ 56 ms).
 */
function useQrAfterPaint(url: string): string | null {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const cancel = afterNextPaint(() => {
      qrImage(url)
        .then((d) => live && setQr(d))
        .catch(() => live && setQr(null));
    });
    return () => {
      live = false;
      cancel();
    };
  }, [url]);
  return qr;
}

const whenIdle = (run: () => void): (() => void) => {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 200);
  return () => clearTimeout(id);
};

/**
 * The result screen, ready before the first tap: drawn once, invisibly, on the home screen while
 * the kiosk is idle, so the number's heavy font weight is loaded, its styles are matched and the
 * QR encoder has run once. Without it the first citizen of the day paid for all of that.
 */
export const ResultWarmup = memo(function ResultWarmup() {
  const [ready, setReady] = useState(false);
  const [qr, setQr] = useState<string | null>(null);
  useEffect(
    () =>
      whenIdle(() => {
        setReady(true);
        qrImage(`${location.origin}/t/warm-up`)
          .then(setQr)
          .catch(() => undefined);
      }),
    [],
  );
  if (!ready) return null;
  return (
    <div className="result result-warmup" aria-hidden="true" inert>
      <div className="result-number">
        <div className="big-number">A000</div>
      </div>
      <div className="result-track">
        {/* Not .qr: tests and scripts look for the one ticket QR on screen. */}
        <div className="qr-warmup">{qr && <img src={qr} alt="" width={240} height={240} />}</div>
      </div>
    </div>
  );
});

/** Shown after issuing: even if the printer failed, the citizen leaves with the number and the QR. */
export function TicketResult({ ticket, priorityLabel, onDone, children, aside }: { ticket: IssuedTicket; priorityLabel: string | null; onDone: () => void; children?: ReactNode; aside?: ReactNode }) {
  const { t, pick } = useLang();
  const qr = useQrAfterPaint(ticket.trackUrl);
  const print = usePrintState(ticket);
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
        {ticket.etaMinutes === null ? (
          <>
            <div className="facts">
              {t.ahead}: <b>{ticket.ahead}</b>
            </div>
            <div className="facts no-counter" data-testid="ticket-no-counter">
              {t.noOpenCounterTicket}
            </div>
          </>
        ) : (
          <div className="facts" data-testid="ticket-eta">
            {t.ahead}: <b>{ticket.ahead}</b> · {t.etaAbout} <b>{ticket.etaMinutes}</b> {t.minutes}
          </div>
        )}
        {print === 'screen' ? (
          // The office has no printer: this screen is the ticket, said calmly, not a failed print.
          <div className="print-state screen" data-testid="print-state" data-state={print} role="status">
            <div className="screen-ticket-ask">{t.screenTicket}</div>
            <div className="screen-ticket-how">{t.screenTicketHow}</div>
          </div>
        ) : (
          <div className={`print-state ${printed ? 'ok' : printing ? 'busy' : 'failed'}`} data-testid="print-state" data-state={print} role="status">
            {printed ? t.takeTicket : printing ? t.printing : t.kioskPrintFailed}
          </div>
        )}
        {/* Where to go and what to bring (issue #15). */}
        {children}
      </div>
      <div className="result-track">
        {aside}
        {/* The QR's place is kept while it is being made, so the number does not move when it comes. */}
        <div className="qr" data-testid="ticket-qr">
          {qr ? <img src={qr} alt={ticket.trackUrl} /> : <div className="qr-placeholder" />}
        </div>
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
