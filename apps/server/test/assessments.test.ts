import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../src/db/schema';
import type { FrameworkContent } from '../src/modules/frameworks/index';
import { createTestApp, enterpriseIdByName, regionId, type Session, type TestApp } from './helpers';

const MISSING = '00000000-0000-4000-8000-000000000000';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
// The start of a Windows executable (MZ header, "This program cannot be run in DOS mode").
const EXE = Buffer.concat([
  Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
  Buffer.from('This program cannot be run in DOS mode.\r\n'),
  randomBytes(256),
]);

const requirement = (code: string, weight: number, mandatory = false, industries: string[] = []) => ({
  code,
  text: `要求 ${code}`,
  guidance: `整改建议 ${code}`,
  evidence: `证据 ${code}`,
  weight,
  mandatory,
  industries,
});

/**
 * A small published standard (R1 mandatory, R2, R3, R4 for bearings only) and a published 阿胶 guide on
 * it (adds G1, doubles R2's weight): an 阿胶 enterprise answers R1, R2, R3, G1 with weights 10, 20, 20, 10.
 */
async function publishTestStandard(db: Kysely<DB>, suffix: string) {
  const at = new Date().toISOString();
  const standardId = crypto.randomUUID();
  const standardVersionId = crypto.randomUUID();
  const guideId = crypto.randomUUID();
  const guideVersionId = crypto.randomUUID();
  const standard: FrameworkContent = {
    passScore: 80,
    chapters: [
      {
        code: '1',
        title: '组织与职责',
        clauses: [
          {
            code: '1.1',
            title: '职责',
            requirements: [
              requirement('R1', 10, true),
              requirement('R2', 10),
              requirement('R3', 20),
              requirement('R4', 10, false, ['bearing']),
            ],
          },
        ],
      },
    ],
  };
  const guide: FrameworkContent = {
    chapters: [
      { code: 'G', title: '阿胶', clauses: [{ code: 'G.1', title: '技艺', requirements: [requirement('G1', 10)] }] },
    ],
    overrides: [{ requirementCode: 'R2', weight: 20 }],
  };
  await db
    .insertInto('frameworks')
    .values([
      {
        id: standardId,
        code: `TEST-STD-${suffix}`,
        kind: 'standard',
        name: `测试标准${suffix}`,
        industry_code: null,
        description: '',
        created_at: at,
        updated_at: at,
      },
      {
        id: guideId,
        code: `TEST-EJIAO-${suffix}`,
        kind: 'guide',
        name: `测试阿胶指引${suffix}`,
        industry_code: 'ejiao_tcm',
        description: '',
        created_at: at,
        updated_at: at,
      },
    ])
    .execute();
  await db
    .insertInto('framework_versions')
    .values([
      {
        id: standardVersionId,
        framework_id: standardId,
        version: '1.0',
        status: 'published',
        base_version_id: null,
        template: 0,
        content: JSON.stringify(standard),
        requirement_count: 4,
        published_at: at,
        created_at: at,
        updated_at: at,
      },
      {
        id: guideVersionId,
        framework_id: guideId,
        version: '1.0',
        status: 'published',
        base_version_id: standardVersionId,
        template: 0,
        content: JSON.stringify(guide),
        requirement_count: 1,
        published_at: at,
        created_at: at,
        updated_at: at,
      },
    ])
    .execute();
  return { standardVersionId, guideVersionId };
}

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }) {
  const boundary = `----shangmi${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const inDays = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('self-assessment: campaign → answers → evidence → submit → review rounds → certificate', () => {
  let t: TestApp;
  let dataDir: string;
  let versions: { standardVersionId: string; guideVersionId: string };
  let city: Session;
  let entUser: Session;
  let entAdmin: Session;
  let station: Session;
  let entA: string;
  let assessmentId: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmi-assess-'));
    t = await createTestApp({ config: { dataDir } });
    versions = await publishTestStandard(t.db, 'A');
    city = await t.login('city.admin');
    entUser = await t.login('ent.a.user');
    entAdmin = await t.login('ent.a.admin');
    station = await t.login('station.donge');
    entA = await enterpriseIdByName(t.db, '东阿示范阿胶股份有限公司');
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a campaign opens one assessment per chosen enterprise, frozen on the standard and the industry guide', async () => {
    const donge = await regionId(t.db, '371524');
    const res = await city.post('/api/campaigns', {
      name: '2026 年东阿县阿胶企业贯标',
      standardVersionId: versions.standardVersionId,
      criteria: { regionIds: [donge], industries: ['ejiao_tcm'] },
      deadline: inDays(30),
    });
    expect(res.statusCode, res.body).toBe(201);
    const campaign = res.json();
    expect(campaign.counts.total).toBeGreaterThanOrEqual(1);
    expect(campaign.counts.not_started).toBe(campaign.counts.total);
    expect(campaign.byRegion.map((r: { regionName: string }) => r.regionName)).toEqual(['东阿县']);

    const list = await entUser.get('/api/assessments');
    expect(list.statusCode).toBe(200);
    const mine = list.json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0].enterprise.id).toBe(entA);
    expect(mine[0].campaign.id).toBe(campaign.id);
    assessmentId = mine[0].id;

    const detail = (await entUser.get(`/api/assessments/${assessmentId}`)).json();
    expect(detail.requirements.map((r: { code: string }) => r.code)).toEqual(['R1', 'R2', 'R3', 'G1']);
    expect(detail.requirements.find((r: { code: string }) => r.code === 'R2').weight).toBe(20);
    expect(detail.guideVersionId).toBe(versions.guideVersionId);
    expect(detail.guideVersionLabel).toBe('测试阿胶指引A 1.0');
    expect(detail.status).toBe('not_started');
    expect(detail.certificate).toBeNull();
    expect(detail.editable).toBe(true);
    expect(detail.submittable).toBe(false);
    expect(detail.dueDate).toBe(inDays(30));

    // The enterprise was told.
    const inbox = (await entUser.get('/api/notifications?unread=true')).json();
    expect(inbox.items.some((n: { kind: string }) => n.kind === 'campaign_assigned')).toBe(true);
  });

  it('autosaves each requirement; a refused save writes nothing', async () => {
    const first = await entUser.inject({
      method: 'PUT',
      url: `/api/assessments/${assessmentId}/answers/R1`,
      payload: { answer: 'conform', notes: '已设立保密委员会' },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().status).toBe('in_progress');
    expect(first.json().score).toMatchObject({ answered: 1, total: 4 });

    const noReason = await entUser.inject({
      method: 'PUT',
      url: `/api/assessments/${assessmentId}/answers/R2`,
      payload: { answer: 'na', notes: '我们写了很多字' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.headers['content-type']).toContain('application/problem+json');
    expect(noReason.json().errors[0].field).toBe('naReason');
    let detail = (await entUser.get(`/api/assessments/${assessmentId}`)).json();
    expect(detail.answers.R2).toBeUndefined();

    const unknownField = await entUser.inject({
      method: 'PUT',
      url: `/api/assessments/${assessmentId}/answers/R2`,
      payload: { answer: 'conform', extra: 1 },
    });
    expect(unknownField.statusCode).toBe(400);
    const unknownCode = await entUser.inject({
      method: 'PUT',
      url: `/api/assessments/${assessmentId}/answers/R4`,
      payload: { answer: 'conform' },
    });
    expect(unknownCode.statusCode).toBe(404);

    for (const [code, body] of [
      ['R2', { answer: 'na', naReason: '本企业无委外研发' }],
      ['R3', { answer: 'partial', notes: '台账尚不完整' }],
    ] as const) {
      const res = await entUser.inject({
        method: 'PUT',
        url: `/api/assessments/${assessmentId}/answers/${code}`,
        payload: body,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Omitted notes keep what was saved.
    await entUser.inject({
      method: 'PUT',
      url: `/api/assessments/${assessmentId}/answers/R1`,
      payload: { answer: 'conform' },
    });
    detail = (await entUser.get(`/api/assessments/${assessmentId}`)).json();
    expect(detail.answers.R1).toMatchObject({ answer: 'conform', notes: '已设立保密委员会' });
    expect(detail.answers.R2).toMatchObject({ answer: 'na', naReason: '本企业无委外研发' });
    // R1 10 + R3 partial 20×½ over R1+R3+G1 (R2 不适用 excluded; G1 unanswered counts 0) = 20/40.
    expect(detail.score).toMatchObject({ scoreBp: 5000, answered: 3, total: 4, mandatoryUnmet: 0, certifiable: false });
    expect(detail.score.gaps.map((g: { code: string }) => g.code)).toEqual(['R3', 'G1']);

    // Government never fills in an enterprise's assessment.
    const byCity = await city.inject({
      method: 'PUT',
      url: `/api/assessments/${assessmentId}/answers/G1`,
      payload: { answer: 'conform' },
    });
    expect(byCity.statusCode).toBe(403);
  });

  it('stores evidence files checked by content, serves them as attachments, refuses a disguised .exe', async () => {
    const upload = await entUser.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/evidence`,
      ...multipart({ requirementCode: 'R1' }, { name: '保密委员会成立文件.pdf', data: PDF, type: 'application/pdf' }),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const evidence = upload.json();
    expect(evidence).toMatchObject({
      kind: 'file',
      requirementCode: 'R1',
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    expect(evidence.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));

    const files = fs.readdirSync(path.join(dataDir, 'uploads', 'evidence'), { recursive: true, withFileTypes: true });
    const stored = files.filter((f) => f.isFile());
    expect(stored).toHaveLength(1);
    const mode = fs.statSync(path.join(stored[0]!.parentPath, stored[0]!.name)).mode & 0o777;
    expect(mode & 0o111).toBe(0);

    const download = await station.get(`/api/assessments/${assessmentId}/evidence/${evidence.id}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(PDF)).toBe(true);

    const disguised = await entUser.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/evidence`,
      ...multipart({ requirementCode: 'R1' }, { name: '制度汇编.pdf', data: EXE, type: 'application/pdf' }),
    });
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().detail).toContain('文件内容与扩展名');
    const exe = await entUser.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/evidence`,
      ...multipart({ requirementCode: 'R1' }, { name: 'setup.exe', data: EXE }),
    });
    expect(exe.statusCode).toBe(415);
    const noFile = await entUser.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/evidence`,
      ...multipart({ requirementCode: 'R1' }),
    });
    expect(noFile.statusCode).toBe(400);
    expect(
      fs
        .readdirSync(path.join(dataDir, 'uploads', 'evidence'), { recursive: true, withFileTypes: true })
        .filter((f) => f.isFile()),
    ).toHaveLength(1);

    const link = await entUser.post(`/api/assessments/${assessmentId}/links`, {
      requirementCode: 'G1',
      linkType: 'enterprise',
      linkId: entA,
    });
    expect(link.statusCode, link.body).toBe(201);
    expect(link.json().linkLabel).toContain('东阿示范阿胶股份有限公司');
    const entB = await enterpriseIdByName(t.db, '临清示范轴承有限公司');
    const foreign = await entUser.post(`/api/assessments/${assessmentId}/links`, {
      requirementCode: 'G1',
      linkType: 'enterprise',
      linkId: entB,
    });
    expect(foreign.statusCode).toBe(404);
    const removed = await entUser.inject({
      method: 'DELETE',
      url: `/api/assessments/${assessmentId}/evidence/${link.json().id}`,
    });
    expect(removed.statusCode).toBe(204);

    const detail = (await entUser.get(`/api/assessments/${assessmentId}`)).json();
    expect(detail.evidence.R1).toHaveLength(1);
    expect(detail.evidence.G1).toBeUndefined();
  });

  it('gives the gap list with what to do, as JSON and as Excel', async () => {
    const gaps = await entUser.get(`/api/assessments/${assessmentId}/gaps`);
    expect(gaps.statusCode).toBe(200);
    expect(gaps.json().items[0]).toMatchObject({
      code: 'R3',
      answer: 'partial',
      action: '整改建议 R3；应提供的证据：证据 R3',
    });
    const xlsx = await entUser.get(`/api/assessments/${assessmentId}/gaps?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('only the enterprise admin submits, and only when every requirement is answered; submit locks', async () => {
    expect((await entUser.post(`/api/assessments/${assessmentId}/submit`)).statusCode).toBe(403);
    const incomplete = await entAdmin.post(`/api/assessments/${assessmentId}/submit`);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().detail).toContain('G1');
    expect(incomplete.json().errors).toEqual([{ field: 'answers.G1', message: '要求「G1」尚未作答' }]);

    await entUser.inject({
      method: 'PUT',
      url: `/api/assessments/${assessmentId}/answers/G1`,
      payload: { answer: 'conform' },
    });
    const submitted = await entAdmin.post(`/api/assessments/${assessmentId}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', round: 1, editable: false });
    expect(submitted.json().rounds).toHaveLength(1);

    const locked = await entUser.inject({
      method: 'PUT',
      url: `/api/assessments/${assessmentId}/answers/R3`,
      payload: { answer: 'conform' },
    });
    expect(locked.statusCode).toBe(409);
    const again = await entAdmin.post(`/api/assessments/${assessmentId}/submit`);
    expect(again.statusCode).toBe(409);

    // Reviewers of the region are told.
    const inbox = (await station.get('/api/notifications')).json();
    expect(
      inbox.items.some(
        (n: { kind: string; link: string }) => n.kind === 'assessment_submitted' && n.link.includes(assessmentId),
      ),
    ).toBe(true);
  });

  it('hides an assessment from other regions and other enterprises exactly like a missing one', async () => {
    const linqing = await t.login('county.linqing');
    const entB = await t.login('ent.b.admin');
    for (const session of [linqing, entB]) {
      const res = await session.get(`/api/assessments/${assessmentId}`);
      expect(res.statusCode).toBe(404);
      const missing = await session.get(`/api/assessments/${MISSING}`);
      expect(res.json().detail).toBe(missing.json().detail);
      const ids = (await session.get('/api/assessments?pageSize=200')).json().items.map((a: { id: string }) => a.id);
      expect(ids).not.toContain(assessmentId);
      expect((await session.get(`/api/assessments/${assessmentId}/gaps`)).statusCode).toBe(404);
    }
    expect((await linqing.post(`/api/assessments/${assessmentId}/review`, { items: [] })).statusCode).toBe(404);
    const donge = await t.login('county.donge');
    expect((await donge.get(`/api/assessments/${assessmentId}`)).json().reviewable).toBe(true);
    expect((await city.get(`/api/assessments/${assessmentId}`)).statusCode).toBe(200);
  });

  it('the reviewer returns a requirement with a comment; the enterprise fixes it and resubmits', async () => {
    // Accepting everything is refused while the score is below the pass mark.
    const tooLow = await station.post(`/api/assessments/${assessmentId}/review`, { items: [] });
    expect(tooLow.statusCode).toBe(400);
    expect(tooLow.json().detail).toContain('低于合格线');

    const noComment = await station.post(`/api/assessments/${assessmentId}/review`, {
      items: [{ requirementCode: 'R3', decision: 'return' }],
    });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().errors[0].field).toBe('items.0.comment');

    const returned = await station.post(`/api/assessments/${assessmentId}/review`, {
      items: [
        { requirementCode: 'R1', decision: 'accept' },
        { requirementCode: 'R3', decision: 'return', comment: '请补充完整的秘密资产台账' },
      ],
      comment: '请整改后重新提交',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned');
    expect(returned.json().review.R3).toEqual({ decision: 'return', comment: '请补充完整的秘密资产台账', round: 1 });
    expect(returned.json().review.R1.decision).toBe('accept');

    const view = (await entUser.get(`/api/assessments/${assessmentId}`)).json();
    expect(view.editableCodes).toEqual(['R3']);
    const inbox = (await entUser.get('/api/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'assessment_returned' });

    const notReturned = await entUser.inject({
      method: 'PUT',
      url: `/api/assessments/${assessmentId}/answers/R1`,
      payload: { answer: 'partial' },
    });
    expect(notReturned.statusCode).toBe(409);
    const fixed = await entUser.inject({
      method: 'PUT',
      url: `/api/assessments/${assessmentId}/answers/R3`,
      payload: { answer: 'conform', notes: '台账已补齐' },
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().status).toBe('returned');
    expect(fixed.json().score.scoreBp).toBe(10000);

    const resubmitted = await entAdmin.post(`/api/assessments/${assessmentId}/submit`);
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', round: 2 });
    // No certificate until the review accepts it.
    expect(resubmitted.json().certificate).toBeNull();
  });

  it('acceptance issues the certificate in the same step, and every round is kept', async () => {
    const accepted = await station.post(`/api/assessments/${assessmentId}/review`, {
      items: [{ requirementCode: 'R3', decision: 'accept', comment: '已整改' }],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const body = accepted.json();
    expect(body.status).toBe('accepted');
    expect(body.reviewable).toBe(false);
    expect(body.rounds.map((r: { round: number; outcome: string }) => [r.round, r.outcome])).toEqual([
      [1, 'returned'],
      [2, 'accepted'],
    ]);
    expect(body.rounds[0].comment).toBe('请整改后重新提交');
    const items = await t.db
      .selectFrom('assessment_review_items')
      .select(['round', 'requirement_code', 'decision'])
      .where('assessment_id', '=', assessmentId)
      .orderBy('round')
      .orderBy('requirement_code')
      .execute();
    expect(items.filter((i) => Number(i.round) === 1)).toHaveLength(4);
    expect(items.filter((i) => Number(i.round) === 2)).toHaveLength(4);
    expect(items.find((i) => Number(i.round) === 1 && i.requirement_code === 'R3')?.decision).toBe('return');

    const certificates = await t.db
      .selectFrom('certificates')
      .select(['id', 'number', 'enterprise_id', 'standard_version_id', 'guide_version_id', 'score_bp', 'status'])
      .where('assessment_id', '=', assessmentId)
      .execute();
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({
      enterprise_id: entA,
      standard_version_id: versions.standardVersionId,
      guide_version_id: versions.guideVersionId,
      status: 'valid',
    });
    expect(Number(certificates[0]!.score_bp)).toBe(10000);
    // The assessment names the certificate it produced, for the reviewer and the enterprise alike.
    const issued = { id: certificates[0]!.id, number: certificates[0]!.number, status: 'valid' };
    expect(body.certificate).toEqual(issued);
    expect((await entAdmin.get(`/api/assessments/${assessmentId}`)).json().certificate).toEqual(issued);
    const inbox = (await entAdmin.get('/api/notifications')).json();
    expect(inbox.items[0].kind).toBe('assessment_accepted');
    expect(inbox.items[0].title).toContain(certificates[0]!.number);

    // Locked for good; reviewing again is a conflict.
    expect((await station.post(`/api/assessments/${assessmentId}/review`, { items: [] })).statusCode).toBe(409);
    const campaign = (await city.get(`/api/campaigns/${body.campaign.id}`)).json();
    expect(campaign.counts.certified).toBeGreaterThanOrEqual(1);
    expect(campaign.byRegion[0].certified).toBeGreaterThanOrEqual(1);
  });

  it('keeps an assessment on the versions it was opened with when a new guide version is published', async () => {
    const at = new Date().toISOString();
    const guideFramework = await t.db
      .selectFrom('framework_versions')
      .select('framework_id')
      .where('id', '=', versions.guideVersionId)
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('framework_versions')
      .values({
        id: crypto.randomUUID(),
        framework_id: guideFramework.framework_id,
        version: '2.0',
        status: 'published',
        base_version_id: versions.standardVersionId,
        template: 0,
        content: JSON.stringify({
          chapters: [
            {
              code: 'G',
              title: '阿胶',
              clauses: [
                { code: 'G.1', title: '技艺', requirements: [requirement('G1', 10), requirement('G2', 50, true)] },
              ],
            },
          ],
        }),
        requirement_count: 2,
        published_at: new Date(Date.now() + 1000).toISOString(),
        created_at: at,
        updated_at: at,
      })
      .execute();
    const detail = (await entUser.get(`/api/assessments/${assessmentId}`)).json();
    expect(detail.requirements.map((r: { code: string }) => r.code)).toEqual(['R1', 'R2', 'R3', 'G1']);
    expect(detail.guideVersionLabel).toBe('测试阿胶指引A 1.0');
  });

  it('scores mandatory gaps as blocking, whatever the score', async () => {
    const { openAssessment } = await import('../src/modules/assessments/index');
    const opened = await t.db.transaction().execute(async (trx) =>
      openAssessment(
        trx,
        { actor: null, requestId: 'test', clientIp: 'local' },
        {
          enterpriseId: entA,
          standardVersionId: versions.standardVersionId,
          renewsCertificateId: MISSING,
        },
      ),
    );
    expect(opened.created).toBe(true);
    const again = await t.db.transaction().execute(async (trx) =>
      openAssessment(
        trx,
        { actor: null, requestId: 'test', clientIp: 'local' },
        {
          enterpriseId: entA,
          standardVersionId: versions.standardVersionId,
          renewsCertificateId: MISSING,
        },
      ),
    );
    expect(again).toEqual({ id: opened.id, created: false });
    for (const [code, answer] of [
      ['R1', 'nonconform'],
      ['R2', 'conform'],
      ['R3', 'conform'],
      ['G1', 'conform'],
      ['G2', 'conform'],
    ] as const) {
      const res = await entUser.inject({
        method: 'PUT',
        url: `/api/assessments/${opened.id}/answers/${code}`,
        payload: { answer },
      });
      expect(res.statusCode).toBe(200);
    }
    const detail = (await entUser.get(`/api/assessments/${opened.id}`)).json();
    // Opened after guide 2.0 was published: it uses 2.0 (no weight override, G2 added).
    expect(detail.requirements.map((r: { code: string }) => r.code)).toEqual(['R1', 'R2', 'R3', 'G1', 'G2']);
    // 90 of 100 is above the pass mark of 80, but R1 is mandatory and unmet.
    expect(detail.score).toMatchObject({ scoreBp: 9000, passScoreBp: 8000, mandatoryUnmet: 1, certifiable: false });
    expect(detail.score.gaps[0]).toMatchObject({ code: 'R1', mandatory: true });
    expect(detail.renewsCertificateId).toBe(MISSING);
    await entAdmin.post(`/api/assessments/${opened.id}/submit`);
    const refused = await station.post(`/api/assessments/${opened.id}/review`, { items: [] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain('强制性要求');
  });
});
