// Loaded with `--import` into the process that runs Electron's own install.js, which is left as it
// is. install.js prints only "fetch failed" when the network is down and shows no progress for its
// first 30 s, so this wraps fetch to report the URL, bytes received and the real cause (DNS,
// refused, proxy, certificate) as JSON lines on the file descriptor the parent opened for it.
import fs from 'node:fs';

const fd = Number(process.env.MOTCUA_ELECTRON_PROGRESS_FD ?? NaN);

export type DownloadReport =
  | { type: 'start'; url: string; status: number; total: number | null }
  | { type: 'progress'; url: string; received: number; total: number | null }
  | { type: 'done'; url: string; received: number }
  | { type: 'error'; url: string; message: string };

function report(r: DownloadReport): void {
  if (!Number.isInteger(fd)) return;
  try {
    fs.writeSync(fd, JSON.stringify(r) + '\n');
  } catch {
    // the parent went away; the download itself does not depend on it
  }
}

/** "fetch failed: getaddrinfo ENOTFOUND github.com" rather than "fetch failed". */
function causeOf(e: unknown): string {
  const err = e as { message?: string; cause?: { code?: string; message?: string; errors?: { message?: string }[] } };
  const c = err.cause;
  const detail = c?.message || c?.errors?.[0]?.message || c?.code;
  return detail ? `${err.message}: ${detail}` : (err.message ?? String(e));
}

const realFetch = globalThis.fetch;
globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = input instanceof Request ? input.url : String(input);
  let res: Response;
  try {
    res = await realFetch(input, init);
  } catch (e) {
    const message = causeOf(e);
    report({ type: 'error', url, message });
    throw new Error(`${message} (${url})`, { cause: e });
  }
  const length = res.headers.get('content-length');
  const total = length ? Number(length) : null;
  report({ type: 'start', url, status: res.status, total });
  // A failed response keeps its own url and status, which install.js puts in its message.
  if (!res.ok || !res.body) return res;
  let received = 0;
  let last = 0;
  const counted = res.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        received += chunk.byteLength;
        const now = Date.now();
        if (now - last > 250) {
          last = now;
          report({ type: 'progress', url, received, total });
        }
        out.enqueue(chunk);
      },
      flush() {
        report({ type: 'done', url, received });
      },
    }),
  );
  return new Response(counted, { status: res.status, statusText: res.statusText, headers: res.headers });
};
