import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import type { DB } from '../src/db/schema';
import type { RequestContext } from '../src/lib/context';
import { newId, nowIso } from '../src/lib/ids';
import {
  conformingByRegion,
  countConformingEnterprises,
  issueCertificate,
  runCertificateRenewals,
  startCertificateJobs,
  verificationUrl,
} from '../src/modules/certificates/index';
import { addDays, cstDate } from '../src/modules/certificates/certificates.dates';
import { requestOrigin } from '../src/modules/certificates/certificates.routes';
import { maskUscc } from '../src/modules/certificates/certificates.service';
import { createTestApp, enterpriseIdByName, regionId, type Session, type TestApp } from './helpers';

const CONTENT = {
  passScore: 80,
  chapters: [
    {
      code: '1',
      title: '组织与职责',
      clauses: [
        {
          code: '1.1',
          title: '管理机构',
          requirements: [
            {
              code: 'T-1',
              text: '设立商业秘密保护管理机构',
              guidance: '',
              evidence: '',
              weight: 2,
              mandatory: true,
              industries: [],
            },
            {
              code: 'T-2',
              text: '明确保密职责',
              guidance: '',
              evidence: '',
              weight: 1,
              mandatory: false,
              industries: [],
            },
          ],
        },
      ],
    },
  ],
};

