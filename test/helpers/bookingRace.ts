import crypto from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { DEFAULT_APPOINTMENT_WINDOW } from '../../shared/bookingProtocol';
import type { AppointmentWindow, BookingOffer } from '../../shared/bookingProtocol';

const VN_OFFSET_MS = 7 * 3600_000;

/** Midnight in Vietnam of the day `days` after the Vietnamese day holding `now` (epoch ms), and that day as YYYY-MM-DD. */
export function vnDay(now: number, days: number): { midnight: number; day: string } {
  const local = new Date(now + VN_OFFSET_MS);
  const utcMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days);
  return { midnight: utcMidnight - VN_OFFSET_MS, day: new Date(utcMidnight).toISOString().slice(0, 10) };
}

export const HO_TICH = { id: 1, nameVi: 'Hộ tịch — Đăng ký khai sinh', nameEn: 'Civil status — Birth registration' };
export const DAT_DAI = { id: 2, nameVi: 'Đất đai', nameEn: 'Land' };

/** An office's offer: `slots` slots of `minutes` from 08:00 on the given Vietnamese midnight, `capacity` places each, for each service. */
export function offerOf(o: { version: number; midnight: number; slots: number; capacity: number; minutes?: number; services?: { id: number; nameVi: string; nameEn: string }[]; window?: Partial<AppointmentWindow>; matchKey?: string }): BookingOffer {
  const minutes = o.minutes ?? 30;
  const services = o.services ?? [HO_TICH, DAT_DAI];
  return {
    version: o.version,
    timeZone: 'Asia/Ho_Chi_Minh',
    services,
    slots: services.flatMap((s) => Array.from({ length: o.slots }, (_, i) => ({ serviceId: s.id, start: o.midnight + 8 * 3600_000 + i * minutes * 60_000, minutes, capacity: o.capacity }))),
    window: { ...DEFAULT_APPOINTMENT_WINDOW, ...o.window },
    matchKey: o.matchKey ?? crypto.randomBytes(32).toString('hex'),
  };
}

export interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
  ms: number;
}

/** A citizen's phone on the public page: JSON over HTTP from its own address (127.0.0.x). */
export function citizenRequest(port: number, from: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, localAddress: from, agent: false, headers: data ? { 'content-type': 'application/json', 'content-length': String(data.length) } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Answer['body'], ms: performance.now() - t0 }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Citizen i's own address: 127.0.0.2, …; each a phone on its own connection. */
export const citizenAddress = (i: number) => `127.0.${Math.floor((i + 2) / 250)}.${((i + 2) % 250) + 1}`;

/**
 * `citizens` people press "Đặt lịch" at once, each from its own address, each for one of `starts`
 * (spread evenly): the answers, with each one's latency. `firstCitizen` numbers them on from there
 * (another hub process's share of the same rush).
 */
export async function bookingRace(port: number, o: { citizens: number; office: string; service: number; starts: number[]; firstCitizen?: number }): Promise<Answer[]> {
  return Promise.all(
    Array.from({ length: o.citizens }, (_, k) => k + (o.firstCitizen ?? 0)).map((i) =>
      citizenRequest(port, citizenAddress(i), 'POST', '/hub/api/public/bookings', { office: o.office, service: o.service, start: o.starts[i % o.starts.length], phone: `09${String(10_000_000 + i).slice(-8)}` }),
    ),
  );
}
