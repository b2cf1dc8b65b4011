import zlib from 'node:zlib';

/**
 * A zip archive with stored (uncompressed) entries and Unix modes, enough to stand in for an
 * Electron release zip: the real extractor reads it like any other.
 */
export interface DeflatedData {
  /** Raw deflate bytes, their inflated size and CRC-32 (see `deflateRepeated`). */
  bytes: Buffer;
  size: number;
  crc: number;
}

/**
 * `deflated`: an entry stored compressed (method 8) instead of `data`; `declaredSize`: the
 * uncompressed size the headers claim, when a test wants them to lie.
 */
export function zipFile(entries: { name: string; data?: Buffer | string; mode?: number; deflated?: DeflatedData; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const plain = e.deflated ? null : Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? '');
    const data = e.deflated ? e.deflated.bytes : (plain as Buffer);
    const size = e.declaredSize ?? (e.deflated ? e.deflated.size : data.length);
    const name = Buffer.from(e.name);
    const crc = e.deflated ? e.deflated.crc : zlib.crc32(data);
    const method = e.deflated ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode below counts
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100000 | (e.mode ?? 0o644)) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** `chunk` repeated `times`, deflated as one stream without ever holding the whole in memory. */
export function deflateRepeated(chunk: Buffer, times: number, prefix = Buffer.alloc(0), suffix = Buffer.alloc(0)): Promise<DeflatedData> {
  return new Promise((resolve, reject) => {
    const z = zlib.createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    z.on('data', (d: Buffer) => out.push(d));
    z.on('error', reject);
    z.on('end', () => resolve({ bytes: Buffer.concat(out), size: prefix.length + chunk.length * times + suffix.length, crc }));
    let crc = zlib.crc32(prefix);
    z.write(prefix);
    let i = 0;
    const pump = () => {
      while (i < times) {
        i++;
        crc = zlib.crc32(chunk, crc);
        if (!z.write(chunk)) return void z.once('drain', pump);
      }
      crc = zlib.crc32(suffix, crc);
      z.end(suffix);
    };
    pump();
  });
}
