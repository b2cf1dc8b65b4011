// Kiosks' calls for staff (#31): one open call per kiosk, the first answer wins, old calls leave.
import { describe, expect, it } from 'vitest';
import type { Device } from '../../../electron/host/auth/deviceRegistry';
import { HelpDesk } from '../../../electron/host/admin/helpDesk';

const kiosk = (id: number): Device => ({ id, role: 'kiosk', counterId: null, name: `Kiosk ${id}`, createdAt: 0, lastSeenAt: null, lastAddress: null, revokedAt: null, zoneId: null, pinFailures: 0 }) as Device;

describe('HelpDesk', () => {
  it('presses while a call is open change nothing; each change is announced once', () => {
    let changes = 0;
    const desk = new HelpDesk(() => changes++);
    const first = desk.ask(kiosk(1), 1000);
    expect(desk.ask(kiosk(1), 5000)).toEqual(first);
    desk.ask(kiosk(2), 6000);
    expect(desk.open(7000).map((c) => c.kioskName)).toEqual(['Kiosk 1', 'Kiosk 2']);
    expect(changes).toBe(2);
  });

  it('two officers answering at once: the first is the one named; the call leaves the open list', () => {
    const desk = new HelpDesk(() => undefined);
    const c = desk.ask(kiosk(1), 0);
    expect(desk.answer(c.id, 'Quầy 1 — Lan', 10)?.answeredBy).toBe('Quầy 1 — Lan');
    expect(desk.answer(c.id, 'Quầy 2 — Hùng', 11)?.answeredBy).toBe('Quầy 1 — Lan');
    expect(desk.open(12)).toEqual([]);
    expect(desk.ofKiosk(1, 12)?.answeredBy).toBe('Quầy 1 — Lan');
    // After the answer has been shown a while, the kiosk may call again.
    expect(desk.ofKiosk(1, 10 + 3 * 60_000 + 1)).toBeNull();
    expect(desk.ask(kiosk(1), 10 + 3 * 60_000 + 2).id).not.toBe(c.id);
  });

  it('an unanswered call leaves after 30 minutes; an unknown id is not found', () => {
    const desk = new HelpDesk(() => undefined);
    desk.ask(kiosk(1), 0);
    expect(desk.open(30 * 60_000)).toHaveLength(1);
    expect(desk.open(30 * 60_000 + 1)).toEqual([]);
    expect(desk.answer(999, 'x', 0)).toBeNull();
  });
});
