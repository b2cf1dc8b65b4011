// What a build was made from: a hash of every input file and the list of every file under the
// source folders, recorded beside the output, so `npm run serve` rebuilds only after a real change
// (an edit, an added file, a removed build) and a checkout or a touch that keeps the content is not one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface BuildStamp {
  /** Absolute path → sha1 of its content when the build was made from it. */
  inputs: Record<string, string>;
  /** Every file under the source folders then, so a file added since is noticed too. */
  tree: string[];
}

export const sha1 = (file: string): string | null => {
  try {
    return crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
};

/** Every file under `dirs` of `root` (assets that are not modules count too). */
export function sourceTree(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  for (const d of dirs) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  return out.sort();
}

/** Hashes of `files`, taken before a build starts so an edit made while it runs still counts as a change. */
export function hashAll(files: readonly string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const f of files) {
    const h = sha1(f);
    if (h) inputs[f] = h;
  }
  return inputs;
}

/** Why the build recorded in `stampFile` is out of date, or null when it is current. */
export function stampStaleReason(root: string, stampFile: string, dirs: readonly string[]): string | null {
  let stamp: BuildStamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8')) as BuildStamp;
  } catch {
    return 'no record of what the last build was made from';
  }
  const entries = Object.entries(stamp.inputs ?? {});
  if (entries.length === 0) return 'no record of what the last build was made from';
  for (const [file, hash] of entries) if (sha1(file) !== hash) return `${path.relative(root, file)} changed`;
  const before = new Set(stamp.tree ?? []);
  const added = sourceTree(root, dirs).find((f) => !before.has(f));
  if (added) return `${path.relative(root, added)} added`;
  return null;
}

export function writeStamp(stampFile: string, stamp: BuildStamp): void {
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  const tmp = `${stampFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(stamp));
  fs.renameSync(tmp, stampFile);
}
