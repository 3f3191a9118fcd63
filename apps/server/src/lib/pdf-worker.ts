import { isMainThread, Worker } from 'node:worker_threads';

/**
 * PDF rendering off the event loop. pdfkit subsets an 8 MB CJK font synchronously, which takes a few
 * hundred milliseconds of CPU per document; on the main thread that stalls every other request. A small
 * pool of worker threads (one by default) does the rendering instead.
 *
 * - Workers start lazily on the first PDF and are reused. An idle worker is unref'd, so it never keeps
 *   the process alive; a busy one is ref'd, so a command-line run waits for its PDF.
 * - A task names a module (its `import.meta.url`) and an export of it; the worker imports that module
 *   through tsx (see pdf-worker-thread.mjs) and calls the export with the task's arguments, which must
 *   be plain data (structured-clonable). The export returns the PDF as a Buffer.
 * - If a worker cannot be started, a warning is logged once and PDFs are rendered in-process from then
 *   on: slower for everyone else, but still correct. A worker that dies during a task fails that task.
 * - `closePdfWorkers()` waits for the tasks under way and terminates the workers (call it when the
 *   app closes); the next PDF starts a new pool.
 */

/** Where warnings go; Fastify's `app.log` fits. The default is `process.emitWarning`. */
export interface PdfWorkerLogger {
  warn(details: object, message: string): void;
}

export interface PdfWorkerOptions {
  /** Worker threads in the pool (1 by default: rendering is rare, and each worker holds 17 MB of fonts). */
  size?: number;
  logger?: PdfWorkerLogger;
  /** A task that takes longer fails, and its worker is replaced (60 s by default). */
  taskTimeoutMs?: number;
}

export interface PdfJob<A extends unknown[]> {
  /** The `import.meta.url` of the module exporting the renderer. */
  moduleUrl: string;
  /** The renderer's export name in that module. */
  exportName: string;
  /** The renderer's arguments: plain data only, as they are copied to the worker thread. */
  args: A;
  /** The same renderer, called in-process when no worker can be started. */
  inProcess: (...args: A) => Promise<Buffer>;
}

type TaskMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; pdf: Uint8Array }
  | { type: 'failed'; id: number; message: string; stack?: string };

