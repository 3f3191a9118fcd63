import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentBasis,
  loadVersion,
  type EffectiveRequirement,
  type FrameworkContent,
  type Version,
} from '../src/modules/frameworks/index';
import { seedStandards } from '../src/seed/standards';
import { createTestApp, type Session, type TestApp } from './helpers';

interface FrameworkBody {
  id: string;
  code: string;
  kind: 'standard' | 'guide';
  name: string;
  industry: string | null;
  description: string;
  versions: {
    id: string;
    version: string;
    status: string;
    template: boolean;
    baseVersionId: string | null;
    requirementCount: number;
  }[];
}
interface ProblemBody {
  detail: string;
  errors?: { field: string; message: string }[];
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A multipart body: the file in field `file` plus plain form fields. */
function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer; type: string }) {
  const boundary = `----shangmi${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const put = (s: Session, url: string, payload: unknown) =>
  s.inject({ method: 'PUT', url, payload: payload as Record<string, unknown> });

const smallContent = (prefix = 'T'): FrameworkContent => ({
  passScore: 70,
  chapters: [
    {
      code: `${prefix}1`,
      title: '组织',
      clauses: [
        {
          code: `${prefix}1.1`,
          title: '职责',
          requirements: [
            {
              code: `${prefix}1.1.1`,
              text: '应明确负责人',
              guidance: '书面任命',
              evidence: '任命文件',
              weight: 3,
              mandatory: true,
              industries: [],
            },
            {
              code: `${prefix}1.1.2`,
              text: '化工企业应管理样品',
              guidance: '',
              evidence: '',
              weight: 2,
              mandatory: false,
              industries: ['chemical'],
            },
          ],
        },
      ],
    },
  ],
});

describe('frameworks', () => {
  let t: TestApp;
  let admin: Session;
  let frameworks: FrameworkBody[];
  const byCode = (code: string) => {
    const found = frameworks.find((f) => f.code === code);
    if (!found) {
      throw new Error(`framework ${code} missing`);
    }
    return found;
  };
  const firstVersion = (code: string) => {
    const version = byCode(code).versions[0];
    if (!version) {
      throw new Error(`framework ${code} has no version`);
    }
    return version;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('city.admin');
    frameworks = (await admin.get('/api/frameworks')).json<{ items: FrameworkBody[] }>().items;
  });
  afterAll(async () => t.close());

  it('seeds the draft local standard and the 阿胶 and 化工 guides, published, once', async () => {
    expect(frameworks.map((f) => f.code).sort()).toEqual([
      'lc-guide-chemical',
      'lc-guide-ejiao',
      'lc-trade-secret-standard',
    ]);
    const standard = byCode('lc-trade-secret-standard');
    expect(standard).toMatchObject({ kind: 'standard', name: '聊城市商业秘密保护管理和服务规范', industry: null });
    expect(standard.description).toContain('并非官方发布的正式文本');
    expect(standard.versions).toHaveLength(1);
    expect(standard.versions[0]).toMatchObject({ version: '2024.1', status: 'published', template: true });
    expect(standard.versions[0]?.requirementCount).toBeGreaterThanOrEqual(60);

    const version = (
      await admin.get(`/api/framework-versions/${firstVersion('lc-trade-secret-standard').id}`)
    ).json<Version>();
    expect(version.content.passScore).toBe(80);
    expect(version.content.chapters.map((c) => c.title)).toEqual([
      '组织与职责',
      '制度',
      '识别与定密',
      '资产台账与存证',
      '人员管理',
      '载体管理',
      '区域与访客',
      '信息系统与数据',
      '对外合作',
      '培训',
      '检查与改进',
      '应急处置与维权',
    ]);
    const clauses = (title: string) =>
      version.content.chapters.find((c) => c.title === title)?.clauses.map((c) => c.title);
    expect(clauses('识别与定密')).toEqual(['秘点', '密级', '期限', '知悉范围', '标识']);
    expect(clauses('人员管理')).toEqual(['入职', '在职', '调岗', '离职', '脱密期', '竞业限制']);
    expect(clauses('对外合作')).toEqual(['委外', '展会', '成果转化', '信息公开']);
    const requirements = version.content.chapters.flatMap((c) => c.clauses.flatMap((cl) => cl.requirements));
    const mandatory = requirements.filter((r) => r.mandatory).length;
    expect(mandatory).toBeGreaterThanOrEqual(12);
    expect(mandatory).toBeLessThanOrEqual(20);
    for (const r of requirements) {
      expect(r.code).toMatch(/^\d+\.\d+\.\d+$/);
      expect(r.weight).toBeGreaterThanOrEqual(1);
      expect(r.weight).toBeLessThanOrEqual(5);
      expect(r.text.length, r.code).toBeGreaterThan(15);
      expect(r.guidance.length, r.code).toBeGreaterThan(5);
      expect(r.evidence.length, r.code).toBeGreaterThan(1);
    }

    for (const [code, industry, prefix] of [
      ['lc-guide-ejiao', 'ejiao_tcm', 'EJ-'],
      ['lc-guide-chemical', 'chemical', 'HG-'],
    ] as const) {
      const guide = byCode(code);
      expect(guide).toMatchObject({ kind: 'guide', industry });
      expect(guide.versions[0]).toMatchObject({ status: 'published', baseVersionId: standard.versions[0]?.id });
      expect(guide.versions[0]?.requirementCount).toBeGreaterThanOrEqual(10);
      const content = (await loadVersion(t.db, firstVersion(code).id))?.content;
      const own = content?.chapters.flatMap((c) => c.clauses.flatMap((cl) => cl.requirements)) ?? [];
      expect(own.every((r) => r.code.startsWith(prefix))).toBe(true);
      expect(content?.overrides?.length).toBeGreaterThanOrEqual(2);
    }

    // Seeding again (seedBase calls it on every seed) changes nothing.
    await seedStandards(t.db);
    expect((await admin.get('/api/frameworks')).json<{ items: FrameworkBody[] }>().items).toHaveLength(3);
  });

  it('gives an 阿胶 enterprise the standard, the 阿胶 guide and its overrides', async () => {
    const standardVersionId = firstVersion('lc-trade-secret-standard').id;
    const basis = await assessmentBasis(t.db, standardVersionId, 'ejiao_tcm');
    expect(basis?.guide?.id).toBe(firstVersion('lc-guide-ejiao').id);
    expect(basis?.passScore).toBe(80);
    const codes = basis?.requirements.map((r) => r.code) ?? [];
    expect(codes).toContain('4.1.1');
    expect(codes).toContain('EJ-2.1');
    expect(codes.some((c) => c.startsWith('HG-'))).toBe(false);

    // Through the API, as the enterprise's own user.
    const user = await t.login('ent.a.user');
    const res = await user.get(`/api/framework-versions/${standardVersionId}/requirements?industry=ejiao_tcm`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: EffectiveRequirement[]; passScore: number; guideVersionId: string }>();
    expect(body.guideVersionId).toBe(basis?.guide?.id);
    expect(body.items).toHaveLength(codes.length);
    const overridden = body.items.find((r) => r.code === '10.1.1');
    expect(overridden).toMatchObject({ weight: 5, source: 'standard' });
    expect(overridden?.guidance).toContain('炼胶车间');
    expect(body.items.find((r) => r.code === 'EJ-1.1')).toMatchObject({ source: 'guide', mandatory: true });

    // Another industry gets the standard alone; a chemical one gets the 化工 guide.
    expect((await assessmentBasis(t.db, standardVersionId, 'textile'))?.guide).toBeNull();
    const chemical = await assessmentBasis(t.db, standardVersionId, 'chemical');
    expect(chemical?.requirements.some((r) => r.code === 'HG-4.1')).toBe(true);
    // A guide version is not a basis.
    expect(await assessmentBasis(t.db, firstVersion('lc-guide-ejiao').id, 'ejiao_tcm')).toBeNull();
    expect(await loadVersion(t.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('edits drafts, publishes after checking the content, and keeps published versions immutable', async () => {
    const created = await admin.post('/api/frameworks', {
      code: 'test-standard',
      kind: 'standard',
      name: '测试标准',
      description: '测试用',
    });
    expect(created.statusCode).toBe(201);
    const frameworkId = created.json<FrameworkBody>().id;

    const bad: FrameworkContent = smallContent();
    const dup = structuredClone(bad);
    dup.chapters[0]?.clauses[0]?.requirements.push({
      ...(dup.chapters[0].clauses[0].requirements[0] ?? smallContent().chapters[0]!.clauses[0]!.requirements[0]!),
    });
    dup.chapters.push({ code: 'T9', title: '空章', clauses: [] });
    const draftRes = await admin.post(`/api/frameworks/${frameworkId}/versions`, { version: '1.0', content: dup });
    expect(draftRes.statusCode).toBe(201);
    const draft = draftRes.json<Version>();
    expect(draft).toMatchObject({ status: 'draft', template: false, requirementCount: 3, kind: 'standard' });

    // Drafts are invisible to those who cannot manage frameworks.
    const user = await t.login('ent.a.user');
    expect((await user.get(`/api/framework-versions/${draft.id}`)).statusCode).toBe(404);
    expect((await user.get(`/api/frameworks/${frameworkId}`)).statusCode).toBe(404);

    // Publishing refuses bad content, with reasons in Chinese.
    const refused = await admin.post(`/api/framework-versions/${draft.id}/publish`);
    expect(refused.statusCode).toBe(400);
    const problem = refused.json<ProblemBody>();
    expect(problem.detail).toContain('不能发布');
    expect(problem.errors?.map((e) => e.message)).toEqual(
      expect.arrayContaining(['要求编号「T1.1.1」重复', '第「T9」章「空章」下没有条款']),
    );

    // The draft is edited, then published.
    const edited = await put(admin, `/api/framework-versions/${draft.id}/content`, { content: smallContent() });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<Version>().requirementCount).toBe(2);
    const published = await admin.post(`/api/framework-versions/${draft.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json<Version>().publishedAt).toBeTruthy();

    // Published: immutable.
    const changed = await put(admin, `/api/framework-versions/${draft.id}/content`, { content: smallContent('U') });
    expect(changed.statusCode).toBe(409);
    expect(changed.json<ProblemBody>().detail).toContain('已发布');
    expect((await admin.post(`/api/framework-versions/${draft.id}/publish`)).statusCode).toBe(409);
    expect((await user.get(`/api/framework-versions/${draft.id}`)).json<Version>().content).toEqual(smallContent());

    // A new version (a copy) leaves the published one as it was.
    const copy = await admin.post(`/api/frameworks/${frameworkId}/versions`, {
      version: '1.1',
      copyFromVersionId: draft.id,
    });
    expect(copy.statusCode).toBe(201);
    const copyId = copy.json<Version>().id;
    expect(
      (await put(admin, `/api/framework-versions/${copyId}/content`, { content: smallContent('U') })).statusCode,
    ).toBe(200);
    expect((await admin.post(`/api/framework-versions/${copyId}/publish`)).statusCode).toBe(200);
    expect((await loadVersion(t.db, draft.id))?.content).toEqual(smallContent());
    expect(
      (await admin.post(`/api/frameworks/${frameworkId}/versions`, { version: '1.1', content: smallContent() }))
        .statusCode,
    ).toBe(409);

    // Retire.
    const retired = await admin.post(`/api/framework-versions/${draft.id}/retire`);
    expect(retired.json<Version>().status).toBe('retired');
    expect((await admin.post(`/api/framework-versions/${draft.id}/retire`)).statusCode).toBe(409);

    // Every change is in the audit log.
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', 'in', ['framework', 'framework_version'])
      .where('entity_id', 'in', [frameworkId, draft.id, copyId])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['create', 'create', 'create', 'publish', 'publish', 'retire', 'update', 'update'].sort(),
    );
  });

  it('refuses a guide override of a requirement the standard does not have', async () => {
    const guide = await admin.post('/api/frameworks', {
      code: 'test-guide',
      kind: 'guide',
      name: '测试指引',
      industry: 'textile',
      description: '',
    });
    expect(guide.statusCode).toBe(201);
    const guideId = guide.json<FrameworkBody>().id;
    const base = firstVersion('lc-trade-secret-standard').id;
    const content: FrameworkContent = {
      chapters: [
        {
          code: 'FZ',
          title: '纺织',
          clauses: [
            {
              code: 'FZ-1',
              title: '花型',
              requirements: [
                {
                  code: 'FZ-1.1',
                  text: '花型设计稿应受控',
                  guidance: '',
                  evidence: '',
                  weight: 2,
                  mandatory: false,
                  industries: [],
                },
              ],
            },
          ],
        },
      ],
      overrides: [{ requirementCode: '99.9.9', weight: 3 }],
    };
    expect((await admin.post(`/api/frameworks/${guideId}/versions`, { version: '1', content })).statusCode).toBe(400);
    const draft = (
      await admin.post(`/api/frameworks/${guideId}/versions`, { version: '1', baseVersionId: base, content })
    ).json<Version>();
    const refused = await admin.post(`/api/framework-versions/${draft.id}/publish`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ProblemBody>().errors?.[0]?.message).toBe('行业指引调整的要求「99.9.9」不在所依据的标准版本中');
  });

  it('round-trips a version through JSON export and import', async () => {
    const source = firstVersion('lc-guide-ejiao');
    const exported = await admin.get(`/api/framework-versions/${source.id}/export?format=json`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const imported = await admin.inject({
      method: 'POST',
      url: `/api/frameworks/${byCode('lc-guide-ejiao').id}/import`,
      ...multipart(
        { version: '2025.1-json' },
        { name: 'guide.json', data: exported.rawPayload, type: 'application/json' },
      ),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const version = imported.json<Version>();
    expect(version).toMatchObject({ status: 'draft', version: '2025.1-json', baseVersionId: source.baseVersionId });
    expect(version.content).toEqual((await loadVersion(t.db, source.id))?.content);
  });

  it('round-trips a version through Excel export and import', async () => {
    for (const code of ['lc-trade-secret-standard', 'lc-guide-chemical']) {
      const source = firstVersion(code);
      const exported = await admin.get(`/api/framework-versions/${source.id}/export?format=xlsx`);
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toContain(XLSX_MIME);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      expect(workbook.getWorksheet('要求')?.getRow(1).values).toEqual([
        undefined,
        '章',
        '章标题',
        '条',
        '条标题',
        '编号',
        '要求',
        '指导',
        '证据',
        '权重',
        '强制',
        '适用行业',
      ]);
      const imported = await admin.inject({
        method: 'POST',
        url: `/api/frameworks/${byCode(code).id}/import`,
        ...multipart({ version: '2025.1-xlsx' }, { name: 'f.xlsx', data: exported.rawPayload, type: XLSX_MIME }),
      });
      expect(imported.statusCode, imported.body).toBe(201);
      expect(imported.json<Version>().content).toEqual((await loadVersion(t.db, source.id))?.content);
    }
  });

  it('imports all or nothing and reports every bad row', async () => {
    const source = firstVersion('lc-trade-secret-standard');
    const exported = await admin.get(`/api/framework-versions/${source.id}/export?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('要求');
    if (!sheet) {
      throw new Error('no sheet 要求');
    }
    sheet.getRow(3).getCell(9).value = '很重';
    sheet.getRow(5).getCell(10).value = '也许';
    sheet.getRow(7).getCell(11).value = '造船';
    sheet.getRow(8).getCell(5).value = '4.1.1';
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const framework = byCode('lc-trade-secret-standard');
    const before = (await admin.get(`/api/frameworks/${framework.id}`)).json<FrameworkBody>().versions.length;
    const res = await admin.inject({
      method: 'POST',
      url: `/api/frameworks/${framework.id}/import`,
      ...multipart({ version: '2099.1' }, { name: 'bad.xlsx', data, type: XLSX_MIME }),
    });
    expect(res.statusCode).toBe(400);
    const messages = res.json<ProblemBody>().errors?.map((e) => e.message) ?? [];
    expect(messages).toEqual([
      '「要求」第 3 行 权重：「很重」不是 0–100 的数字',
      '「要求」第 5 行 强制：「也许」应为「是」或「否」',
      '「要求」第 7 行 适用行业：不认识的行业「造船」',
    ]);
    expect((await admin.get(`/api/frameworks/${framework.id}`)).json<FrameworkBody>().versions).toHaveLength(before);

    // Duplicate codes (a structural problem) are reported too, and nothing is stored.
    sheet.getRow(3).getCell(9).value = 3;
    sheet.getRow(5).getCell(10).value = '否';
    sheet.getRow(7).getCell(11).value = '';
    const duplicate = await admin.inject({
      method: 'POST',
      url: `/api/frameworks/${framework.id}/import`,
      ...multipart(
        { version: '2099.1' },
        { name: 'dup.xlsx', data: Buffer.from(await workbook.xlsx.writeBuffer()), type: XLSX_MIME },
      ),
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json<ProblemBody>().errors?.map((e) => e.message)).toEqual(['要求编号「4.1.1」重复']);

    // JSON with schema errors, and requests without a file or version.
    const json = await admin.inject({
      method: 'POST',
      url: `/api/frameworks/${framework.id}/import`,
      ...multipart(
        { version: '2099.2' },
        {
          name: 'x.json',
          data: Buffer.from(JSON.stringify({ chapters: [{ code: '1', title: '', clauses: [] }] })),
          type: 'application/json',
        },
      ),
    });
    expect(json.statusCode).toBe(400);
    expect(json.json<ProblemBody>().errors?.[0]?.field).toBe('content.chapters.0.title');
    const noFile = await admin.inject({
      method: 'POST',
      url: `/api/frameworks/${framework.id}/import`,
      ...multipart({ version: '1' }),
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json<ProblemBody>().errors?.[0]?.field).toBe('file');
    expect((await admin.post(`/api/frameworks/${framework.id}/import`, {})).statusCode).toBe(415);
  });

  it('lets every role read and only the city admin write', async () => {
    const versionId = firstVersion('lc-trade-secret-standard').id;
    for (const username of [
      'county.donge',
      'dept.police',
      'station.donge',
      'assoc.ejiao',
      'expert.demo',
      'ent.a.admin',
      'ent.a.user',
    ]) {
      const s = await t.login(username);
      expect((await s.get('/api/frameworks')).statusCode, username).toBe(200);
      expect((await s.get(`/api/framework-versions/${versionId}`)).statusCode, username).toBe(200);
      expect((await s.get(`/api/framework-versions/${versionId}/export?format=xlsx`)).statusCode, username).toBe(200);
      const write = await s.post('/api/frameworks', {
        code: `x-${username}`,
        kind: 'standard',
        name: '越权',
        description: '',
      });
      expect(write.statusCode, username).toBe(403);
      expect((await s.post(`/api/framework-versions/${versionId}/retire`)).statusCode, username).toBe(403);
      expect(
        (await put(s, `/api/framework-versions/${versionId}/content`, { content: smallContent() })).statusCode,
        username,
      ).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/frameworks' })).statusCode).toBe(401);
  });

  it('validates input with field-level problems', async () => {
    const cases: [string, unknown, number, string][] = [
      ['/api/frameworks', {}, 400, 'code'],
      ['/api/frameworks', { code: 'g1', kind: 'guide', name: '无行业指引', description: '' }, 400, 'industry'],
      [
        '/api/frameworks',
        { code: 'g2', kind: 'guide', name: '未知行业', industry: 'shipbuilding', description: '' },
        400,
        'industry',
      ],
      [
        '/api/frameworks',
        { code: 'lc-guide-ejiao', kind: 'guide', name: '重复', industry: 'ejiao_tcm', description: '' },
        409,
        'code',
      ],
      ['/api/frameworks', { code: 'ok-code', kind: 'standard', name: '多余字段', description: '', extra: 1 }, 400, ''],
    ];
    for (const [url, body, status, field] of cases) {
      const res = await admin.post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (field) {
        expect(JSON.stringify(res.json<ProblemBody>().errors), JSON.stringify(body)).toContain(field);
      }
    }
    const standard = byCode('lc-trade-secret-standard');
    const noContent = await admin.post(`/api/frameworks/${standard.id}/versions`, { version: '3.0' });
    expect(noContent.statusCode).toBe(400);
    expect(noContent.json<ProblemBody>().errors?.[0]).toMatchObject({ field: 'content' });
    const badWeight = structuredClone(smallContent());
    const first = badWeight.chapters[0]?.clauses[0]?.requirements[0];
    if (first) {
      first.weight = 500;
    }
    expect(
      (await admin.post(`/api/frameworks/${standard.id}/versions`, { version: '3.0', content: badWeight })).statusCode,
    ).toBe(400);
    expect((await admin.get('/api/framework-versions/not-a-uuid')).statusCode).toBe(400);
    expect((await admin.get('/api/framework-versions/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin.get(`/api/framework-versions/${standard.versions[0]?.id}/export?format=pdf`)).statusCode).toBe(
      400,
    );
  });
});
