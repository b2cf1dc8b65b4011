// Worker entry: the restore check reads the whole uploaded file, so it runs off the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareRestore } from './restoreCheck';

import type { KeptDevice } from './restoreCheck';

const { uploaded, out, settings, devices } = workerData as { uploaded: string; out: string; settings: Record<string, string>; devices: KeptDevice[] };
parentPort?.postMessage(prepareRestore(uploaded, out, settings, devices));
