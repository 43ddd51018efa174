/** A render worker: plans the statements the main thread sends it, with the setup it was given. */
import { parentPort, workerData } from 'node:worker_threads';
import { createPlanner, type PlanSetup } from './plan-statement.ts';
import type { Statement } from '../sources/statement.ts';

const plan = createPlanner(workerData as PlanSetup);
parentPort!.on('message', async (message: { id: number; statement: Statement }) => {
  parentPort!.postMessage({ id: message.id, result: await plan(message.statement) });
});
