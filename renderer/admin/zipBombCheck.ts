import { ZIP_DAMAGED, ZIP_TOO_BIG } from '../../shared/catalogueSheet';
// An .xlsx is a zip, and a zip can say "0.9 MB" and inflate to 200 MB of XML that exceljs then
// parses in the admin's tab (≈ 500 MB, issue #27). A catalogue sheet is a few megabytes at most, so
// the archive is judged from its central directory before anything is inflated in memory, and
// every entry is then inflated once as a stream, counted and thrown away: a directory that lies
// about sizes is caught before exceljs holds a byte of the truth.

/** What a province's catalogue (thousands of procedures, with document lists) fits in, with room. */
export const ZIP_LIMITS = {
  entries: 500,
  entryBytes: 32 * 1024 * 1024,
  totalBytes: 48 * 1024 * 1024,
  /** Spreadsheet XML deflates 5–30×; a bomb 1000×. Judged only on entries past 1 MB. */
  ratio: 100,
} as const;


interface Entry {
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function centralDirectory(bytes: Uint8Array): Entry[] | 'damaged' | 'too-big' {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return 'damaged';
  const count = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  const dirOffset = view.getUint32(end + 16, true);
  // ZIP64 markers: no catalogue needs them, and a bomb would.
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) return 'too-big';
  if (count > ZIP_LIMITS.entries) return 'too-big';
  if (dirOffset + dirSize > end) return 'damaged';
  const entries: Entry[] = [];
  let at = dirOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) return 'damaged';
    entries.push({
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function declaredProblem(entries: readonly Entry[]): boolean {
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > ZIP_LIMITS.entryBytes || total > ZIP_LIMITS.totalBytes) return true;
    if (e.size > 1024 * 1024 && e.size > ZIP_LIMITS.ratio * Math.max(1, e.compressed)) return true;
  }
  return false;
}

/** Bytes an entry really inflates to, stopping as soon as it passes `stopAt`. */
async function inflatedSize(data: Uint8Array, stopAt: number): Promise<number> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return size;
      size += value.byteLength;
      if (size > stopAt) {
        void reader.cancel().catch(() => undefined);
        return size;
      }
    }
  } catch {
    return -1;
  }
}

/**
 * Null when the zip may be handed to exceljs; otherwise the message for the admin. Reads only the
 * directory and streams each entry through a counter: memory stays at the file's own size.
 */
export async function zipBombProblem(bytes: Uint8Array): Promise<string | null> {
  const entries = centralDirectory(bytes);
  if (entries === 'damaged') return ZIP_DAMAGED;
  if (entries === 'too-big' || declaredProblem(entries)) return ZIP_TOO_BIG;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return ZIP_DAMAGED;
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + e.compressed > bytes.length) return ZIP_DAMAGED;
    const data = bytes.subarray(start, start + e.compressed);
    if (e.method === 0) {
      if (e.compressed !== e.size) return ZIP_DAMAGED;
      continue;
    }
    if (e.method !== 8) return ZIP_DAMAGED;
    // The directory said how big it is: anything past that is a lie, and is not read further.
    const real = await inflatedSize(data, e.size);
    if (real < 0) return ZIP_DAMAGED;
    if (real > e.size) return ZIP_TOO_BIG;
  }
  return null;
}
