import fs from 'node:fs';
import path from 'node:path';

export type LogEntry = Record<string, unknown>;
export type Log = (entry: LogEntry) => void;

const MAX_BYTES = 5 * 1024 * 1024;
const KEEP = 5;

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
    const line = JSON.stringify({ time: new Date().toISOString(), ...entry }) + '\n';
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
