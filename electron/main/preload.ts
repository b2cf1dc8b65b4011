// The only bridge between a window and the host: one object, the same contract as HTTP.
//   window.motcua.invoke(routeName, { params, query, body }) → Promise of the route's answer,
//     rejected with { code, message, status, details? } exactly like an HTTP error answer;
//   window.motcua.onEvent(cb) → every queue event and announcement; returns an unsubscribe function.
//   window.motcua.exitApp() → leaves kiosk mode and quits; only after this window signed in as admin.
import { contextBridge, ipcRenderer } from 'electron';

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; status: number; details?: unknown } };

contextBridge.exposeInMainWorld('motcua', {
  invoke: async (name: string, input: unknown) => {
    const r = (await ipcRenderer.invoke('motcua:invoke', name, input)) as Envelope;
    if (r.ok) return r.value;
    throw r.error;
  },
  exitApp: () => ipcRenderer.invoke('motcua:exit'),
  onEvent: (cb: (message: unknown) => void) => {
    const listener = (_e: unknown, m: unknown) => cb(m);
    ipcRenderer.on('motcua:event', listener);
    return () => ipcRenderer.removeListener('motcua:event', listener);
  },
});
