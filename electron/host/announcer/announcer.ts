import type { QueueEvent } from '../../../shared/api/events';
import { announcementClips, announcementText, resumeClips, resumeText, speaksPrefix } from '../../../shared/announcementText';
import type { ServiceNumbers } from '../../../shared/announcementText';
import { announcementFor, spokenLangs } from '../../../shared/announcementConfig';
import type { AnnouncementConfig, AnnounceMessage } from '../../../shared/announcementConfig';
import { localParts, minutesOfDay } from '../../../shared/businessDay';

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function inQuietHours(cfg: Pick<AnnouncementConfig, 'quietFrom' | 'quietTo'>, now: number, timeZone: string): boolean {
  if (!cfg.quietFrom || !cfg.quietTo) return false;
  const m = minutesOfDay(localParts(now, timeZone));
  const from = toMinutes(cfg.quietFrom);
  const to = toMinutes(cfg.quietTo);
  return from <= to ? m >= from && m < to : m >= from || m < to;
}

/**
 * Turns queue events into spoken announcements, numbered in call order, for the speaker displays.
 * The displays queue them, so a new call never cuts off the one being spoken.
 */
export function createAnnouncer(opts: {
  config: () => AnnouncementConfig;
  /** Every service's letter and number range: whether a letter must be spoken depends on the others. */
  services: () => readonly ServiceNumbers[];
  publish: (m: AnnounceMessage) => void;
  now: () => number;
  timeZone: () => string;
  /** The zone a counter is in; absent, announcements name no zone and every speaker plays them. */
  zoneOf?: (counterId: number) => number | null;
  /** The recorded voice's revision, stamped on every announcement (voiceStore.ts). */
  voiceRev?: () => string;
}) {
  let seq = 0;
  const voice = () => (opts.voiceRev ? { voice: opts.voiceRev() } : {});
  return {
    /**
     * The admin's "Thử gọi": a whole call in the default wording, sent to the zone's speakers the
     * way a real call is, without a ticket, an event or a row touched. Spoken even in quiet hours
     * or with announcements off: the admin asked to hear it now.
     */
    testCall(t: { zoneId: number | null; lang: 'vi' | 'en'; ticketNumber: string; counterNumber: number }): AnnounceMessage {
      const cfg = announcementFor(opts.config(), t.zoneId);
      const o = { lang: t.lang, readPrefix: speaksPrefix(t.ticketNumber, cfg.readPrefix, opts.services()) };
      const m: AnnounceMessage = {
        type: 'announce',
        seq: ++seq,
        kind: 'test',
        ticketNumber: t.ticketNumber,
        counterNumber: t.counterNumber,
        zoneId: t.zoneId,
        lang: t.lang,
        text: announcementText(t.ticketNumber, t.counterNumber, o),
        clips: announcementClips(t.ticketNumber, t.counterNumber, o),
        ...voice(),
        repeat: 1,
        gapMs: cfg.gapMs,
        volume: cfg.volume,
      };
      opts.publish(m);
      return m;
    },
    handle(e: QueueEvent): void {
      if (!e.counter) return;
      const zoneId = opts.zoneOf?.(e.counter.id) ?? null;
      // The zone's own settings, if it has them: its quiet hours silence its calls only.
      const cfg = announcementFor(opts.config(), zoneId);
      if (!cfg.enabled || inQuietHours(cfg, opts.now(), opts.timeZone())) return;
      const counterNumber = e.counter.number;
      const base = { type: 'announce' as const, counterNumber, zoneId, ...voice(), repeat: cfg.repeat, gapMs: cfg.gapMs, volume: cfg.volume };
      // Clips exist only for the default wording; a custom one goes to speech synthesis.
      const custom = !!cfg.template;
      for (const lang of spokenLangs(cfg)) {
        if ((e.type === 'ticket.called' || e.type === 'ticket.recalled') && e.ticket) {
          const o = { lang, readPrefix: speaksPrefix(e.ticket.number, cfg.readPrefix, opts.services()), template: cfg.template ?? undefined };
          opts.publish({
            ...base,
            lang,
            seq: ++seq,
            kind: e.type === 'ticket.called' ? 'call' : 'recall',
            ticketNumber: e.ticket.number,
            text: announcementText(e.ticket.number, counterNumber, o),
            clips: custom ? [] : announcementClips(e.ticket.number, counterNumber, o),
          });
        } else if (e.type === 'counter.resumed' && cfg.announceResume) {
          opts.publish({ ...base, lang, seq: ++seq, kind: 'resume', ticketNumber: null, text: resumeText(counterNumber, lang), clips: resumeClips(counterNumber, lang), repeat: 1 });
        }
      }
    },
  };
}
