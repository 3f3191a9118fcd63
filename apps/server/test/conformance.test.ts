import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../src/db/schema';
import { newId, nowIso } from '../src/lib/ids';
import { rebuildConformanceTallies } from '../src/modules/conformance/index';
import { createTestApp, enterpriseIdByName, regionId, type Session, type TestApp } from './helpers';

const requirement = (code: string, text: string, mandatory = false) => ({
  code,
  text,
  guidance: '',
  evidence: '',
  weight: 1,
  mandatory,
  industries: [],
});

const CONTENT = {
  chapters: [
    {
      code: '1',
      title: '制度',
      clauses: [
        {
          code: '1.1',
          title: '保密制度',
          requirements: [
            requirement('H-1', '制定商业秘密保护制度', true),
            requirement('H-2', '签订保密协议'),
            requirement('H-3', '开展保密培训'),
          ],
        },
      ],
    },
  ],
};

type Answer = 'conform' | 'partial' | 'nonconform' | 'na';

describe('conformance analytics', () => {
  let t: TestApp;
  let city: Session;
  let versionId: string;
  let donge: string;
  let linqing: string;
  let entA: string;
  let entB: string;

  async function assessment(
    db: Kysely<DB>,
    enterpriseId: string,
    industry: string,
    region: string,
    status: string,
    answers: Record<string, Answer>,
  ): Promise<string> {
    const at = nowIso();
    const id = newId();
    await db
      .insertInto('assessments')
      .values({
        id,
        enterprise_id: enterpriseId,
        campaign_id: null,
        standard_version_id: versionId,
        guide_version_id: null,
        industry_code: industry,
        region_id: region,
        status,
        round: 1,
        score_bp: null,
        mandatory_unmet: 0,
        due_date: null,
        renews_certificate_id: null,
        submitted_at: status === 'in_progress' ? null : at,
        decided_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('assessment_answers')
      .values(
        Object.entries(answers).map(([code, answer]) => ({
          assessment_id: id,
          requirement_code: code,
          answer,
          na_reason: answer === 'na' ? '不涉及' : null,
          notes: null,
          updated_by: null,
          updated_at: at,
        })),
      )
      .execute();
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp({ syntheticCount: 0 });
    city = await t.login('city.admin');
    donge = await regionId(t.db, '371524');
    linqing = await regionId(t.db, '371581');
    entA = await enterpriseIdByName(t.db, '东阿示范阿胶股份有限公司');
    entB = await enterpriseIdByName(t.db, '临清示范轴承有限公司');
    const at = nowIso();
    const frameworkId = newId();
    versionId = newId();
    await t.db
      .insertInto('frameworks')
      .values({
        id: frameworkId,
        code: 'TEST-HEAT',
        kind: 'standard',
        name: '热力图测试规范',
        industry_code: null,
        description: '',
        created_at: at,
        updated_at: at,
      })
      .execute();
    await t.db
      .insertInto('framework_versions')
      .values({
        id: versionId,
        framework_id: frameworkId,
        version: '1',
        status: 'published',
        base_version_id: null,
        template: 0,
        content: JSON.stringify(CONTENT),
        requirement_count: 3,
        published_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
    // Two 阿胶 assessments in 东阿, one bearing assessment in 临清, one unsubmitted (left out).
    await assessment(t.db, entA, 'ejiao_tcm', donge, 'submitted', {
      'H-1': 'conform',
      'H-2': 'partial',
      'H-3': 'nonconform',
    });
    await assessment(t.db, entA, 'ejiao_tcm', donge, 'accepted', { 'H-1': 'conform', 'H-2': 'conform', 'H-3': 'na' });
    await assessment(t.db, entB, 'bearing', linqing, 'submitted', {
      'H-1': 'nonconform',
      'H-2': 'partial',
      'H-3': 'nonconform',
    });
    await assessment(t.db, entB, 'bearing', linqing, 'in_progress', {
      'H-1': 'conform',
      'H-2': 'conform',
      'H-3': 'conform',
    });
    // Made here in the database, not through the assessments service: counted by a rebuild.
    await rebuildConformanceTallies(t.db);
  });
  afterAll(async () => t.close());

  const rates = (body: { cells: { code: string; key: string; passRate: number; answered: number }[] }) =>
    Object.fromEntries(body.cells.map((c) => [`${c.code}@${c.key}`, [c.passRate, c.answered]]));

  it('gives the pass rate of each requirement by industry (partial counts half, 不适用 left out)', async () => {
    const res = await city.get(`/api/conformance/heatmap?dimension=industry&standardVersionId=${versionId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.requirements).toEqual([
      { code: 'H-1', text: '制定商业秘密保护制度' },
      { code: 'H-2', text: '签订保密协议' },
      { code: 'H-3', text: '开展保密培训' },
    ]);
    expect(body.columns).toEqual(
      expect.arrayContaining([
        { key: 'ejiao_tcm', label: expect.any(String), assessments: 2 },
        { key: 'bearing', label: expect.any(String), assessments: 1 },
      ]),
    );
    expect(body.columns).toHaveLength(2);
    expect(rates(body)).toEqual({
      'H-1@ejiao_tcm': [1, 2],
      'H-2@ejiao_tcm': [0.75, 2],
      'H-3@ejiao_tcm': [0, 1],
      'H-1@bearing': [0, 1],
      'H-2@bearing': [0.5, 1],
      'H-3@bearing': [0, 1],
    });
  });

  it('by region, a county admin sees only their own region', async () => {
    const all = await city.get(`/api/conformance/heatmap?dimension=region&standardVersionId=${versionId}`);
    expect(all.json().columns).toEqual([
      { key: linqing, label: '临清市', assessments: 1 },
      { key: donge, label: '东阿县', assessments: 2 },
    ]);
    const county = await t.login('county.donge');
    const own = await county.get(`/api/conformance/heatmap?dimension=region&standardVersionId=${versionId}`);
    expect(own.json().columns).toEqual([{ key: donge, label: '东阿县', assessments: 2 }]);
    expect(Object.keys(rates(own.json())).every((k) => k.endsWith(`@${donge}`))).toBe(true);
    const station = await t.login('station.donge');
    expect((await station.get(`/api/conformance/heatmap?standardVersionId=${versionId}`)).statusCode).toBe(403);
    expect((await city.get(`/api/conformance/heatmap?standardVersionId=${newId()}`)).statusCode).toBe(404);
  });

  it('lists the most common gaps, highest gap rate first, with filters', async () => {
    const res = await city.get(`/api/conformance/common-gaps?standardVersionId=${versionId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { code: 'H-3', text: '开展保密培训', gapRate: 1, assessments: 2, mandatory: false },
      { code: 'H-2', text: '签订保密协议', gapRate: 0.6667, assessments: 3, mandatory: false },
      { code: 'H-1', text: '制定商业秘密保护制度', gapRate: 0.3333, assessments: 3, mandatory: true },
    ]);
    const ejiao = await city.get(
      `/api/conformance/common-gaps?standardVersionId=${versionId}&industry=ejiao_tcm&limit=1`,
    );
    expect(ejiao.json().items).toEqual([
      { code: 'H-3', text: '开展保密培训', gapRate: 1, assessments: 1, mandatory: false },
    ]);
    const inDonge = await city.get(`/api/conformance/common-gaps?standardVersionId=${versionId}&regionId=${donge}`);
    expect(inDonge.json().items.map((g: { code: string }) => g.code)).toEqual(['H-3', 'H-2']);
    const county = await t.login('county.linqing');
    const other = await county.get(`/api/conformance/common-gaps?standardVersionId=${versionId}&regionId=${donge}`);
    expect(other.json().items).toEqual([]);
  });

  it('a rebuild recomputes the tallies from the assessments (repair after changes outside the service)', async () => {
    await city.get(`/api/conformance/heatmap?standardVersionId=${versionId}`);
    const at = nowIso();
    await t.db
      .updateTable('assessments')
      .set({ status: 'submitted', submitted_at: at, updated_at: at })
      .where('status', '=', 'in_progress')
      .where('standard_version_id', '=', versionId)
      .execute();
    expect(await rebuildConformanceTallies(t.db, versionId)).toEqual({ versions: 1, assessments: 4 });
    const res = await city.get(`/api/conformance/heatmap?standardVersionId=${versionId}`);
    expect(rates(res.json())['H-1@bearing']).toEqual([0.5, 2]);
    expect(res.json().columns.find((c: { key: string }) => c.key === 'bearing').assessments).toBe(2);
  });

  it('exports both as Excel', async () => {
    const heat = await city.get(
      `/api/conformance/heatmap?dimension=industry&standardVersionId=${versionId}&format=xlsx`,
    );
    expect(heat.statusCode).toBe(200);
    expect(heat.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(heat.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('要求编号');
    expect(sheet?.getRow(2).getCell(1).value).toBe('H-1');
    expect(sheet?.rowCount).toBe(4);

    const gaps = await city.get(`/api/conformance/common-gaps?standardVersionId=${versionId}&format=xlsx`);
    expect(gaps.statusCode).toBe(200);
    const gapBook = new ExcelJS.Workbook();
    await gapBook.xlsx.load(gaps.rawPayload as unknown as ArrayBuffer);
    expect(gapBook.worksheets[0]?.getRow(2).getCell(1).value).toBe('H-3');
    // After the fourth assessment's submission above: 2 of 3 answers to H-3 are gaps.
    expect(gapBook.worksheets[0]?.getRow(2).getCell(3).value).toBe(66.7);
  });
});

/** A published three-requirement standard with no pass mark, so every complete assessment can be accepted. */
async function publishStandard(db: Kysely<DB>, code: string, prefix: string): Promise<string> {
  const at = nowIso();
  const frameworkId = newId();
  const versionId = newId();
  const content = {
    passScore: 0,
    chapters: [
      {
        code: '1',
        title: '制度',
        clauses: [
          {
            code: '1.1',
            title: '保密制度',
            requirements: [1, 2, 3].map((i) => requirement(`${prefix}-${i}`, `要求 ${prefix}-${i}`)),
          },
        ],
      },
    ],
  };
  await db
    .insertInto('frameworks')
    .values({
      id: frameworkId,
      code,
      kind: 'standard',
      name: `${code} 规范`,
      industry_code: null,
      description: '',
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('framework_versions')
    .values({
      id: versionId,
      framework_id: frameworkId,
      version: '1',
      status: 'published',
      base_version_id: null,
      template: 0,
      content: JSON.stringify(content),
      requirement_count: 3,
      published_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return versionId;
}

/** The tally rows of a standard version (rows whose counters are all zero left out), in key order. */
async function tallySnapshot(db: Kysely<DB>, standardVersionId: string) {
  const tallies = await db
    .selectFrom('conformance_tallies')
    .select([
      'campaign_key',
      'requirement_code',
      'industry_code',
      'region_id',
      'conform',
      'partial',
      'nonconform',
      'na',
    ])
    .where('standard_version_id', '=', standardVersionId)
    .execute();
  const counts = await db
    .selectFrom('conformance_assessment_counts')
    .select(['campaign_key', 'industry_code', 'region_id', 'guide_version_key', 'assessments'])
    .where('standard_version_id', '=', standardVersionId)
    .execute();
  const line = (row: Record<string, string | number>) =>
    Object.values(row)
      .map((v) => (typeof v === 'string' ? v : String(Number(v))))
      .join('|');
  return {
    tallies: tallies
      .filter((r) => Number(r.conform) + Number(r.partial) + Number(r.nonconform) + Number(r.na) !== 0)
      .map(line)
      .sort(),
    counts: counts
      .filter((r) => Number(r.assessments) !== 0)
      .map(line)
      .sort(),
  };
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const deadline = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe('conformance tallies kept by the assessments service', () => {
  let t: TestApp;
  let city: Session;
  let donge: string;
  let linqing: string;
  let entA: string;
  let entB: string;

  beforeAll(async () => {
    t = await createTestApp({ syntheticCount: 0 });
    city = await t.login('city.admin');
    donge = await regionId(t.db, '371524');
    linqing = await regionId(t.db, '371581');
    entA = await enterpriseIdByName(t.db, '东阿示范阿胶股份有限公司');
    entB = await enterpriseIdByName(t.db, '临清示范轴承有限公司');
  });
  afterAll(async () => t.close());

  /** Launches a campaign for one region and industry; the id of the enterprise's new assessment. */
  async function campaignFor(versionId: string, enterpriseId: string, region: string, industry: string) {
    const res = await city.post('/api/campaigns', {
      name: `贯标 ${newId().slice(0, 8)}`,
      standardVersionId: versionId,
      criteria: { regionIds: [region], industries: [industry] },
      deadline: deadline(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.db
      .selectFrom('assessments')
      .select('id')
      .where('enterprise_id', '=', enterpriseId)
      .where('campaign_id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    return { campaignId: res.json().id as string, assessmentId: row.id };
  }

  it('counts an assessment from submission, not while returned, with its revised answers once resubmitted', async () => {
    const versionId = await publishStandard(t.db, 'TEST-LIFE', 'L');
    const ent = await t.login('ent.a.admin');
    const station = await t.login('station.donge');
    const { campaignId, assessmentId } = await campaignFor(versionId, entA, donge, 'ejiao_tcm');
    const heat = async (campaign?: string) => {
      const res = await city.get(
        `/api/conformance/heatmap?standardVersionId=${versionId}${campaign ? `&campaignId=${campaign}` : ''}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      return {
        columns: body.columns.map((c: { key: string; assessments: number }) => [c.key, c.assessments]),
        cells: Object.fromEntries(
          body.cells.map((c: { code: string; passRate: number; answered: number }) => [
            c.code,
            [c.passRate, c.answered],
          ]),
        ),
      };
    };
    const answer = async (code: string, value: Answer) => {
      const res = await ent.inject({
        method: 'PUT',
        url: `/api/assessments/${assessmentId}/answers/${code}`,
        payload: { answer: value, ...(value === 'na' ? { naReason: '不涉及' } : {}) },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const empty = { columns: [], cells: {} };

    await answer('L-1', 'conform');
    await answer('L-2', 'partial');
    await answer('L-3', 'nonconform');
    expect(await heat()).toEqual(empty);

    expect((await ent.post(`/api/assessments/${assessmentId}/submit`)).statusCode).toBe(200);
    const first = { columns: [['ejiao_tcm', 1]], cells: { 'L-1': [1, 1], 'L-2': [0.5, 1], 'L-3': [0, 1] } };
    expect(await heat()).toEqual(first);
    expect(await heat(campaignId)).toEqual(first);

    const returned = await station.post(`/api/assessments/${assessmentId}/review`, {
      items: [{ requirementCode: 'L-3', decision: 'return', comment: '请补充培训记录' }],
    });
    expect(returned.json().status).toBe('returned');
    expect(await heat()).toEqual(empty);
    expect(await heat(campaignId)).toEqual(empty);

    await answer('L-3', 'na');
    expect(await heat()).toEqual(empty);
    expect((await ent.post(`/api/assessments/${assessmentId}/submit`)).statusCode).toBe(200);
    const second = { columns: [['ejiao_tcm', 1]], cells: { 'L-1': [1, 1], 'L-2': [0.5, 1] } };
    expect(await heat()).toEqual(second);

    const accepted = await station.post(`/api/assessments/${assessmentId}/review`, { items: [] });
    expect(accepted.json().status).toBe('accepted');
    expect(await heat()).toEqual(second);
    expect(await heat(campaignId)).toEqual(second);
    expect((await tallySnapshot(t.db, versionId)).tallies).toEqual(
      [
        ...[campaignId, ''].flatMap((key) => [
          `${key}|L-1|ejiao_tcm|${donge}|1|0|0|0`,
          `${key}|L-2|ejiao_tcm|${donge}|0|1|0|0`,
          `${key}|L-3|ejiao_tcm|${donge}|0|0|0|1`,
        ]),
      ].sort(),
    );
  });

  it('equal a rebuild from scratch after any sequence of answers, submissions, returns and acceptances', async () => {
    const versionId = await publishStandard(t.db, 'TEST-PROP', 'P');
    const codes = ['P-1', 'P-2', 'P-3'];
    const answers: Answer[] = ['conform', 'partial', 'nonconform', 'na'];
    const actors = [
      {
        enterpriseId: entA,
        region: donge,
        industry: 'ejiao_tcm',
        ent: await t.login('ent.a.admin'),
        reviewer: await t.login('station.donge'),
        assessmentId: '',
      },
      {
        enterpriseId: entB,
        region: linqing,
        industry: 'bearing',
        ent: await t.login('ent.b.admin'),
        reviewer: await t.login('county.linqing'),
        assessmentId: '',
      },
    ];
    const next = random(20261127);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
    const seen = new Set<string>();
    for (let step = 0; step < 40; step += 1) {
      const actor = pick(actors);
      const detail = actor.assessmentId
        ? (await actor.ent.get(`/api/assessments/${actor.assessmentId}`)).json()
        : { status: 'accepted' };
      const status = detail.status as string;
      seen.add(status);
      if (status === 'accepted') {
        actor.assessmentId = (
          await campaignFor(versionId, actor.enterpriseId, actor.region, actor.industry)
        ).assessmentId;
      } else if (status === 'submitted') {
        const returnCodes = codes.filter(() => next() < 0.4);
        const res = await actor.reviewer.post(`/api/assessments/${actor.assessmentId}/review`, {
          items: returnCodes.map((code) => ({ requirementCode: code, decision: 'return', comment: '请整改' })),
        });
        expect(res.statusCode, res.body).toBe(200);
      } else {
        const editable = detail.editableCodes as string[];
        const missing = codes.filter((code) => !detail.answers[code]?.answer);
        if (missing.length === 0 && next() < 0.4) {
          const res = await actor.ent.post(`/api/assessments/${actor.assessmentId}/submit`);
          expect(res.statusCode, res.body).toBe(200);
        } else {
          const value = pick(answers);
          const res = await actor.ent.inject({
            method: 'PUT',
            url: `/api/assessments/${actor.assessmentId}/answers/${pick(missing.length > 0 ? missing : editable)}`,
            payload: { answer: value, ...(value === 'na' ? { naReason: '不涉及' } : {}) },
          });
          expect(res.statusCode, res.body).toBe(200);
        }
      }
      const kept = await tallySnapshot(t.db, versionId);
      const heatmapKept = (await city.get(`/api/conformance/heatmap?standardVersionId=${versionId}`)).json();
      await rebuildConformanceTallies(t.db, versionId);
      expect(kept, `after step ${step}`).toEqual(await tallySnapshot(t.db, versionId));
      expect(heatmapKept).toEqual((await city.get(`/api/conformance/heatmap?standardVersionId=${versionId}`)).json());
    }
    // The sequence went through every state, and nothing was ever counted below zero.
    expect([...seen].sort()).toEqual(['accepted', 'in_progress', 'not_started', 'returned', 'submitted']);
    const negative = await t.db
      .selectFrom('conformance_tallies')
      .select('requirement_code')
      .where((eb) => eb.or([eb('conform', '<', 0), eb('partial', '<', 0), eb('nonconform', '<', 0), eb('na', '<', 0)]))
      .execute();
    expect(negative).toEqual([]);
  });
});
