import { parseArgs } from 'node:util';

export interface ServeArgs {
  port: number;
  host: string | undefined;
  /** Named with --data or MOTCUA_DATA; otherwise the office's default folder (dataFolder.ts). */
  dataDir: string | undefined;
}

/** `--port 8080 --data ./data --host 192.168.1.10`; env MOTCUA_DATA / MOTCUA_PORT / MOTCUA_HOST as fallbacks. */
export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv): ServeArgs {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, data: { type: 'string' }, host: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port ?? env.MOTCUA_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${values.port}`);
  return { port, host: values.host ?? env.MOTCUA_HOST ?? undefined, dataDir: values.data ?? (env.MOTCUA_DATA || undefined) };
}
