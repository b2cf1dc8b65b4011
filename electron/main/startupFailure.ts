import { app, dialog } from 'electron';
import { DataFolderConflictError } from '../host/dataFolder';
import { DataDirBusyError } from '../host/db/dataDirLock';
import { FutureDatabaseError } from '../host/db/migrate';
import { CorruptDatabaseError } from '../host/db/openDatabase';
import { NativeAddonError } from '../host/nativeAddons';

/**
 * The shell could not start its host. Errors we can explain (an addon built for the wrong runtime,
 * a damaged or newer database) are one line with the fix, on stderr for whoever ran `npm start` and
 * in a dialog for whoever stands at the kiosk; anything else keeps its stack for a bug report.
 */
export function failToStart(e: unknown): void {
  const known = e instanceof NativeAddonError || e instanceof CorruptDatabaseError || e instanceof FutureDatabaseError || e instanceof DataFolderConflictError || e instanceof DataDirBusyError;
  const line = known ? e.message : `failed to start: ${String((e as Error)?.stack ?? e)}`;
  process.stderr.write(`motcua: ${line}\n`);
  dialog.showErrorBox('motcua', line);
  app.exit(known ? 2 : 1);
}
