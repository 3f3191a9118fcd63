import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlaces } from '../src/seed/places';
import { createTestApp, type TestApp } from './helpers';

interface CriteriaVersion {
  id: string;
  kind: string;
  version: string;
  status: string;
  totalScore: number;
  publishedAt: string | null;
  groups: { code: string; title: string; items: { code: string; maxScore: number; autoSource: string | null }[] }[];
}

const groups = (scores: number[]) => [
  {
    code: 'G1',
    title: '组织机构完整',
    items: scores.map((maxScore, i) => ({ code: `G1.${i + 1}`, text: `指标${i + 1}`, maxScore, guidance: '查阅材料' })),
  },
];

describe('construction guide (designation criteria)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The base data set only: no demo accounts, no demo places.
    t = await createTestApp({ seed: 'base' });
  });
  afterAll(async () => t.close());

  it('is seeded for every install: published 2024.1 for each kind, totals 100, the plan’s groups', async () => {
    const demo = await createTestApp();
    try {
      const s = await demo.login('expert.demo');
      const res = await s.get('/api/designation-criteria');
      expect(res.statusCode).toBe(200);
      const items = res.json<{ items: CriteriaVersion[] }>().items;
      expect(items.map((v) => v.kind).sort()).toEqual(['base', 'enterprise', 'station']);
      for (const version of items) {
        expect(version).toMatchObject({ version: '2024.1', status: 'published', totalScore: 100 });
        const sum = version.groups.flatMap((g) => g.items).reduce((a, i) => a + i.maxScore, 0);
        expect(sum).toBe(100);
      }
      const base = items.find((v) => v.kind === 'base');
      expect(base?.groups.map((g) => g.title)).toEqual([
        '组织机构完整',
        '人员配备专业',
        '基础保障得力',
        '制度建设完善',
        '典型示范突出',
      ]);
      const station = items.find((v) => v.kind === 'station');
      expect(station?.groups.map((g) => g.title)).toEqual([
        '固定办公场所',
        '专兼职工作人员、联络员',
        '统一标识',
        '服务内容',
        '服务台账',
      ]);
      const enterprise = items.find((v) => v.kind === 'enterprise');
      expect(enterprise?.groups.flatMap((g) => g.items.map((i) => i.autoSource))).toEqual([
        'certificate',
        'secret_register',
        'agreements',
        'training',
        'violations',
      ]);
      const onlyStations = (await s.get('/api/designation-criteria?kind=station')).json<{ items: CriteriaVersion[] }>();
      expect(onlyStations.items.map((v) => v.kind)).toEqual(['station']);
      // Seeding again adds nothing.
      await seedPlaces(demo.db, { demo: true });
      expect((await s.get('/api/designation-criteria')).json<{ items: unknown[] }>().items).toHaveLength(3);
    } finally {
      await demo.close();
    }
  });

  it('drafts, edits and publishes a version; a published one is immutable (409)', async () => {
    // The base seed has no accounts: use the demo data set for writes.
    const demo = await createTestApp();
    try {
      const admin = await demo.login('city.admin');
      const created = await admin.post('/api/designation-criteria', {
        kind: 'station',
        version: '2025.1',
        groups: groups([40, 40]),
      });
      expect(created.statusCode).toBe(201);
      const draft = created.json<CriteriaVersion>();
      expect(draft).toMatchObject({ status: 'draft', totalScore: 80, publishedAt: null });
      // Not yet 100: cannot publish.
      const early = await admin.post(`/api/designation-criteria/${draft.id}/publish`, {});
      expect(early.statusCode).toBe(400);
      expect(early.json().detail).toContain('100');
      const edited = await admin.inject({
        method: 'PUT',
        url: `/api/designation-criteria/${draft.id}`,
        payload: { groups: groups([40, 60]) },
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json().totalScore).toBe(100);
      // A draft is hidden from readers who cannot edit.
      const county = await demo.login('county.donge');
      expect((await county.get(`/api/designation-criteria/${draft.id}`)).statusCode).toBe(404);
      const published = await admin.post(`/api/designation-criteria/${draft.id}/publish`, {});
      expect(published.statusCode).toBe(200);
      expect(published.json()).toMatchObject({ status: 'published' });
      expect(published.json().publishedAt).toBeTruthy();
      const again = await admin.inject({
        method: 'PUT',
        url: `/api/designation-criteria/${draft.id}`,
        payload: { groups: groups([50, 50]) },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toContain('已发布');
      expect((await admin.post(`/api/designation-criteria/${draft.id}/publish`, {})).statusCode).toBe(409);
      expect((await county.get(`/api/designation-criteria/${draft.id}`)).statusCode).toBe(200);
      // Copy to a new draft; a duplicate version number is a conflict; duplicate item codes are refused in Chinese.
      const copy = await admin.post('/api/designation-criteria', {
        kind: 'station',
        version: '2025.2',
        copyFromId: draft.id,
      });
      expect(copy.statusCode).toBe(201);
      expect(copy.json()).toMatchObject({ status: 'draft', totalScore: 100 });
      const dup = await admin.post('/api/designation-criteria', {
        kind: 'station',
        version: '2025.1',
        groups: groups([100]),
      });
      expect(dup.statusCode).toBe(409);
      const bad = await admin.post('/api/designation-criteria', {
        kind: 'base',
        version: '2025.9',
        groups: [...groups([50]), { ...groups([50])[0], code: 'G2' }],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().detail).toContain('指标编号「G1.1」重复');
      // Only the city admin writes the guide.
      const denied = await county.post('/api/designation-criteria', {
        kind: 'base',
        version: 'x',
        groups: groups([100]),
      });
      expect(denied.statusCode).toBe(403);
    } finally {
      await demo.close();
    }
  });

  it('seeds the guide in a base install', async () => {
    const rows = await t.db.selectFrom('criteria_versions').select(['kind', 'total_score']).execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => Number(r.total_score) === 100)).toBe(true);
  });
});
