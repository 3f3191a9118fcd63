import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// A port of its own per run (chosen once in the runner, inherited by the workers through the environment),
// so a run never collides with another server on this machine.
process.env.SHANGMI_E2E_PORT ??= String(3100 + (process.pid % 800));
const PORT = Number(process.env.SHANGMI_E2E_PORT);
const baseURL = `http://127.0.0.1:${PORT}`;

// Every run starts from an empty data directory, so the demo seed is all the data there is.
// The config is evaluated in the runner and again in each worker: create the directory only once.
const dataDir = process.env.SHANGMI_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'shangmi-e2e-'));
process.env.SHANGMI_E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node ../server/bin/shangmi.mjs serve --demo',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      SHANGMI_DATA_DIR: dataDir,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      // Test-only clock shift ({"offsetDays": N}, re-read when its mtime changes): lets a spec move past a
      // public-notice period. Absent file = no shift.
      SHANGMI_CLOCK_FILE: join(dataDir, 'clock.json'),
      // A build of the web app elsewhere than apps/web/dist (parallel work on one machine).
      ...(process.env.SHANGMI_WEB_DIST ? { SHANGMI_WEB_DIST: process.env.SHANGMI_WEB_DIST } : {}),
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
