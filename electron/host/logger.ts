import fs from 'node:fs';
import path from 'node:path';

export type LogEntry = Record<string, unknown>;
export type Log = (entry: LogEntry) => void;

const MAX_BYTES = 5 * 1024 * 1024;
const KEEP = 5;
/** No single line may be longer: a request with a huge path must not rotate the log away. */
export const MAX_LINE = 2048;

/** One JSON line of at most MAX_LINE bytes: long string fields are cut first, then the whole. */
export function logLine(entry: LogEntry, time = new Date()): string {
  const full = JSON.stringify({ time: time.toISOString(), ...entry });
  if (Buffer.byteLength(full) < MAX_LINE) return full + '\n';
  const cut: LogEntry = {};
  for (const [k, v] of Object.entries(entry)) cut[k] = typeof v === 'string' && v.length > 300 ? `${v.slice(0, 300)}…(${v.length})` : v;
  const shorter = JSON.stringify({ time: time.toISOString(), ...cut, truncated: true });
  if (Buffer.byteLength(shorter) < MAX_LINE) return shorter + '\n';
  return JSON.stringify({ time: time.toISOString(), level: entry.level, msg: String(entry.msg ?? '').slice(0, 200), truncated: true, head: shorter.slice(0, 400) }) + '\n';
}

/**
 * One JSON line per event into <dir>/motcua.log, rotated at 5 MB (motcua.log.1 … .5), so a kiosk
 * that runs for years never fills its disk with logs. Also echoes to stderr when asked.
 */
export function createFileLog(dir: string, opts: { echo?: boolean } = {}): Log {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'motcua.log');
  let size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  const rotate = () => {
    for (let i = KEEP - 1; i >= 1; i--) {
      const from = `${file}.${i}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i + 1}`);
    }
    fs.renameSync(file, `${file}.1`);
    size = 0;
  };
  return (entry) => {
    const line = logLine(entry);
    try {
      if (size + line.length > MAX_BYTES && size > 0) rotate();
      fs.appendFileSync(file, line);
      size += Buffer.byteLength(line);
    } catch {
      // Logging must never take the queue down (e.g. disk full): drop the line.
    }
    if (opts.echo) process.stderr.write(line);
  };
}