interface Task {
  id: number;
  moduleUrl: string;
  exportName: string;
  args: unknown[];
  inProcess: () => Promise<Buffer>;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

interface PooledWorker {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  /** Set once the pool has let go of this worker (closed, crashed or timed out). */
  retired: boolean;
}

const ENTRY = new URL('./pdf-worker-thread.mjs', import.meta.url);

const defaultLogger: PdfWorkerLogger = {
  warn: (details, message) => process.emitWarning(`${message} ${JSON.stringify(details)}`),
};

let settings: Required<PdfWorkerOptions> = { size: 1, logger: defaultLogger, taskTimeoutMs: 60_000 };
let workers: PooledWorker[] = [];
let queue: Task[] = [];
const pending = new Set<Promise<Buffer>>();
let nextTaskId = 1;
/** Set when a worker could not be started: every PDF is then rendered in-process. */
let inProcessOnly = false;

/** Changes the pool's size, logger or timeout; takes effect for workers started afterwards. */
export function configurePdfWorkers(options: PdfWorkerOptions): void {
  settings = { ...settings, ...options, size: Math.max(1, options.size ?? settings.size) };
}

/**
 * Renders a PDF in a worker thread and resolves with its bytes. Inside a worker thread already (or when
 * workers cannot be started) it renders in-process.
 */
export function renderPdfInWorker<A extends unknown[]>(job: PdfJob<A>): Promise<Buffer> {
  if (!isMainThread || inProcessOnly) {
    return job.inProcess(...job.args);
  }
  const promise = new Promise<Buffer>((resolve, reject) => {
    queue.push({
      id: nextTaskId++,
      moduleUrl: job.moduleUrl,
      exportName: job.exportName,
      args: job.args,
      inProcess: () => job.inProcess(...job.args),
      resolve,
      reject,
    });
  });
  pending.add(promise);
  const forget = (): void => void pending.delete(promise);
  promise.then(forget, forget);
  dispatch();
  return promise;
}

/** Waits for the PDFs under way, then terminates the workers. Safe to call more than once. */
export async function closePdfWorkers(): Promise<void> {
  await Promise.allSettled([...pending]);
  const closing = workers;
  workers = [];
  inProcessOnly = false;
  await Promise.all(
    closing.map((pooled) => {
      pooled.retired = true;
      return pooled.worker.terminate();
    }),
  );
}

/** Hands queued tasks to idle workers, starting workers up to the pool's size. */
function dispatch(): void {
  while (queue.length > 0) {
    const idle = workers.find((pooled) => pooled.ready && !pooled.task);
    if (idle) {
      assign(idle, queue.shift() as Task);
      continue;
    }
    if (workers.length < settings.size && !workers.some((pooled) => !pooled.ready)) {
      start();
      if (inProcessOnly) {
        continue; // start() failed and drained the queue
      }
    }
    return;
  }
  for (const pooled of workers) {
    if (!pooled.task) {
      pooled.worker.unref();
    }
  }
}

function assign(pooled: PooledWorker, task: Task): void {
  pooled.task = task;
  pooled.worker.ref();
  task.timer = setTimeout(() => {
    retire(pooled, new Error(`PDF rendering took longer than ${settings.taskTimeoutMs} ms`));
  }, settings.taskTimeoutMs);
  task.timer.unref();
  const { id, moduleUrl, exportName, args } = task;
  pooled.worker.postMessage({ id, moduleUrl, exportName, args });
}

function start(): void {
  let worker: Worker;
  try {
    worker = new Worker(ENTRY, { name: 'shangmi-pdf', execArgv: workerExecArgv() });
  } catch (error) {
    fallBackToInProcess(error);
    return;
  }
  const pooled: PooledWorker = { worker, ready: false, task: null, retired: false };
  workers.push(pooled);
  worker.on('message', (message: TaskMessage) => {
    if (message.type === 'ready') {
      pooled.ready = true;
      dispatch();
      return;
    }
    const task = pooled.task;
    if (!task || task.id !== message.id) {
      return;
    }
    pooled.task = null;
    clearTimeout(task.timer);
    if (message.type === 'done') {
      task.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
    } else {
      const error = new Error(`PDF worker: ${message.message}`);
      error.stack = message.stack ?? error.stack;
      task.reject(error);
    }
    dispatch();
  });
  worker.on('error', (error) => {
    if (!pooled.ready && !pooled.retired) {
      workers = workers.filter((other) => other !== pooled);
      pooled.retired = true;
      fallBackToInProcess(error);
      return;
    }
    retire(pooled, error);
  });
  worker.on('exit', (code) => {
    if (!pooled.ready && !pooled.retired) {
      workers = workers.filter((other) => other !== pooled);
      pooled.retired = true;
      fallBackToInProcess(new Error(`PDF worker exited with code ${code} before it was ready`));
      return;
    }
    retire(pooled, new Error(`PDF worker exited with code ${code}`));
  });
}

/**
 * The parent's Node options (`--conditions`, `--import tsx`, …) minus the ones a worker rejects:
 * `--input-type` (from `node -e`) makes a worker on a file fail to start.
 */
function workerExecArgv(): string[] {
  const args: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const arg = process.execArgv[i] as string;
    if (arg === '--input-type') {
      i++;
    } else if (!arg.startsWith('--input-type=')) {
      args.push(arg);
    }
  }
  return args;
}

/** Drops a worker that failed or hung, failing its task; the next task starts a fresh worker. */
function retire(pooled: PooledWorker, error: Error): void {
  if (pooled.retired) {
    return;
  }
  pooled.retired = true;
  workers = workers.filter((other) => other !== pooled);
  const task = pooled.task;
  pooled.task = null;
  if (task) {
    clearTimeout(task.timer);
    task.reject(error);
  }
  void pooled.worker.terminate().catch(() => undefined);
  dispatch();
}

function fallBackToInProcess(error: unknown): void {
  inProcessOnly = true;
  settings.logger.warn(
    { err: error instanceof Error ? error.message : String(error) },
    'PDF worker thread could not be started; rendering PDFs on the main thread',
  );
  const waiting = queue;
  queue = [];
  for (const task of waiting) {
    task.inProcess().then(task.resolve, task.reject);
  }
}
