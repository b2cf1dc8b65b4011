import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { HUB_BATCH_EVENTS, HUB_HEARTBEAT_MS, PushAnswer } from '../../../shared/hubProtocol';
import type { OfficeExtras, OfficeHealth } from '../../../shared/hubProtocol';
import { CatalogueAnswer } from '../../../shared/provinceCatalogue';
import type { CatalogueVersion } from '../../../shared/provinceCatalogue';
import type { PushBatch } from '../../../shared/hubProtocol';
import type { OfficeDirectorySource } from './officeDirectory';
import type { BookingLinkSource } from '../appointments/bookingOffer';
import type { OutboxReader } from './outboxReader';
import { newGeneration } from './provinceLinkFile';
import type { ProvinceLink, ProvinceLinkFile } from './provinceLinkFile';

const gzip = promisify(zlib.gzip);

export interface ProvinceSyncOptions {
  links: ProvinceLinkFile;
  outbox: OutboxReader;
  log: (e: Record<string, unknown>) => void;
  /** Real time: the hub compares clocks, and backoff is wall time. */
  now?: () => number;
  fetch?: typeof fetch;
  /** How often an idle link looks for new events (ms). */
  idleMs?: number;
  /** Batch size; the protocol's cap by default. */
  batchEvents?: number;
  /** The office's health with details, sent with every push and on the idle heartbeat. */
  health?: () => OfficeHealth;
  /** How long an idle link waits before it pushes its health alone (ms). */
  heartbeatMs?: number;
  /** Devices, last backup, applied catalogue: sent with the health. */
  extras?: () => OfficeExtras;
  /** Where pulled catalogue versions are kept; without it the catalogue is not pulled. */
  catalogue?: { latestVersion(): number | null; store(v: CatalogueVersion): void };
  /** How often the catalogue is asked for even when no push answer says it changed (ms). */
  cataloguePollMs?: number;
  /** The office's names for services, counters and officers, sent when they changed. */
  directory?: OfficeDirectorySource;
  /** Appointments (#30): the slot offer pushed when it changed, and the bookings pulled from the hub. */
  bookings?: BookingLinkSource;
  /** How often bookings are pulled when no push happened (ms). */
  bookingPullMs?: number;
}

export interface ProvinceSync {
  /** Push now instead of at the next tick, even with nothing new (the admin's "send now", an applied catalogue). */
  kick(): void;
  stop(): Promise<void>;
}

const RETRY_MIN_MS = 1000;
const CATALOGUE_POLL_MS = 5 * 60_000;
const RETRY_MAX_MS = 60_000;
const BOOKING_PULL_MS = 60_000;
/** Pages of pulled bookings per round: the rest comes at the next round, so a push is never held up long. */
const BOOKING_PAGES_PER_ROUND = 20;

/**
 * Pushes the office's events to its province hub whenever the link is up: at least once, in order,
 * a capped gzip batch at a time, each acknowledged up to the highest sequence the hub holds with
 * nothing missing. Failures back off exponentially with jitter. The queue never waits for any of it:
 * this runs beside the queue on timers and reads the event log, which the queue writes anyway.
 */
