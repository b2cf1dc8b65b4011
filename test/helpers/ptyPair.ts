import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A real linked pair of serial ports from socat, at stable paths (symlinks) so a "replugged"
 * device reappears where the host expects it: `device` is what the host opens, `peer` plays the printer.
 */
export class PtyPair {
  private proc: ChildProcess | null = null;
  constructor(
    readonly device: string,
    readonly peer: string,
  ) {}

  static inDir(dir: string, name = 'printer'): PtyPair {
    return new PtyPair(path.join(dir, `${name}-host`), path.join(dir, `${name}-peer`));
  }

  async start(): Promise<void> {
    this.proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${this.device}`, `pty,raw,echo=0,link=${this.peer}`], { stdio: 'ignore' });
    const deadline = Date.now() + 5000;
    while (!(fs.existsSync(this.device) && fs.existsSync(this.peer))) {
      if (Date.now() > deadline) throw new Error('socat did not create the pty pair');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Unplug: both ends vanish. */
  async stop(): Promise<void> {
    const p = this.proc;
    this.proc = null;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGKILL');
    });
    for (const f of [this.device, this.peer]) fs.rmSync(f, { force: true });
  }
}
