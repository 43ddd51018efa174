/** A render worker: renders the statements the main thread sends it, with the setup it was given. */
import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer, type RenderSetup } from './render-job.ts';
import type { Statement } from '../sources/statement.ts';

const render = createRenderer(workerData as RenderSetup);
parentPort!.on('message', async (message: { id: number; statement: Statement }) => {
  parentPort!.postMessage({ id: message.id, result: await render(message.statement) });
});
