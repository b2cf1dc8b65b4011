import { ZIP_DAMAGED, ZIP_TOO_BIG } from '../../shared/catalogueSheet';
import { zipEntries, zipEntryData } from '../../shared/zipArchive';
import type { ZipEntry } from '../../shared/zipArchive';
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

function declaredProblem(entries: readonly ZipEntry[]): boolean {
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
  const entries = zipEntries(bytes, ZIP_LIMITS.entries);
  if (entries === 'damaged') return ZIP_DAMAGED;
  if (entries === 'too-big' || declaredProblem(entries)) return ZIP_TOO_BIG;
  for (const e of entries) {
    const data = zipEntryData(bytes, e);
    if (data === 'damaged') return ZIP_DAMAGED;
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
