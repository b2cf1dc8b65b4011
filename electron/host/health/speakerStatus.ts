import type { z } from 'zod';
import type { SpeakerReport, SpeakerView } from '../../../shared/api/schemas';
import type { Device } from '../auth/deviceRegistry';

type Report = z.infer<typeof SpeakerReport>;
type View = z.infer<typeof SpeakerView>;

/**
 * What each enrolled display says about its sound (#31): a display in a plain browser stays silent
 * until someone touches it, and nobody in the hall can tell. Kept in memory, one entry per enrolled
 * display (so bounded by the devices the admin enrolled); a display that is not connected now is
 * not listed, since the office already sees it offline.
 */
export class SpeakerStatus {
  private readonly speakers = new Map<number, View>();

  report(device: Device, r: Report, now: number): void {
    const prev = this.speakers.get(device.id);
    this.speakers.set(device.id, {
      deviceId: device.id,
      name: device.name,
      zoneId: device.zoneId,
      state: r.state,
      since: prev && prev.state === r.state ? prev.since : now,
      clipFailures: (prev?.clipFailures ?? 0) + r.clipFailures.length,
      lastClipFailure: r.clipFailures.at(-1) ?? prev?.lastClipFailure ?? null,
    });
  }

  /** Connected speakers, silent ones first. */
  list(online: ReadonlySet<number>): View[] {
    return [...this.speakers.values()].filter((s) => online.has(s.deviceId)).sort((a, b) => Number(a.state === 'playing') - Number(b.state === 'playing') || a.deviceId - b.deviceId);
  }
}
