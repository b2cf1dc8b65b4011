import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface ProvinceLink {
  hubUrl: string;
  officeId: string;
  officeName: string;
  /** What the office shows the hub on every push; the hub keeps only its hash. */
  credential: string;
  generation: string;
  /** This generation's events start after this sequence. */
  baseSeq: number;
  /** The highest sequence the hub has acknowledged, nothing missing below it. */
  ackedSeq: number;
  /** The highest event sequence this data folder's database has ever held: a lower one means it went back in time. */
  highestSeq: number;
  joinedAt: number;
  lastPushAt: number | null;
  lastError: string | null;
  /** Why the generation last changed (a restore), for the admin and the log. */
  generationReason: string | null;
  /** Why the last pull of the province's catalogue failed (null: it worked); absent in links from before the catalogue. */
  catalogueError?: string | null;
  /** Why the last pull of bookings failed (#30), or null. */
  bookingError?: string | null;
  /** The hub's internet address as its last push answer gave it (#30): tickets' QR open its tracking page. */
  hubPublicUrl?: string | null;
}

export const newGeneration = (): string => crypto.randomBytes(9).toString('base64url');

/**
 * The office's link to its province hub, kept in the data folder beside the database rather than in
 * it: restoring last night's backup replaces the database, not the link, so the office stays joined
 * and can tell that its events went back in time (shared/hubProtocol.ts: a new generation).
 * Written whole to a temporary file and renamed, readable only by the host's user.
 */
export class ProvinceLinkFile {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'province-link.json');
  }

  read(): ProvinceLink | null {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as ProvinceLink;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  write(link: ProvinceLink): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(link, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}
