// The PDF worker thread's entry (see pdf-worker.ts). Plain JavaScript on purpose: a worker thread does
// not inherit the parent's loader hooks, so it registers tsx itself before importing any TypeScript.
// Each task names a module URL and one of its exports; the export renders and returns the PDF's bytes.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();

async function run(task) {
  try {
    const renderers = await import(task.moduleUrl);
    const render = renderers[task.exportName];
    if (typeof render !== 'function') {
      throw new Error(`${task.moduleUrl} exports no function ${task.exportName}`);
    }
    const pdf = await render(...task.args);
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    // Move the bytes instead of copying them when the buffer is the PDF's alone (not Node's shared pool).
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    parentPort.postMessage({ type: 'done', id: task.id, pdf: bytes }, whole ? [bytes.buffer] : []);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    parentPort.postMessage({ type: 'failed', id: task.id, message: failure.message, stack: failure.stack });
  }
}

parentPort.on('message', (task) => void run(task));
parentPort.postMessage({ type: 'ready' });
