/** A tiny JSON client over real sockets, keeping the session cookie like a browser would. */
export class HttpClient {
  cookie = '';
  /** `device`: an enrolled device's credential, sent as X-Device-Token (as scripts do). */
  constructor(
    readonly base: string,
    public device?: string,
  ) {}

  /** What this client would present: its session cookie and device credential (for raw fetches of files). */
  authHeaders(): Record<string, string> {
    return { ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.device ? { 'x-device-token': this.device } : {}) };
  }

  async req(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...this.authHeaders(),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    // Keep the session cookie; a device cookie (pairing) becomes the device credential.
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0] ?? '';
      if (pair.startsWith('motcua_device=')) this.device = decodeURIComponent(pair.slice('motcua_device='.length));
      else this.cookie = pair;
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, body: json as any, headers: res.headers };
  }
  get(path: string) {
    return this.req('GET', path);
  }
  post(path: string, body?: unknown) {
    return this.req('POST', path, body);
  }
}