/** A published standard version of our own (the demo seed's frameworks are not relied on). */
async function publishedStandard(db: Kysely<DB>, code: string): Promise<string> {
  const at = nowIso();
  const frameworkId = newId();
  const versionId = newId();
  await db
    .insertInto('frameworks')
    .values({
      id: frameworkId,
      code,
      kind: 'standard',
      name: '测试规范',
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
      version: '2026.1',
      status: 'published',
      base_version_id: null,
      template: 0,
      content: JSON.stringify(CONTENT),
      requirement_count: 2,
      published_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return versionId;
}

/** An accepted assessment, as the review leaves it before the certificate is issued. */
async function acceptedAssessment(db: Kysely<DB>, enterpriseId: string, standardVersionId: string): Promise<string> {
  const enterprise = await db
    .selectFrom('enterprises')
    .select(['industry_code', 'region_id'])
    .where('id', '=', enterpriseId)
    .executeTakeFirstOrThrow();
  const region = await db
    .selectFrom('regions')
    .select('path')
    .where('id', '=', enterprise.region_id)
    .executeTakeFirstOrThrow();
  // The county-level region: the second id on the path (/city/county/…).
  const county = region.path.split('/').filter(Boolean)[1] ?? enterprise.region_id;
  const at = nowIso();
  const id = newId();
  await db
    .insertInto('assessments')
    .values({
      id,
      enterprise_id: enterpriseId,
      campaign_id: null,
      standard_version_id: standardVersionId,
      guide_version_id: null,
      industry_code: enterprise.industry_code,
      region_id: county,
      status: 'accepted',
      round: 1,
      score_bp: 9250,
      mandatory_unmet: 0,
      due_date: null,
      renews_certificate_id: null,
      submitted_at: at,
      decided_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

async function reviewerContext(db: Kysely<DB>): Promise<RequestContext> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', '=', 'station.donge')
    .executeTakeFirstOrThrow();
  return {
    actor: {
      userId: user.id,
      username: user.username,
      displayName: '服务站',
      roles: ['station_staff'],
      permissions: new Set(['assessment:review']),
      organizationId: '',
      organizationName: '',
      organizationKind: 'service_station',
      regionId: '',
      regionName: '',
      regionPath: '',
      enterpriseId: null,
    },
    requestId: 'test',
    clientIp: '127.0.0.1',
  };
}

describe('certificates', () => {
  let t: TestApp;
  let city: Session;
  let versionId: string;
  let entA: string;
  let entB: string;
  let ctx: RequestContext;

  const issue = async (enterpriseId: string, validFrom?: string) => {
    const assessmentId = await acceptedAssessment(t.db, enterpriseId, versionId);
    return t.db
      .transaction()
      .execute((trx) => issueCertificate(trx, ctx, { assessmentId, ...(validFrom ? { validFrom } : {}) }));
  };

  beforeAll(async () => {
    t = await createTestApp();
    city = await t.login('city.admin');
    versionId = await publishedStandard(t.db, `TEST-CERT-${Date.now()}`);
    entA = await enterpriseIdByName(t.db, '东阿示范阿胶股份有限公司');
    entB = await enterpriseIdByName(t.db, '临清示范轴承有限公司');
    ctx = await reviewerContext(t.db);
  });
  afterAll(async () => t.close());

  it('numbers certificates per year, valid one year, issued once per assessment, audited', async () => {
    const year = cstDate().slice(0, 4);
    const first = await issue(entB);
    const second = await issue(entB);
    expect(first.number).toMatch(new RegExp(`^LCGB-${year}-\\d{6}$`));
    expect(Number(second.number.slice(-6))).toBe(Number(first.number.slice(-6)) + 1);
    const row = await t.db.selectFrom('certificates').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row.valid_from).toBe(cstDate());
    expect(row.valid_until).toBe(addDays(cstDate(), 364));
    expect(row.status).toBe('valid');
    const again = await t.db
      .transaction()
      .execute((trx) => issueCertificate(trx, ctx, { assessmentId: row.assessment_id }));
    expect(again).toEqual(first);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', first.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['certificate.issue']);
    const older = await issue(entB, '2025-03-01');
    expect(older.number).toMatch(/^LCGB-2025-\d{6}$/);
  });

  it('verifies publicly, is revoked with a reason by the county admin, and then says so publicly', async () => {
    const { id, number } = await issue(entA);
    const detail = await city.get(`/api/certificates/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      id,
      number,
      enterprise: { id: entA, name: '东阿示范阿胶股份有限公司' },
      regionName: '东阿县经济开发区',
      standardVersionLabel: '测试规范 2026.1',
      guideVersionLabel: null,
      scoreBp: 9250,
      status: 'valid',
      revokedAt: null,
    });
    const uscc = detail.json<{ enterprise: { uscc: string } }>().enterprise.uscc;

    const anonymous = await t.app.inject({ method: 'GET', url: `/api/public/certificates/${number}` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toMatchObject({
      number,
      holder: '东阿示范阿胶股份有限公司',
      uscc: `${uscc.slice(0, 6)}********${uscc.slice(-4)}`,
      standard: '测试规范 2026.1',
      status: 'valid',
      statusLabel: '有效',
      revokedAt: null,
      revokeReason: null,
    });
    expect(JSON.stringify(anonymous.json())).not.toContain(uscc);

    // Only the city admin or the holder's county admin revokes; others see 404 (out of scope) or 403.
    const linqing = await t.login('county.linqing');
    expect((await linqing.post(`/api/certificates/${id}/revoke`, { reason: '越权撤销' })).statusCode).toBe(404);
    const station = await t.login('station.donge');
    expect((await station.post(`/api/certificates/${id}/revoke`, { reason: '无权撤销' })).statusCode).toBe(403);
    const entAdmin = await t.login('ent.a.admin');
    expect((await entAdmin.post(`/api/certificates/${id}/revoke`, { reason: '无权撤销' })).statusCode).toBe(403);
    const donge = await t.login('county.donge');
    expect((await donge.post(`/api/certificates/${id}/revoke`, {})).statusCode).toBe(400);
    const revoked = await donge.post(`/api/certificates/${id}/revoke`, { reason: '复核发现保密制度未落实' });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokeReason: '复核发现保密制度未落实' });
    expect(revoked.json().revokedAt).toBeTruthy();
    expect((await donge.post(`/api/certificates/${id}/revoke`, { reason: '再次撤销' })).statusCode).toBe(409);

    const after = await t.app.inject({ method: 'GET', url: `/api/public/certificates/${number}` });
    expect(after.json()).toMatchObject({
      status: 'revoked',
      statusLabel: '已撤销',
      revokeReason: '复核发现保密制度未落实',
    });
    const unknown = await t.app.inject({ method: 'GET', url: '/api/public/certificates/LCGB-1999-000001' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });

  it('says expired once the last valid day has passed', async () => {
    const { id, number } = await issue(entA, addDays(cstDate(), -400));
    const res = await t.app.inject({ method: 'GET', url: `/api/public/certificates/${number}` });
    expect(res.json()).toMatchObject({ status: 'expired', statusLabel: '已过期', validUntil: addDays(cstDate(), -36) });
    expect((await city.get(`/api/certificates/${id}`)).json().status).toBe('expired');
    const expired = await city.get('/api/certificates?status=expired&pageSize=200');
    expect(expired.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toContain(id);
    const valid = await city.get('/api/certificates?status=valid&pageSize=200');
    expect(valid.json<{ items: { id: string }[] }>().items.map((c) => c.id)).not.toContain(id);
    // Held on a past day within its validity: listed as counting on that day (the dashboard's drill-down).
    const ids = async (query: string) =>
      (await city.get(`/api/certificates?pageSize=200&${query}`))
        .json<{ items: { id: string }[] }>()
        .items.map((c) => c.id);
    expect(await ids(`heldOn=${addDays(cstDate(), -100)}`)).toContain(id);
    expect(await ids(`heldOn=${addDays(cstDate(), -10)}`)).not.toContain(id);
    expect(await ids(`heldOn=${addDays(cstDate(), -500)}`)).not.toContain(id);
    expect((await city.get('/api/certificates?heldOn=2026-02-30')).statusCode).toBe(400);
  });

  it('renders a Chinese PDF whose QR code carries the verification URL', async () => {
    const { id, number } = await issue(entA);
    const res = await city.get(`/api/certificates/${id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`贯标证书-${number}.pdf`));
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(pdf.length).toBeLessThan(1_000_000);
    // The title in the (uncompressed) document information, and the embedded CJK font subset.
    expect(pdf.toString('latin1')).toContain(number);
    expect(pdf.toString('latin1')).toMatch(/FontFile3|FontFile2/);
    expect((await (await t.login('ent.b.admin')).get(`/api/certificates/${id}/pdf`)).statusCode).toBe(404);

    expect(verificationUrl('https://gb.example.cn/', 'LCGB-2026-000123')).toBe(
      'https://gb.example.cn/verify/certificates/LCGB-2026-000123',
    );
  }, 30_000);

  it('takes the QR origin from forwarded headers only when trustProxy is on', async () => {
    for (const trustProxy of [true, false]) {
      const app = Fastify({ trustProxy });
      app.get('/origin', async (request) => ({ origin: requestOrigin(request) }));
      const res = await app.inject({
        method: 'GET',
        url: '/origin',
        headers: { host: 'internal:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'gb.liaocheng.example' },
      });
      expect(res.json().origin).toBe(trustProxy ? 'https://gb.liaocheng.example' : 'http://internal:3000');
      await app.close();
    }
  });

  it('counts conforming enterprises as of dates: from valid_from, not after revocation', async () => {
    const fresh = await createTestApp({ syntheticCount: 0 });
    try {
      const version = await publishedStandard(fresh.db, 'TEST-COUNT');
      const a = await enterpriseIdByName(fresh.db, '东阿示范阿胶股份有限公司');
      const reviewer = await reviewerContext(fresh.db);
      const today = cstDate();
      const validFrom = addDays(today, -30);
      const assessmentId = await acceptedAssessment(fresh.db, a, version);
      const { id } = await fresh.db
        .transaction()
        .execute((trx) => issueCertificate(trx, reviewer, { assessmentId, validFrom }));
      const donge = (
        await fresh.db.selectFrom('regions').select('path').where('code', '=', '371524').executeTakeFirstOrThrow()
      ).path;
      const linqing = (
        await fresh.db.selectFrom('regions').select('path').where('code', '=', '371581').executeTakeFirstOrThrow()
      ).path;

      expect(await countConformingEnterprises(fresh.db, { asOf: addDays(validFrom, -1) })).toBe(0);
      expect(await countConformingEnterprises(fresh.db, { asOf: validFrom })).toBe(1);
      expect(await countConformingEnterprises(fresh.db, { asOf: today })).toBe(1);
      expect(await countConformingEnterprises(fresh.db, { asOf: addDays(validFrom, 364) })).toBe(1);
      expect(await countConformingEnterprises(fresh.db, { asOf: addDays(validFrom, 365) })).toBe(0);
      expect(await countConformingEnterprises(fresh.db, { asOf: today, regionPath: donge })).toBe(1);
      expect(await countConformingEnterprises(fresh.db, { asOf: today, regionPath: linqing })).toBe(0);
      expect(await conformingByRegion(fresh.db, today)).toEqual([
        { regionId: await regionId(fresh.db, '371524'), count: 1 },
      ]);

      // A second certificate of the same enterprise does not count it twice.
      const second = await acceptedAssessment(fresh.db, a, version);
      await fresh.db
        .transaction()
        .execute((trx) => issueCertificate(trx, reviewer, { assessmentId: second, validFrom: today }));
      expect(await countConformingEnterprises(fresh.db, { asOf: today })).toBe(1);

      const admin = await fresh.login('city.admin');
      const certs = await admin.get('/api/certificates');
      for (const certificate of certs.json<{ items: { id: string }[] }>().items) {
        expect(
          (await admin.post(`/api/certificates/${certificate.id}/revoke`, { reason: '测试撤销' })).statusCode,
        ).toBe(200);
      }
      expect(certs.json().items.map((c: { id: string }) => c.id)).toContain(id);
      expect(await countConformingEnterprises(fresh.db, { asOf: today })).toBe(0);
      expect(await countConformingEnterprises(fresh.db, { asOf: addDays(today, 1) })).toBe(0);
      expect(await countConformingEnterprises(fresh.db, { asOf: addDays(today, -1) })).toBe(1);
      expect(await conformingByRegion(fresh.db, today)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('lists within scope: region for county admins, own enterprise for enterprise users', async () => {
    const { id: aId } = await issue(entA);
    const { id: bId } = await issue(entB);
    const idsFor = async (username: string, query = '') => {
      const s = await t.login(username);
      const res = await s.get(`/api/certificates?pageSize=200${query}`);
      expect(res.statusCode).toBe(200);
      return new Set(res.json<{ items: { id: string }[] }>().items.map((c) => c.id));
    };
    const linqing = await idsFor('county.linqing');
    expect(linqing.has(bId)).toBe(true);
    expect(linqing.has(aId)).toBe(false);
    const donge = await idsFor('county.donge');
    expect(donge.has(aId)).toBe(true);
    expect(donge.has(bId)).toBe(false);
    const entBAdmin = await idsFor('ent.b.admin');
    expect(entBAdmin.has(aId)).toBe(false);
    expect(entBAdmin.has(bId)).toBe(true);
    const entAUser = await idsFor('ent.a.user');
    expect(entAUser.has(aId)).toBe(true);
    expect(entAUser.has(bId)).toBe(false);
    expect((await idsFor('dept.police')).has(aId)).toBe(true);
    expect((await idsFor('city.admin', `&regionId=${await regionId(t.db, '371581')}`)).has(aId)).toBe(false);
    expect((await idsFor('city.admin', '&q=东阿示范')).has(aId)).toBe(true);
    expect((await idsFor('city.admin', '&industry=bearing')).has(aId)).toBe(false);

    for (const [username, id, status] of [
      ['county.linqing', aId, 404],
      ['ent.b.admin', aId, 404],
      ['ent.a.admin', aId, 200],
      ['county.donge', aId, 200],
      ['county.donge', bId, 404],
    ] as const) {
      const s = await t.login(username);
      expect((await s.get(`/api/certificates/${id}`)).statusCode, `${username} ${id}`).toBe(status);
    }
    const missing = await city.get('/api/certificates/00000000-0000-4000-8000-000000000000');
    const hidden = await (await t.login('county.linqing')).get(`/api/certificates/${aId}`);
    expect(hidden.json().detail).toBe(missing.json().detail);
    expect((await city.get('/api/certificates?unknown=1')).statusCode).toBe(400);
  });

  it('opens one renewal assessment for a certificate nearing expiry, and only one', async () => {
    const validFrom = addDays(cstDate(), -340); // valid until today + 24 days: within the notice period
    const { id } = await issue(entB, validFrom);
    const first = await runCertificateRenewals(t.db);
    expect(first.failed).toBe(0);
    const renewals = await t.db
      .selectFrom('assessments')
      .select(['id', 'enterprise_id', 'status', 'due_date', 'standard_version_id'])
      .where('renews_certificate_id', '=', id)
      .execute();
    expect(renewals).toEqual([
      expect.objectContaining({
        enterprise_id: entB,
        status: 'not_started',
        due_date: addDays(validFrom, 364),
        standard_version_id: versionId,
      }),
    ]);
    const second = await runCertificateRenewals(t.db);
    expect(second.opened).toBe(0);
    const count = await t.db.selectFrom('assessments').select('id').where('renews_certificate_id', '=', id).execute();
    expect(count).toHaveLength(1);
  });

  it("starts the renewal timer unref'd and stops it on close", async () => {
    const app = await buildApp({ db: t.db, dialect: t.dialect, config: loadConfig({}), serveWeb: false });
    startCertificateJobs(app, { intervalMs: 60_000 });
    await app.ready();
    await app.close();
  });

  it('masks the USCC to its first 6 and last 4 characters', () => {
    expect(maskUscc('91371524MA3C000019')).toBe('913715********0019');
  });
});
