import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closePdfWorkers } from '../src/lib/pdf-worker';
import { drawCertificatePdf, renderCertificatePdf } from '../src/modules/certificates/certificates.pdf';
import type { Certificate } from '../src/modules/certificates/index';

const CERTIFICATE: Certificate = {
  id: 'c1',
  number: 'LCGB-2026-000042',
  enterprise: { id: 'e1', name: '聊城示范精密机械有限公司', uscc: '91371500MA3C00004X' },
  regionName: '东昌府区',
  industryName: '装备制造',
  standardVersionLabel: '商业秘密保护管理规范 2025',
  guideVersionLabel: '贯标评价指引 2025',
  scoreBp: 9150,
  validFrom: '2026-01-05',
  validUntil: '2029-01-04',
  status: 'valid',
  revokedAt: null,
  revokeReason: null,
  assessmentId: 'a1',
  createdAt: '2026-01-05T01:00:00.000Z',
};
const VERIFY_URL = 'https://gb.example.cn/verify/certificates/LCGB-2026-000042';

/** Runs `work` while a 10 ms interval ticks, and reports the longest time between two ticks. */
async function longestTickGap<T>(work: () => Promise<T>): Promise<{ result: T; gapMs: number }> {
  let last = performance.now();
  let gapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    gapMs = Math.max(gapMs, performance.now() - last);
    return { result, gapMs };
  } finally {
    clearInterval(timer);
  }
}

describe('PDF rendering in a worker thread', () => {
  afterAll(async () => {
    await closePdfWorkers();
  });

  // In-process, font subsetting alone stalls the loop for 100–250 ms (more on a loaded machine). Off the
  // loop, the ticks only wait on the OS scheduler; on a shared 2-core runner that can exceed 100 ms once
  // in a while, hence the retries — an in-process render would fail every attempt.
  it('keeps the event loop responsive while a certificate renders', { retry: 2 }, async () => {
    // The first render also starts the worker (tsx, pdfkit, 17 MB of fonts); the second reuses it.
    for (const number of ['LCGB-2026-000042', 'LCGB-2026-000043']) {
      const { result: pdf, gapMs } = await longestTickGap(() =>
        renderCertificatePdf({ ...CERTIFICATE, number }, VERIFY_URL),
      );
      expect(Buffer.isBuffer(pdf)).toBe(true);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toContain(number);
      expect(gapMs).toBeLessThan(100);
    }
  });

  it('produces the same bytes as rendering in-process', async () => {
    const revoked: Certificate = { ...CERTIFICATE, status: 'revoked', revokeReason: '自评材料不实' };
    const [inWorker, inProcess] = [
      await renderCertificatePdf(revoked, VERIFY_URL),
      await drawCertificatePdf(revoked, VERIFY_URL),
    ];
    expect(inWorker.length).toBeGreaterThan(10_000);
    expect(inWorker.toString('latin1')).toMatch(/FontFile3|FontFile2/);
    expect(inWorker.equals(inProcess)).toBe(true);
  });

  it('queues concurrent requests on the one worker and answers each', async () => {
    const numbers = ['LCGB-2026-000101', 'LCGB-2026-000102', 'LCGB-2026-000103'];
    const pdfs = await Promise.all(
      numbers.map((number) => renderCertificatePdf({ ...CERTIFICATE, number }, VERIFY_URL)),
    );
    pdfs.forEach((pdf, i) => expect(pdf.toString('latin1')).toContain(numbers[i]));
  });

  it('starts a new worker after closePdfWorkers', async () => {
    await closePdfWorkers();
    const pdf = await renderCertificatePdf(CERTIFICATE, VERIFY_URL);
    expect(pdf.toString('latin1')).toContain(CERTIFICATE.number);
  });

  it('does not keep a process alive once its PDF is made', async () => {
    // A script that renders one PDF and never calls closePdfWorkers must still exit by itself.
    const module = fileURLToPath(new URL('../src/modules/certificates/certificates.pdf.ts', import.meta.url));
    const script = `
      const { renderCertificatePdf } = await import(${JSON.stringify(module)});
      const pdf = await renderCertificatePdf(${JSON.stringify(CERTIFICATE)}, 'https://gb.example.cn/v');
      console.log(pdf.subarray(0, 5).toString());`;
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), timeout: 20_000 },
    );
    expect(stdout.trim()).toBe('%PDF-');
    expect(stderr).not.toContain('could not be started');
  });

  it('renders in-process, with a warning, when no worker can be started', async () => {
    vi.resetModules();
    vi.doMock('node:worker_threads', async (importOriginal) => ({
      ...(await importOriginal<typeof import('node:worker_threads')>()),
      Worker: class {
        constructor() {
          throw new Error('ERR_WORKER_INIT_FAILED');
        }
      },
    }));
    try {
      const pool = await import('../src/lib/pdf-worker');
      const certificates = await import('../src/modules/certificates/certificates.pdf');
      const warnings: string[] = [];
      pool.configurePdfWorkers({ logger: { warn: (_details, message) => warnings.push(message) } });
      const pdf = await certificates.renderCertificatePdf(CERTIFICATE, VERIFY_URL);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toContain(CERTIFICATE.number);
      expect(warnings).toEqual(['PDF worker thread could not be started; rendering PDFs on the main thread']);
      await pool.closePdfWorkers();
    } finally {
      vi.doUnmock('node:worker_threads');
      vi.resetModules();
    }
  });
});
