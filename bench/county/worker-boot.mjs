// Starts a TypeScript worker thread under tsx: `new Worker(<this file>, { workerData: { entry: <.ts URL>, … } })`.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
