// `npm run device -- pair --data DIR --role kiosk|counter|rating|display|admin [--counter N] [--zone ZONE_ID] [--name NAME]`
// `npm run device -- list --data DIR` · `npm run device -- revoke --data DIR --id ID`
// `npm run device -- hub-join --data DIR --hub URL --code CODE`: join the province hub (#29).
// Enrolls devices from the host PC's command line (scripts, tests, benches, an office without a
// second screen). Works whether the host is running or not: SQLite in WAL mode lets both write.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEVICE_ROLES } from '../shared/api/access';
import type { DeviceRole } from '../shared/api/access';
import { DeviceRegistry } from '../electron/host/auth/deviceRegistry';
import { openDatabase } from '../electron/host/db/openDatabase';
import { chooseDataDir, defaultDataDir, thisMachine } from '../electron/host/dataFolder';
import { OutboxReader } from '../electron/host/province/outboxReader';
import { joinProvince } from '../electron/host/province/provinceJoin';
import { ProvinceLinkFile } from '../electron/host/province/provinceLinkFile';

function fail(msg: string): never {
  process.stderr.write(`motcua device: ${msg}\n`);
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { data: { type: 'string' }, role: { type: 'string' }, counter: { type: 'string' }, zone: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' }, hub: { type: 'string' }, code: { type: 'string' } },
  strict: true,
});
// The folder the host starts on when none is named (electron/host/dataFolder.ts).
const folder = chooseDataDir({ named: values.data ?? (process.env.MOTCUA_DATA || undefined), defaultDir: defaultDataDir(thisMachine()), legacyDirs: [path.resolve('data')] });
if (folder.movedFrom) console.error(`motcua: the office's data moved from ${folder.movedFrom} to ${folder.dataDir}`);
const dataDir = folder.dataDir;
const db = openDatabase({ file: path.join(dataDir, 'motcua.sqlite'), backupDir: path.join(dataDir, 'backups'), skipIntegrityCheck: true });
const devices = new DeviceRegistry(db, Date.now);
try {
  if (command === 'pair') {
    const role = values.role as DeviceRole;
    if (!DEVICE_ROLES.includes(role)) fail(`--role must be one of ${DEVICE_ROLES.join(', ')}`);
    let counterId: number | null = null;
    if (values.counter !== undefined) {
      const row = db.prepare('SELECT id FROM counters WHERE number = ?').get(Number(values.counter)) as { id: number } | undefined;
      if (!row) fail(`no counter number ${values.counter}`);
      counterId = row.id;
    }
    if ((role === 'counter' || role === 'rating') !== (counterId !== null)) fail(role === 'counter' || role === 'rating' ? `--counter N is needed for ${role}` : `--counter is only for counter and rating devices`);
    // A kiosk or display standing in one zone (m012); without --zone, the whole office.
    const zoneId = values.zone === undefined ? null : Number(values.zone);
    if (zoneId !== null && !(Number.isInteger(zoneId) && zoneId > 0)) fail('--zone must be a zone id');
    let enrolled: ReturnType<typeof devices.enroll>;
    try {
      enrolled = devices.enroll(role, counterId, values.name ?? `${role} (dòng lệnh)`, 'cli', zoneId);
    } catch (e) {
      fail((e as Error).message);
    }
    const { token, device } = enrolled;
    process.stdout.write(JSON.stringify({ token, role, id: device.id, counterId, zoneId }) + '\n');
  } else if (command === 'list') {
    for (const d of devices.list()) process.stdout.write(JSON.stringify(d) + '\n');
  } else if (command === 'revoke') {
    const id = Number(values.id);
    if (!Number.isInteger(id) || id <= 0) fail('--id ID is needed');
    process.stdout.write(JSON.stringify(devices.revoke(id)) + '\n');
  } else if (command === 'hub-join') {
    if (!values.hub || !values.code) fail('--hub URL and --code CODE are needed');
    try {
      const link = await joinProvince({ hubUrl: values.hub, code: values.code, links: new ProvinceLinkFile(dataDir), outbox: new OutboxReader(db) });
      process.stdout.write(JSON.stringify({ office: link.officeId, name: link.officeName, hub: link.hubUrl, generation: link.generation, fromSeq: link.baseSeq }) + '\n');
    } catch (e) {
      fail((e as Error).message);
    }
  } else {
    fail('usage: device pair|list|revoke|hub-join --data DIR …');
  }
} finally {
  db.close();
}
