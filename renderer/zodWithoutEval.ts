// Zod compiles a faster object parser with `new Function` where it may, and probes for that on the
// first parse. The host's Content-Security-Policy forbids eval (and stays so), so Chromium reported
// the probe as a violation on every admin page even though zod caught it. Without the compiled
// parser our answers (a few kB) parse in well under a millisecond anyway. Imported first by
// main.tsx, before any module can parse.
import { config } from 'zod/v4/core';

config({ jitless: true });
