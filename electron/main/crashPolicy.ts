// Pure: what to do when a window's renderer dies or hangs. Reload at once; after 3 crashes within
// 5 minutes, relaunch the whole app; never leave a blank screen.

export type CrashAction = 'reload' | 'relaunch';

export class CrashPolicy {
  private readonly times: number[] = [];
  constructor(
    private readonly limit = 3,
    private readonly windowMs = 5 * 60_000,
  ) {}

  onCrash(now: number): CrashAction {
    this.times.push(now);
    while (this.times.length && (this.times[0] as number) < now - this.windowMs) this.times.shift();
    return this.times.length >= this.limit ? 'relaunch' : 'reload';
  }
}
