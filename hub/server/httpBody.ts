import type http from 'node:http';
import zlib from 'node:zlib';
import { AppError } from '../../shared/errors';
import { HUB_BATCH_JSON_BYTES } from '../../shared/hubProtocol';

export class BodyTooLarge extends Error {}

/** Read a request body, refusing past `max` bytes without taking the rest in. */
export function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        // Stop reading; the answer closes the connection (see hubHttp's fail), so the rest is never taken in.
        req.pause();
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Inflate a gzip body, refusing one that would grow past the cap (a gzip bomb) before it does. */
export function inflate(body: Buffer, encoding: string | undefined): Buffer {
  if (!encoding || encoding === 'identity') {
    if (body.length > HUB_BATCH_JSON_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
    return body;
  }
  if (encoding !== 'gzip') throw new AppError('BATCH_MALFORMED', 'Chỉ nhận gói nén gzip');
  try {
    return zlib.gunzipSync(body, { maxOutputLength: HUB_BATCH_JSON_BYTES });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new AppError('PAYLOAD_TOO_LARGE', 'Gói dữ liệu giải nén quá lớn');
    throw new AppError('BATCH_MALFORMED', 'Gói nén gzip bị hỏng');
  }
}

export function parseJson(buf: Buffer, code: 'BATCH_MALFORMED' | 'BAD_REQUEST' = 'BATCH_MALFORMED'): unknown {
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    throw new AppError(code, 'Không đọc được JSON');
  }
}
