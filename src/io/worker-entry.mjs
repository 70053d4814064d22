// Worker thread entry of io/worker-pool.ts. Plain JavaScript so that it starts under any runner (tsx, vitest,
// plain node): it registers tsx's loader in this thread, then loads the task module (TypeScript) named in
// workerData, builds its task once from workerData.init and answers { id, input } messages with
// { id, result } (transferring the buffers the task lists) or { id, error }.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const module = await import(workerData.taskModule);
const task = await module.createTask(workerData.init);
parentPort.on('message', (message) => {
  try {
    const { result, transfer } = task(message.input);
    parentPort.postMessage({ id: message.id, result }, transfer ?? []);
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
});
parentPort.postMessage({ ready: true });
