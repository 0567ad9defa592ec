import { parentPort, workerData } from 'node:worker_threads';
import { startPgliteServer } from './pglite-server';

// Entry of the worker thread that owns the embedded database (see client.ts).
const { dataDir, socketPath } = workerData as { dataDir?: string; socketPath: string };

startPgliteServer({ dataDir, socketPath }).then(
  (handle) => {
    parentPort?.on('message', (msg: unknown) => {
      if (msg === 'stop') {
        handle.stop().then(
          () => parentPort?.postMessage({ type: 'stopped' }),
          (err: unknown) => parentPort?.postMessage({ type: 'stopped', error: String(err) }),
        );
      }
    });
    parentPort?.postMessage({ type: 'ready' });
  },
  (err: unknown) => parentPort?.postMessage({ type: 'error', error: err instanceof Error ? err.stack : String(err) }),
);
