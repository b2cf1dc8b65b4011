import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deviceClient } from '../../helpers/devices';
import { serveCommand } from '../../helpers/serveProcess';
import { tempHost } from '../../helpers/tempHost';

describe('one host per data folder', () => {
  it('a second process refuses in one line before touching any file, and the pending restore waits for the lock holder', async () => {
    const host = await tempHost();
    try {
      const dbFile = path.join(host.dataDir, 'motcua.sqlite');
      const pending = path.join(host.dataDir, 'restore-pending.sqlite');
      fs.copyFileSync(dbFile, pending);
      const inode = fs.statSync(dbFile).ino;
      const child = spawn(process.execPath, [...(await serveCommand()), '--port', '0', '--host', '127.0.0.1', '--data', host.dataDir], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += String(d)));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/Another motcua \(process \d+\) is already running/);
      expect(fs.existsSync(pending)).toBe(true);
      expect(fs.statSync(dbFile).ino).toBe(inode);
      expect(fs.existsSync(dbFile + '-wal')).toBe(true);
      expect((await deviceClient(host, 'kiosk').post('/api/tickets', { serviceId: 1 })).status).toBe(201);
      fs.rmSync(pending);
    } finally {
      await host.close();
    }
  });

  it('takes over the lock of a process that died', async () => {
    const host = await tempHost();
    const dir = host.dataDir;
    await host.close();
    // A crashed host leaves its lock behind with a pid that no longer exists.
    fs.writeFileSync(path.join(dir, 'motcua.lock'), '999999');
    const { startHost } = await import('../../../electron/host/host');
    const again = await startHost({ dataDir: dir, port: 0, host: '127.0.0.1', log: () => undefined, version: 't', staticDir: dir, resourcesDir: path.resolve('resources'), backups: false });
    expect(fs.readFileSync(path.join(dir, 'motcua.lock'), 'utf8')).toBe(String(process.pid));
    await again.close();
    expect(fs.existsSync(path.join(dir, 'motcua.lock'))).toBe(false);
  });
});
