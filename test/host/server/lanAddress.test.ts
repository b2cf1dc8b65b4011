import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { cachedLanAddress, firstLanAddress, linkAddress } from '../../../electron/host/server/lanAddress';

type Interfaces = ReturnType<typeof os.networkInterfaces>;
const iface = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4') =>
  ({ address, internal, family, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null }) as unknown as os.NetworkInterfaceInfo;

describe('the LAN address a ticket QR names', () => {
  it('is the first external IPv4 address, never loopback or IPv6; localhost when there is none', () => {
    const ifs: Interfaces = { lo: [iface('127.0.0.1', true)], eth0: [iface('fe80::1', false, 'IPv6'), iface('192.168.1.20')], wlan0: [iface('10.0.0.5')] };
    expect(firstLanAddress(ifs)).toBe('192.168.1.20');
    expect(firstLanAddress({ lo: [iface('127.0.0.1', true)] })).toBe('localhost');
  });

  it('asks the OS once a minute, and follows a new DHCP lease after that minute (or a clock set back)', () => {
    let t = 0;
    let lease = '192.168.1.20';
    let lookups = 0;
    const address = cachedLanAddress(() => t, 60_000, () => (lookups++, lease));
    expect(address()).toBe('192.168.1.20');
    lease = '192.168.1.77';
    t = 59_999;
    expect(address()).toBe('192.168.1.20');
    expect(lookups).toBe(1);
    t = 60_000;
    expect(address()).toBe('192.168.1.77');
    lease = '192.168.1.90';
    t = 1_000;
    expect(address()).toBe('192.168.1.90');
    expect(lookups).toBe(3);
  });
});

describe('the address links name', () => {
  const lan = () => '192.168.1.20';
  it('is the LAN address for a host on every interface, the listening address for one on a single address', () => {
    for (const all of [undefined, '', '0.0.0.0', '::']) expect(linkAddress(all, lan)()).toBe('192.168.1.20');
    expect(linkAddress('127.0.0.1', lan)()).toBe('127.0.0.1');
    expect(linkAddress('192.168.5.4', lan)()).toBe('192.168.5.4');
    expect(linkAddress('motcua.local', lan)()).toBe('motcua.local');
    expect(linkAddress('fd00::2', lan)()).toBe('[fd00::2]');
  });
});
