// Notices when whoever started `npm run serve` is gone, whether or not a signal reached us.
import fs from 'node:fs';

// The shells npm may run a script in (`script-shell`); past them is npm itself.
const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ksh', 'mksh', 'ash', 'busybox']);

/** @param {number} pid @returns {{ comm: string, ppid: number } | null} Linux only; null elsewhere or when it is gone. */
function stat(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may itself hold spaces and parentheses.
    const close = s.lastIndexOf(')');
    return { comm: s.slice(s.indexOf('(') + 1, close), ppid: Number(s.slice(close + 2).split(' ')[1]) };
  } catch {
    return null;
  }
}

/**
 * Calls `gone` once when our parent dies, or — on Linux, when the parent is a shell — when the
 * process that ran that shell (npm) dies: the shell outlives npm, waiting for us, and never passes
 * a signal on. A process whose parent dies is adopted by another, so a changed parent id is the
 * sign; a dead npm stays a zombie for a moment, so its pid alone would not tell.
 * @param {() => void} gone
 * @param {number} everyMs
 */
export function watchParents(gone, everyMs = 250) {
  // [our parent, its parent, …] up to the first that is not a shell.
  const chain = [process.ppid];
  for (let s = stat(process.ppid); s && SHELLS.has(s.comm) && chain.length < 4; s = stat(s.ppid)) chain.push(s.ppid);
  const timer = setInterval(() => {
    const intact = process.ppid === chain[0] && chain.slice(0, -1).every((pid, i) => stat(pid)?.ppid === chain[i + 1]);
    if (intact) return;
    clearInterval(timer);
    gone();
  }, everyMs);
  timer.unref();
}
