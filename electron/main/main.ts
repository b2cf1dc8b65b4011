// The Electron shell: a thin layer that only wires things up. Everything else is the host.
import path from 'node:path';
import { app, powerSaveBlocker, shell } from 'electron';
import { setupAutostart } from './autostart';
import { watchGpu } from './crashRecovery';
import { startHostInShell } from './hostInShell';
import { setupIpc } from './ipc';
import { setupPermissions } from './lockdown';
import { registerAppScheme, setupProtocol } from './protocol';
import { failToStart } from './startupFailure';
import { closeAllWindows, placeWindows, watchDisplays } from './windows';

const root = app.isPackaged ? process.resourcesPath : path.resolve(__dirname, '../..');
const rendererDir = path.join(app.isPackaged ? path.join(app.getAppPath(), 'dist') : path.join(root, 'dist'), 'renderer');
const resourcesDir = app.isPackaged ? root : path.join(root, 'resources');
const preload = path.join(__dirname, 'preload.cjs');

if (!app.requestSingleInstanceLock()) app.quit();
// Kiosk windows must be placed on a chosen screen: X11 allows it, Wayland does not.
if (process.platform === 'linux') app.commandLine.appendSwitch('ozone-platform', 'x11');
registerAppScheme();

app.whenReady().then(async () => {
  const { host, config } = await startHostInShell(resourcesDir, rendererDir);
  setupProtocol(rendererDir, [path.join(host.dataDir, 'audio'), path.join(resourcesDir, 'audio')], host.voice);
  setupPermissions();
  setupIpc(host);
  setupAutostart(config.startAtLogin);
  watchGpu(host.log);
  powerSaveBlocker.start('prevent-display-sleep');
  placeWindows(config, preload, host.log);
  watchDisplays(config, preload, host.log);
  // First start: the one-time setup page opens in the PC's browser, which becomes the first admin device.
  if (host.setupUrl) void shell.openExternal(host.setupUrl);
  app.on('second-instance', () => placeWindows(config, preload, host.log));
  app.on('before-quit', () => {
    closeAllWindows();
    void host.close();
  });
}).catch(failToStart);