export function startProvinceSync(o: ProvinceSyncOptions): ProvinceSync {
  const now = o.now ?? Date.now;
  const idleMs = o.idleMs ?? 1000;
  const batchEvents = Math.min(o.batchEvents ?? HUB_BATCH_EVENTS, HUB_BATCH_EVENTS);
  const heartbeatMs = o.heartbeatMs ?? HUB_HEARTBEAT_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let running: Promise<void> | null = null;
  let failures = 0;
  let abort: AbortController | null = null;
  let cataloguePulledAt = -Infinity;
  /** Set by kick(): the next round pushes even with nothing new, so the hub's answer (and its catalogue version) comes at once. */
  let forced = false;
  /**
   * An older hub refuses a batch with fields it does not know, so the extras go only to a hub that
   * has shown it takes them (its push answer names the catalogue version): from the second push on.
   */
  let hubTakesExtras = false;
  const cataloguePollMs = o.cataloguePollMs ?? CATALOGUE_POLL_MS;
  /** As with the extras: the offer goes only to a hub whose answers show it takes bookings. */
  let hubTakesBookings = false;
  let bookingsPulledAt = -Infinity;
  const bookingPullMs = o.bookingPullMs ?? BOOKING_PULL_MS;

  /**
   * After a good push and every minute: the bookings made or cancelled on the hub since the last one
   * applied here, page by page, each applied in one transaction. A failure is noted, never the push's.
   */
  const pullBookings = async (link: ProvinceLink, pushed: boolean) => {
    const source = o.bookings;
    if (!source || !hubTakesBookings) return;
    // After a push at most every few seconds (events flow in bursts), else every minute.
    if (now() - bookingsPulledAt < (pushed ? Math.min(5_000, bookingPullMs) : bookingPullMs)) return;
    bookingsPulledAt = now();
    let problem: string | null = null;
    try {
      for (let page = 0; page < BOOKING_PAGES_PER_ROUND; page++) {
        const res = await (o.fetch ?? fetch)(`${link.hubUrl}/hub/api/bookings?after=${source.cursor()}`, {
          headers: { authorization: `Bearer ${link.credential}` },
          signal: AbortSignal.any([AbortSignal.timeout(30_000), ...(abort ? [abort.signal] : [])]),
        });
        const body = (await res.json().catch(() => null)) as unknown;
        if (!res.ok) {
          const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
          throw new Error(`${err?.code ?? res.status}: ${err?.message ?? res.statusText}`);
        }
        const answer = source.apply(body);
        if (answer.bookings.length > 0) o.log({ level: 'info', msg: 'bookings pulled from the province hub', bookings: answer.bookings.length });
        if (!answer.more) break;
      }
    } catch (e) {
      problem = `Lịch hẹn: ${failureText(e)}`;
      o.log({ level: 'warn', msg: 'province bookings: pull failed', error: problem });
    }
    const current = o.links.read();
    if (current && (current.bookingError ?? null) !== problem) o.links.write({ ...current, bookingError: problem });
  };

  /**
   * After a good push: the province's catalogue when the hub says a newer version exists, or every
   * few minutes in case (an older hub does not say). The office's version rides along, so an
   * unchanged catalogue is a 304 with no body. A failure here is noted, never the push's.
   */
  const pullCatalogue = async (link: ProvinceLink, hubHas: number | null | undefined) => {
    const store = o.catalogue;
    if (!store) return;
    const have = store.latestVersion();
    const newer = typeof hubHas === 'number' && hubHas > (have ?? 0);
    if (!newer && now() - cataloguePulledAt < cataloguePollMs) return;
    cataloguePulledAt = now();
    let problem: string | null = null;
    try {
      const res = await (o.fetch ?? fetch)(`${link.hubUrl}/hub/api/catalogue${have ? `?have=${have}` : ''}`, {
        headers: { authorization: `Bearer ${link.credential}`, ...(have ? { 'if-none-match': `"v${have}"` } : {}) },
        signal: AbortSignal.any([AbortSignal.timeout(30_000), ...(abort ? [abort.signal] : [])]),
      });
      if (res.status !== 304) {
        const body = (await res.json().catch(() => null)) as unknown;
        if (!res.ok) {
          const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
          throw new Error(`${err?.code ?? res.status}: ${err?.message ?? res.statusText}`);
        }
        const answer = CatalogueAnswer.parse(body);
        if (answer.catalogue && answer.catalogue.version > (have ?? 0)) {
          store.store(answer.catalogue);
          o.log({ level: 'info', msg: 'province catalogue pulled', version: answer.catalogue.version, procedures: answer.catalogue.procedures.length });
        }
      }
    } catch (e) {
      problem = `Danh mục thủ tục: ${failureText(e)}`;
      o.log({ level: 'warn', msg: 'province catalogue: pull failed', error: problem });
    }
    const current = o.links.read();
    if (current && (current.catalogueError ?? null) !== problem) o.links.write({ ...current, catalogueError: problem });
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
    timer.unref?.();
  };

  /** The database went back in time (a restored backup): a new generation, so no sequence is reused. */
  const checkGeneration = (link: ProvinceLink, last: number): ProvinceLink => {
    if (last >= link.highestSeq) return last > link.highestSeq ? { ...link, highestSeq: last } : link;
    const baseSeq = Math.min(link.ackedSeq, last);
    const next: ProvinceLink = { ...link, generation: newGeneration(), baseSeq, ackedSeq: baseSeq, highestSeq: last, generationReason: `database went back from event ${link.highestSeq} to ${last} (restored or copied)` };
    o.log({ level: 'warn', msg: 'province link: the database went back in time; pushing as a new generation', from: link.highestSeq, to: last, oldGeneration: link.generation, generation: next.generation });
    return next;
  };

  const pushOnce = async (): Promise<'more' | 'idle' | 'none'> => {
    const stored = o.links.read();
    if (!stored) return 'none';
    const link = checkGeneration(stored, o.outbox.lastSeq());
    if (link !== stored) o.links.write(link);
    const events = o.outbox.after(link.ackedSeq, batchEvents);
    const force = forced;
    forced = false;
    // Nothing new: only the heartbeat, so the province can tell a quiet office from one cut off.
    const offer = o.bookings && hubTakesBookings ? o.bookings.pending(`${link.hubUrl} ${link.officeId}`) : null;
    if (events.length === 0 && !force && !offer && link.lastPushAt !== null && now() - link.lastPushAt < heartbeatMs) {
      await pullCatalogue(link, undefined);
      await pullBookings(link, false);
      return 'idle';
    }
    const directory = o.directory?.pending(`${link.hubUrl} ${link.officeId}`);
    const batch: PushBatch = { generation: link.generation, baseSeq: link.baseSeq, sentAt: now(), events, ...(o.health ? { health: o.health() } : {}), ...(o.extras && hubTakesExtras ? { extras: o.extras() } : {}), ...(directory ? { directory: directory.directory } : {}), ...(offer ? { bookingOffer: offer.offer } : {}) };
    abort = new AbortController();
    const timeout = setTimeout(() => abort?.abort(), 30_000);
    try {
      const res = await (o.fetch ?? fetch)(`${link.hubUrl}/hub/api/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${link.credential}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: await gzip(JSON.stringify(batch)),
        signal: abort.signal,
      });
      const body = (await res.json().catch(() => null)) as unknown;
      if (!res.ok) {
        const err = (body as { error?: { code?: string; message?: string; details?: { ackedSeq?: number } } } | null)?.error;
        const hubHas = err?.details?.ackedSeq;
        if (err?.code === 'SEQUENCE_GAP' && typeof hubHas === 'number' && hubHas >= link.baseSeq && hubHas < link.ackedSeq) {
          // The hub lost what it had acknowledged (its database restored): send again from where it is.
          o.log({ level: 'warn', msg: 'province link: the hub has fewer of our events than it acknowledged; sending again', hubHas, acked: link.ackedSeq });
          o.links.write({ ...link, ackedSeq: hubHas });
          return 'more';
        }
        throw new Error(`${err?.code ?? res.status}: ${err?.message ?? res.statusText}`);
      }
      const answer = PushAnswer.parse(body);
      const told = answer.catalogueVersion !== undefined;
      // It takes them now: say them at once rather than at the next heartbeat.
      if (told && !hubTakesExtras && o.extras) forced = true;
      hubTakesExtras = told;
      if (directory) o.directory?.acknowledged(directory.mark);
      const takesBookings = answer.bookingOfferVersion !== undefined;
      // It takes bookings now: send the offer at once rather than at the next change.
      if (takesBookings && !hubTakesBookings && o.bookings) forced = true;
      hubTakesBookings = takesBookings;
      if (offer) o.bookings?.acknowledged(offer.mark, answer.bookingOfferVersion);
      // Another push (or a restore check) may have moved the link meanwhile: keep the newest cursor.
      const current = o.links.read() ?? link;
      if (current.generation === answer.generation) o.links.write({ ...current, ackedSeq: Math.max(current.ackedSeq, answer.ackedSeq), lastPushAt: now(), lastError: null, hubPublicUrl: answer.publicUrl ?? null });
      await pullCatalogue(current, answer.catalogueVersion);
      await pullBookings(current, true);
      return events.length === batchEvents || forced ? 'more' : 'idle';
    } finally {
      clearTimeout(timeout);
      abort = null;
    }
  };

  const tick = async () => {
    if (stopped || running) return;
    running = (async () => {
      try {
        const r = await pushOnce();
        failures = 0;
        schedule(r === 'more' ? 0 : idleMs);
      } catch (e) {
        failures++;
        const link = o.links.read();
        const message = failureText(e);
        if (link) o.links.write({ ...link, lastError: message });
        const backoff = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** (failures - 1));
        const delay = backoff * (0.5 + Math.random() / 2);
        if (failures === 1 || failures % 10 === 0) o.log({ level: 'warn', msg: 'province link: push failed', error: message, failures, retryInMs: Math.round(delay) });
        schedule(delay);
      } finally {
        running = null;
      }
    })();
    await running;
  };

  schedule(0);
  return {
    kick: () => {
      forced = true;
      schedule(0);
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      abort?.abort();
      await running?.catch(() => undefined);
    },
  };
}

/** What the admin reads under "Lỗi gần nhất": the hub's own words, or what went wrong on the way, in Vietnamese. */
function failureText(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string } };
  if (err?.name === 'AbortError' || err?.name === 'TimeoutError') return 'Hub tỉnh không trả lời trong 30 giây';
  if (err?.message === 'fetch failed') return `Không kết nối được tới hub tỉnh (mất mạng hoặc hub đang tắt${err.cause?.code ? `: ${err.cause.code}` : ''})`;
  return String(err?.message ?? e).slice(0, 300);
}
