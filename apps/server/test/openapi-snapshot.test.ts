import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';

/**
 * The web app's types are generated from a committed copy of the OpenAPI document. A route or schema
 * change that is not regenerated would leave the front end typed against an old contract, so the copy
 * must match what the server produces now.
 */
const COMMITTED = path.resolve(import.meta.dirname, '../../web/src/api/openapi.json');
const STALE = 'apps/web/src/api/openapi.json is stale: run npm run api:generate';

/** Exactly what `shangmi openapi --out` writes (src/cli.ts). */
function render(app: TestApp['app']): string {
  return `${JSON.stringify(app.swagger(), null, 2)}\n`;
}

describe('OpenAPI document', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await createTestApp({ seed: 'none' });
    second = await createTestApp({ seed: 'none' });
  });

  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('is the same for every build of the app (no timestamps or generated ids)', () => {
    expect(render(second.app)).toBe(render(first.app));
  });

  it('matches the copy committed for the web client', () => {
    const committed = fs.existsSync(COMMITTED) ? fs.readFileSync(COMMITTED, 'utf8') : '';
    // Compared line by line so a failure shows a readable diff rather than two 100 kB strings.
    expect(render(first.app).split('\n'), STALE).toEqual(committed.split('\n'));
  });
});
