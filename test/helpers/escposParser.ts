// An independent reader of the ESC/POS stream the printer receives: splits printable bytes into
// lines and pulls out the QR payload and the commands, so tests check what paper would show.

export interface ParsedEscPos {
  lines: Buffer[];
  qrData: string[];
  commands: string[];
  /** Raster images (GS v 0): width in dots × height. */
  images: { width: number; height: number }[];
}

export function parseEscPos(buf: Buffer): ParsedEscPos {
  const lines: Buffer[] = [];
  const qrData: string[] = [];
  const commands: string[] = [];
  const images: { width: number; height: number }[] = [];
  let cur: number[] = [];
  let i = 0;
  const flush = () => {
    lines.push(Buffer.from(cur));
    cur = [];
  };
  while (i < buf.length) {
    const b = buf[i] as number;
    const n1 = buf[i + 1];
    if (b === 0x1b) {
      // ESC @ ; ESC x n (one argument) for M, t, E, a, d, -, !, 2/3 handled as 1-arg where needed.
      if (n1 === 0x40) { commands.push('ESC @'); i += 2; continue; }
      if (n1 === 0x32) { commands.push('ESC 2'); i += 2; continue; }
      commands.push(`ESC ${String.fromCharCode(n1 ?? 0)} ${buf[i + 2]}`);
      i += 3;
      continue;
    }
    if (b === 0x10 && n1 === 0x04) {
      commands.push(`DLE EOT ${buf[i + 2]}`);
      i += 3;
      continue;
    }
    if (b === 0x1c) {
      // FS . (cancel Kanji) and FS & take no argument.
      commands.push(`FS ${String.fromCharCode(n1 ?? 0)}`);
      i += 2;
      continue;
    }
    if (b === 0x1d) {
      if (n1 === 0x28) {
        const pL = buf[i + 3] as number;
        const pH = buf[i + 4] as number;
        const len = pL + pH * 256;
        const body = buf.subarray(i + 5, i + 5 + len);
        if (buf[i + 2] === 0x6b && body[0] === 0x31 && body[1] === 0x50) qrData.push(body.subarray(3).toString('latin1'));
        commands.push(`GS ( ${String.fromCharCode(buf[i + 2] ?? 0)} fn=${body[1]}`);
        i += 5 + len;
        continue;
      }
      if (n1 === 0x76 && buf[i + 2] === 0x30) {
        const xBytes = (buf[i + 4] as number) + (buf[i + 5] as number) * 256;
        const h = (buf[i + 6] as number) + (buf[i + 7] as number) * 256;
        images.push({ width: xBytes * 8, height: h });
        commands.push('GS v 0');
        i += 8 + xBytes * h;
        continue;
      }
      if (n1 === 0x56) {
        const m = buf[i + 2] as number;
        commands.push('GS V cut');
        i += m === 0x41 || m === 0x42 || m === 65 || m === 66 ? 4 : 3;
        continue;
      }
      commands.push(`GS ${String.fromCharCode(n1 ?? 0)} ${buf[i + 2]}`);
      i += 3;
      continue;
    }
    if (b === 0x0a) {
      flush();
      i++;
      continue;
    }
    if (b === 0x0d) {
      i++;
      continue;
    }
    cur.push(b);
    i++;
  }
  if (cur.length) flush();
  return { lines, qrData, commands, images };
}
