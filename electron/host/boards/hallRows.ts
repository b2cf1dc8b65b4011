import type { BoardCommand } from '../../../shared/boardConfig';

export interface HallCall {
  number: string;
  counterId: number;
  counterNumber: number;
}

// Kept past the board's rows, so a closed counter's rows give way to the calls before them.
const HISTORY = 16;

/**
 * What a zone's hall board shows, as the zone's TV lists its calls: one entry per number, newest
 * first (a recall moves it to the top). A paused counter's rows show the pause sign with the counter;
 * a closed counter's rows go away and the rows below move up.
 */
export class HallRows {
  private calls: (HallCall & { paused: boolean })[];

  constructor(
    private readonly rows: number,
    initial: readonly (HallCall & { paused?: boolean })[] = [],
  ) {
    this.calls = initial.slice(0, HISTORY).map((c) => ({ ...c, paused: c.paused ?? false }));
  }

  call(c: HallCall): void {
    this.calls = [{ ...c, paused: false }, ...this.calls.filter((x) => x.number !== c.number)].slice(0, HISTORY);
  }

  pause(counterId: number, paused: boolean): void {
    for (const c of this.calls) if (c.counterId === counterId) c.paused = paused;
  }

  /** A new business day: yesterday's calls are not shown (as on the zone's TV). */
  clear(): void {
    this.calls = [];
  }

  close(counterId: number): void {
    this.calls = this.calls.filter((c) => c.counterId !== counterId);
  }

  /** One command per row; the newest row blinks when `blinkTop`. */
  commands(blinkTop: boolean): BoardCommand[] {
    return Array.from({ length: this.rows }, (_, r): BoardCommand => {
      const c = this.calls[r];
      if (!c) return { kind: 'blank' };
      if (c.paused) return { kind: 'pause', counter: c.counterNumber };
      return { kind: 'show', number: c.number, blink: blinkTop && r === 0, counter: c.counterNumber };
    });
  }
}
