import crypto from 'node:crypto';
import type { OfficeSettings } from '../config/officeSettings';

const KEY = 'appointmentMatchKey';

/**
 * The office's secret for matching a booking to a chip ID card (#30): a booking keeps
 * HMAC-SHA256(key, 12-digit number) and the last 4 digits, never the number. The key is the 32
 * bytes its 64 hex signs spell (the hub, given it in the offer, hashes the same way). Made once, on
 * first use, and kept in the office's settings; it leaves the office only in the offer to its hub.
 */
export class MatchKey {
  private hex: string | null = null;

  constructor(private readonly settings: OfficeSettings) {}

  value(): string {
    if (this.hex) return this.hex;
    let hex = this.settings.getRaw<string>(KEY);
    if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) {
      hex = crypto.randomBytes(32).toString('hex');
      this.settings.setRaw(KEY, hex);
    }
    this.hex = hex;
    return hex;
  }

  hash(idNumber: string): string {
    return crypto.createHmac('sha256', Buffer.from(this.value(), 'hex')).update(idNumber, 'utf8').digest('hex');
  }
}
