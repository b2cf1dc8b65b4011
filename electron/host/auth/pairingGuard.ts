import { AppError } from '../../../shared/errors';
import { GuessBudget, isError } from '../../../shared/guessBudget';
import type { Device, DeviceRegistry } from './deviceRegistry';
import type { SecurityAlerts } from './securityAlerts';

/** Wrong codes (from anyone) within an hour after which every live code is voided. */
export const SWEEP_FAILURES = 250;
const SWEEP_WINDOW_MS = 3600_000;

/**
 * Pairing is open to anyone on the Wi-Fi, so every code typed is paid for before it is looked up:
 * about 10 a minute per address (5 at once), and 300 an hour from everyone together. Past
 * SWEEP_FAILURES wrong codes in an hour somebody is sweeping: every live code is voided (the admin
 * makes a new one), and the admin's devices screen and the log say so.
 */
export class PairingGuard {
  private readonly budget: GuessBudget;
  private failuresAt: number[] = [];

  constructor(
    private readonly devices: DeviceRegistry,
    private readonly alerts: SecurityAlerts,
    private readonly now: () => number,
    private readonly onSwept: (failures: number, voided: number) => void = () => undefined,
  ) {
    this.budget = new GuessBudget({ perGuesser: { perMinute: 10, burst: 5 }, overall: { perMinute: 5, burst: 300 }, refusal: 'RATE_LIMITED', now });
  }

  pair(code: string, address: string, name?: string): { token: string; device: Device } {
    try {
      return this.budget.attempt(address, () => this.devices.pair(code, address, name), isError('PAIRING_CODE_INVALID'));
    } catch (e) {
      if (e instanceof AppError && e.code === 'PAIRING_CODE_INVALID') this.wrong();
      throw e;
    }
  }

  private wrong(): void {
    const t = this.now();
    this.failuresAt = this.failuresAt.filter((at) => at > t - SWEEP_WINDOW_MS);
    this.failuresAt.push(t);
    if (this.failuresAt.length < SWEEP_FAILURES) return;
    const failures = this.failuresAt.length;
    this.failuresAt = [];
    const voided = this.devices.voidPairingCodes();
    this.alerts.pairingSwept(t, failures, voided);
    this.onSwept(failures, voided);
  }
}
