import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../src/db/schema';
import { newId, nowIso } from '../src/lib/ids';
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

  it('follows new submissions (the in-memory tally is rebuilt when assessments change)', async () => {
    await city.get(`/api/conformance/heatmap?standardVersionId=${versionId}`);
    const at = nowIso();
    await t.db
      .updateTable('assessments')
      .set({ status: 'submitted', submitted_at: at, updated_at: at })
      .where('status', '=', 'in_progress')
      .where('standard_version_id', '=', versionId)
      .execute();
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
