// Zod compiles a faster object parser with `new Function` where it may, and probes for that on the
// first parse. The host's Content-Security-Policy forbids eval (and stays so), so Chromium reported
// the probe as a violation on every admin page even though zod caught it. Without the compiled
// parser our answers (a few kB) parse in well under a millisecond anyway.
//
// Set through the global every copy of zod reads its config from when it loads
// (globalThis.__zod_globalConfig, zod/v4/core/core.js), not with `z.config()`: importing zod here
// would move 11 kB of it into the entry chunk that even a phone's tracking page downloads.
// Imported first by main.tsx, before any chunk with zod can load; test/e2e/adminConsole.test.ts
// fails if a zod update stops honouring it.
declare global {
  var __zod_globalConfig: { jitless?: boolean } | undefined;
}

globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };

export {};
