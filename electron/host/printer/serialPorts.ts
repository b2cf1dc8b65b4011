import fs from 'node:fs';
import { SerialPort } from 'serialport';

export interface PortInfo {
  path: string;
  manufacturer?: string;
}

/**
 * Serial ports and printer devices for the admin's picker. SerialPort.list() crashes the whole
 * process on Linux machines without udevadm, so on Linux it is only used when udevadm exists, and
 * /dev is scanned otherwise.
 */
export async function listPorts(): Promise<PortInfo[]> {
  const scan = (): PortInfo[] => {
    const dev = (dir: string, re: RegExp) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => re.test(f)).map((f) => ({ path: `${dir}/${f}` })) : []);
    return [...dev('/dev', /^tty(S\d+|USB\d+|ACM\d+)$/), ...dev('/dev/usb', /^lp\d+$/), ...dev('/dev/serial/by-id', /./)];
  };
  if (process.platform === 'linux') {
    const hasUdevadm = ['/usr/bin/udevadm', '/bin/udevadm', '/sbin/udevadm', '/usr/sbin/udevadm'].some((p) => fs.existsSync(p));
    if (!hasUdevadm) return scan();
  }
  try {
    return (await SerialPort.list()).map((p) => ({ path: p.path, manufacturer: p.manufacturer }));
  } catch {
    return process.platform === 'linux' ? scan() : [];
  }
}
