import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import { writeAudit } from '../modules/audit/index';
import { insertEnterprises, toInsert } from '../modules/enterprises/index';
import { importProgramme, type ProgrammeDocument } from '../modules/programme/index';
import { LIAOCHENG_PROGRAMME } from './programme-liaocheng';
import { seedBase } from './seed.service';
import { syntheticEnterprises } from './synthetic';

/**
 * A province-scale data set for the programme bench: a synthetic province (山东省（模拟）, codes 38xxxx,
 * apart from Liaocheng's real 3715xx) with 16 cities of 8 counties each, 50,000 enterprises, 2,000
 * designations, 20,000 conformance certificates (each with its accepted assessment), and a province
 * programme whose allocation units are the 16 cities (the plan's targets times 16). Deterministic.
 */
export interface ProvinceScaleCounts {
  enterprises: number;
  designations: number;
  certificates: number;
}

const CITY_NAMES = [
  '济南',
  '青岛',
  '淄博',
  '枣庄',
  '东营',
  '烟台',
  '潍坊',
  '济宁',
  '泰安',
  '威海',
  '日照',
  '临沂',
  '德州',
  '聊城',
  '滨州',
  '菏泽',
];
const COUNTIES_PER_CITY = 8;
const BATCH = 500;

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

const dateFrom = (start: string, days: number) => {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function insertInBatches<T extends keyof DB>(db: Kysely<DB>, table: T, rows: DB[T][]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    // Kysely's insert typing cannot follow a generic table name; the rows are the table's own type.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}

export async function seedProvinceScale(
  db: Kysely<DB>,
  counts: ProvinceScaleCounts = { enterprises: 50_000, designations: 2_000, certificates: 20_000 },
): Promise<ProvinceScaleCounts> {
  await seedBase(db);
  const existing = await db.selectFrom('regions').select('id').where('code', '=', '380000').executeTakeFirst();
  if (existing) {
    throw new Error('the province-scale data set is already loaded');
  }
  const random = prng(38_000);
  const at = nowIso();
  const provinceId = newId();
  const provincePath = `/${provinceId}/`;
  const regions: DB['regions'][] = [
    {
      id: provinceId,
      parent_id: null,
      code: '380000',
      name: '山东省（模拟）',
      kind: 'province',
      path: provincePath,
      sort_order: 1,
      created_at: at,
    },
  ];
  const cities: { id: string; code: string; name: string }[] = [];
  const counties: { id: string; code: string; name: string; path: string }[] = [];
  CITY_NAMES.forEach((name, c) => {
    const id = newId();
    const code = `38${String(c + 1).padStart(2, '0')}00`;
    const path = `${provincePath}${id}/`;
    regions.push({
      id,
      parent_id: provinceId,
      code,
      name: `${name}市（模拟）`,
      kind: 'city',
      path,
      sort_order: c,
      created_at: at,
    });
    cities.push({ id, code, name: `${name}市（模拟）` });
    for (let k = 0; k < COUNTIES_PER_CITY; k += 1) {
      const countyId = newId();
      const countyCode = `38${String(c + 1).padStart(2, '0')}${String(k + 1).padStart(2, '0')}`;
      const countyPath = `${path}${countyId}/`;
      regions.push({
        id: countyId,
        parent_id: id,
        code: countyCode,
        name: `${name}第${k + 1}县（模拟）`,
        kind: 'county',
        path: countyPath,
        sort_order: k,
        created_at: at,
      });
      counties.push({ id: countyId, code: countyCode, name: `${name}第${k + 1}县（模拟）`, path: countyPath });
    }
  });
  await insertInBatches(db, 'regions', regions);

  // Enterprises, in transactions of 5,000.
  const enterpriseIds: { id: string; regionId: string; industry: string }[] = [];
  for (let offset = 0; offset < counts.enterprises; offset += 5000) {
    const inputs = syntheticEnterprises(
      Math.min(5000, counts.enterprises - offset),
      counties,
      3800 + offset,
      500_000 + offset,
    );
    const rows = inputs.map((e) => toInsert(e, at, true));
    await db.transaction().execute(async (trx) => insertEnterprises(trx, rows));
    for (const row of rows) {
      enterpriseIds.push({
        id: row.enterprise.id,
        regionId: row.enterprise.region_id,
        industry: row.enterprise.industry_code,
      });
    }
  }

  // Designations: 10 % bases, 55 % stations, 35 % demonstration enterprises, from 2023-10 on; 5 % revoked.
  const designations: DB['designations'][] = [];
  for (let i = 0; i < counts.designations; i += 1) {
    const county = counties[Math.floor(random() * counties.length)] ?? counties[0];
    const r = random();
    const kind = r < 0.1 ? 'base' : r < 0.65 ? 'station' : 'enterprise';
    const designatedOn = dateFrom('2023-10-01', Math.floor(random() * 820));
    const revoked = random() < 0.05 ? dateFrom(designatedOn, 30 + Math.floor(random() * 300)) : null;
    designations.push({
      id: newId(),
      number: `SCALE-D-${String(i + 1).padStart(6, '0')}`,
      kind,
      subject_id: newId(),
      subject_name: `（模拟）${kind}${i + 1}`,
      region_id: county?.id ?? '',
      county_region_id: county?.id ?? '',
      application_id: null,
      designated_on: designatedOn,
      status: revoked ? 'revoked' : 'active',
      rectify_by: null,
      revoked_on: revoked,
      revoke_reason: revoked ? '复核不合格' : null,
      created_at: at,
      updated_at: at,
    });
  }
  await db.transaction().execute(async (trx) => insertInBatches(trx, 'designations', designations));

  // Certificates: each with the accepted assessment it came from; three years valid; 3 % revoked.
  const standard = await db
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select('v.id')
    .where('f.kind', '=', 'standard')
    .orderBy('v.created_at')
    .executeTakeFirstOrThrow();
  const assessments: DB['assessments'][] = [];
  const certificates: DB['certificates'][] = [];
  for (let i = 0; i < counts.certificates; i += 1) {
    const enterprise = enterpriseIds[(i * 7919) % enterpriseIds.length];
    if (!enterprise) {
      break;
    }
    const validFrom = dateFrom('2024-01-01', Math.floor(random() * 900));
    const validUntil = dateFrom(dateFrom(validFrom, 365 * 3), -1);
    const revoked = random() < 0.03;
    const assessmentId = newId();
    assessments.push({
      id: assessmentId,
      enterprise_id: enterprise.id,
      campaign_id: null,
      standard_version_id: standard.id,
      guide_version_id: null,
      industry_code: enterprise.industry,
      region_id: enterprise.regionId,
      status: 'accepted',
      round: 1,
      score_bp: 8000 + Math.floor(random() * 2000),
      mandatory_unmet: 0,
      due_date: null,
      renews_certificate_id: null,
      submitted_at: `${validFrom}T01:00:00.000Z`,
      decided_at: `${validFrom}T02:00:00.000Z`,
      created_at: at,
      updated_at: at,
    });
    certificates.push({
      id: newId(),
      number: `SCALE-C-${String(i + 1).padStart(6, '0')}`,
      enterprise_id: enterprise.id,
      assessment_id: assessmentId,
      standard_version_id: standard.id,
      guide_version_id: null,
      region_id: enterprise.regionId,
      industry_code: enterprise.industry,
      score_bp: 8000,
      valid_from: validFrom,
      valid_until: validUntil,
      status: revoked ? 'revoked' : 'valid',
      revoked_at: revoked ? `${dateFrom(validFrom, 200)}T00:00:00.000Z` : null,
      revoke_reason: revoked ? '复评不合格' : null,
      issued_by: 'scale-seed',
      created_at: at,
    });
  }
  await db.transaction().execute(async (trx) => {
    await insertInBatches(trx, 'assessments', assessments);
    await insertInBatches(trx, 'certificates', certificates);
  });

  // The province programme: the plan's targets and milestones times 16, split evenly over the cities.
  const times = (n: number) => n * CITY_NAMES.length;
  const doc: ProgrammeDocument = {
    ...LIAOCHENG_PROGRAMME,
    title: '山东省（模拟）商业秘密保护创新试点工作方案（基准测试）',
    documentNumber: '模拟〔2023〕1号',
    issuingBody: '山东省（模拟）人民政府办公厅',
    regionCode: '380000',
    targets: LIAOCHENG_PROGRAMME.targets.map((t) => ({ ...t, target: times(t.target) })),
    milestones: LIAOCHENG_PROGRAMME.milestones.map((m) => ({
      ...m,
      targets: m.targets.map((t) => ({ ...t, target: times(t.target) })),
    })),
    allocations: cities.flatMap((city) =>
      LIAOCHENG_PROGRAMME.targets.map((t) => ({ regionCode: city.code, kind: t.kind, target: t.target })),
    ),
  };
  await importProgramme(db, { actor: null, requestId: 'seed', clientIp: 'local' }, doc);
  await sql`analyze`.execute(db);
  await db.transaction().execute(async (trx) =>
    writeAudit(
      trx,
      { actor: null, requestId: 'seed', clientIp: 'local' },
      {
        action: 'seed_scale',
        entityType: 'dataset',
        entityId: 'province-scale',
        changedFields: ['regions', 'enterprises', 'designations', 'certificates', 'programmes'],
      },
    ),
  );
  return { enterprises: enterpriseIds.length, designations: designations.length, certificates: certificates.length };
}
