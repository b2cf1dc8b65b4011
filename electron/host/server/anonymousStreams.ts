/**
 * Counts the event streams (WebSockets on /api/events) held by callers that are no enrolled
 * device — the public display feed and phones' tracking pages — overall and per address, so that
 * one phone, or a room of them, cannot hold more than the hall needs (issue #27: 400 of 400 were
 * accepted from one address).
 */
export class AnonymousStreams {
  private readonly byAddress = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly overall: number,
    private readonly perAddress: number,
  ) {}

  /** A release to call when the stream ends (once; later calls do nothing), or null: refuse it. */
  open(address: string): (() => void) | null {
    const here = this.byAddress.get(address) ?? 0;
    if (this.total >= this.overall || here >= this.perAddress) return null;
    this.total++;
    this.byAddress.set(address, here + 1);
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      this.total--;
      const n = (this.byAddress.get(address) ?? 1) - 1;
      if (n > 0) this.byAddress.set(address, n);
      else this.byAddress.delete(address);
    };
  }

  get count(): number {
    return this.total;
  }
}
