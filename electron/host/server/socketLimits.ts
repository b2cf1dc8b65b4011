/**
 * How many sockets the host lets strangers hold (issue #27: one phone opened 20,000 WebSockets,
 * reached the process's open-file limit, and then the kiosks could not take a number). Cut from
 * the open-file limit so that a flood always stops below it:
 *
 *   open files ─┬─ kept for the host's own files (database, WAL, logs, backups, ports, static reads)
 *               └─ sockets ─┬─ anonymous: phones, and every connection not yet known (see connectionGate)
 *                           └─ headroom: only connections that show an enrolled device's credential
 */
export interface SocketLimits {
  /** Every socket the server holds, whoever holds it. */
  sockets: number;
  /** Sockets not known to be an enrolled device's; beyond this a newcomer must prove it is one. */
  anonymous: number;
  /** Of those, from one address (a phone, or a Wi-Fi that hides its phones behind one address). */
  anonymousPerAddress: number;
  /** Newcomers let into the headroom to show a device credential, at once and per address. */
  probation: number;
  probationPerAddress: number;
  /** How long a newcomer in the headroom has to send its first request. */
  probationMs: number;
  /** Anonymous event streams (the public display feed, tracking pages), overall and per address. */
  eventStreams: number;
  eventStreamsPerAddress: number;
}

/** SQLite (database, WAL, shared memory, a backup being written), log files, printer and board ports, files being sent. */
const OWN_FILES = 256;
/** Where the OS does not tell (Windows has no per-process file limit for sockets in this sense). */
const UNKNOWN_LIMIT = 8192;

export function socketLimits(openFiles: number | null, overrides: Partial<SocketLimits> = {}): SocketLimits {
  const files = openFiles === null || !Number.isFinite(openFiles) ? UNKNOWN_LIMIT : openFiles;
  const sockets = Math.max(64, files - OWN_FILES);
  // A quarter for enrolled devices: a provincial centre's hundred-odd screens, counter PCs and
  // tablets with a few connections each fit in it on the smallest usual limit (1024).
  const headroom = Math.max(32, Math.floor(sockets / 4));
  const anonymous = sockets - headroom;
  return {
    sockets,
    anonymous,
    // A browser keeps ≈ 6 connections and a socket per page; 128 leaves room for a Wi-Fi that
    // puts its phones behind one address, and still stops one phone holding the whole budget.
    anonymousPerAddress: Math.min(128, anonymous),
    probation: Math.max(8, Math.min(256, Math.floor(headroom / 4))),
    probationPerAddress: 4,
    probationMs: 5000,
    // A centre's busiest hour has a few hundred phones following their tickets.
    eventStreams: Math.min(2000, Math.floor(anonymous / 2)),
    eventStreamsPerAddress: 32,
    ...overrides,
  };
}
