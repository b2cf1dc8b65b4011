import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hashSecret, hashSecretAsync, verifySecretAsync } from './secretHash';

const PREFIX = 'p1$';
export const PIN_KEY_FILE = 'pin.key';

/**
 * Officer PINs are short, so a hash alone would fall to an offline search of a copied database
 * (a million 6-digit PINs × 40 ms ≈ 11 hours on one core; 4 digits in minutes). Each PIN is first
 * keyed with a per-office secret kept in the data folder, outside the database and its backups:
 * the database or a backup alone is useless. Restoring onto another PC means new PINs.
 */
export class PinHasher {
  constructor(private readonly key: Buffer) {}

  static forDataDir(dataDir: string): PinHasher {
    const file = path.join(dataDir, PIN_KEY_FILE);
    let key: Buffer;
    try {
      key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
    } catch {
      key = Buffer.alloc(0);
    }
    if (key.length !== 32) {
      key = crypto.randomBytes(32);
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
    }
    return new PinHasher(key);
  }

  private keyed(pin: string): string {
    return crypto.createHmac('sha256', this.key).update(pin).digest('base64');
  }

  hash(pin: string): Promise<string> {
    return hashSecretAsync(this.keyed(pin)).then((h) => PREFIX + h);
  }

  /** For the first-run seed of benches and scripted installs (synchronous by nature). */
  hashSync(pin: string): string {
    return PREFIX + hashSecret(this.keyed(pin));
  }

  async verify(pin: string, stored: string): Promise<boolean> {
    if (!stored.startsWith(PREFIX)) return false;
    return verifySecretAsync(this.keyed(pin), stored.slice(PREFIX.length));
  }
}
