import { DEFAULT_INDUSTRIES, type Role } from '@shangmi/shared';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import { hashPassword } from '../lib/password';
import { writeAudit } from '../modules/audit/index';
import { insertEnterprises, toInsert, type EnterpriseInput } from '../modules/enterprises/index';
import { insertUser } from '../modules/users/index';
import { CITY_DEPARTMENTS, countyGovernmentName, LIAOCHENG, type RegionSeed } from './liaocheng';
import { seedDesignationsDemo } from './designations';
import { seedPlaces } from './places';
import { seedProgramme, seedProgrammeDemo } from './programme';
import { seedSecretsDemo } from './secrets';
import { seedStandards } from './standards';
import { syntheticEnterprises, syntheticUscc } from './synthetic';

const SEED_TRACE = { actor: null, requestId: 'seed', clientIp: 'local' };

export interface SeededRegion {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  parentId: string | null;
}

async function regionsByCode(db: Kysely<DB>): Promise<Map<string, SeededRegion>> {
  const rows = await db.selectFrom('regions').select(['id', 'code', 'name', 'kind', 'path', 'parent_id']).execute();
  return new Map(
    rows.map((r) => [
      r.code,
      { id: r.id, code: r.code, name: r.name, kind: r.kind, path: r.path, parentId: r.parent_id },
    ]),
  );
}

function organizationRow(
  kind: string,
  name: string,
  regionId: string,
  at: string,
  extra: Partial<DB['organizations']> = {},
): DB['organizations'] {
  return {
    id: newId(),
    kind,
    name,
    region_id: regionId,
    address: extra.address ?? '山东省聊城市',
    contact_name: extra.contact_name ?? '办公室',
    contact_phone: extra.contact_phone ?? '0635-0000000',
    contact_email: extra.contact_email ?? null,
    archived_reason: null,
    status: 'active',
    created_at: at,
    updated_at: at,
  };
}

/** Regions, industries, the plan's departments and each county's government. Idempotent. */
export async function seedBase(db: Kysely<DB>): Promise<Map<string, SeededRegion>> {
  const existing = await regionsByCode(db);
  if (existing.size > 0) {
    await seedStandards(db);
    await seedPlaces(db);
    await seedProgramme(db);
    return existing;
  }
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    const insertRegion = async (seed: RegionSeed, parent: { id: string; path: string } | null, order: number) => {
      const id = newId();
      const path = `${parent?.path ?? '/'}${id}/`;
      await trx
        .insertInto('regions')
        .values({
          id,
          parent_id: parent?.id ?? null,
          code: seed.code,
          name: seed.name,
          kind: seed.kind,
          path,
          sort_order: order,
          created_at: at,
        })
        .execute();
      for (const [index, child] of (seed.children ?? []).entries()) {
        await insertRegion(child, { id, path }, index);
      }
    };
    await insertRegion(LIAOCHENG, null, 0);
    await trx
      .insertInto('industries')
      .values(DEFAULT_INDUSTRIES.map((industry, index) => ({ ...industry, sort_order: index })))
      .execute();
    const regions = await regionsByCode(trx);
    const city = regions.get(LIAOCHENG.code);
    if (!city) {
      throw new Error('city region missing after seeding');
    }
    const orgs = CITY_DEPARTMENTS.map((name) => organizationRow('department', name, city.id, at));
    for (const county of LIAOCHENG.children ?? []) {
      const region = regions.get(county.code);
      if (region) {
        orgs.push(organizationRow('department', countyGovernmentName(county), region.id, at));
      }
    }
    await trx.insertInto('organizations').values(orgs).execute();
    await writeAudit(trx, SEED_TRACE, { action: 'seed_base', entityType: 'dataset', entityId: LIAOCHENG.code });
  });
  await seedStandards(db);
  await seedPlaces(db);
  await seedProgramme(db);
  return regionsByCode(db);
}

export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

async function orgId(db: Kysely<DB>, name: string): Promise<string> {
  const row = await db.selectFrom('organizations').select('id').where('name', '=', name).executeTakeFirst();
  if (!row) {
    throw new Error(`organisation ${name} missing`);
  }
  return row.id;
}

/** Demo accounts (README lists them). All share one password. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; displayName: string; role: Role; organization: string }> =
  [
    { username: 'city.admin', displayName: '市场监管局管理员', role: 'city_admin', organization: '市市场监管局' },
    { username: 'county.donge', displayName: '东阿县管理员', role: 'county_admin', organization: '东阿县人民政府' },
    { username: 'county.linqing', displayName: '临清市管理员', role: 'county_admin', organization: '临清市人民政府' },
    { username: 'dept.police', displayName: '市公安局联络员', role: 'dept_officer', organization: '市公安局' },
    {
      username: 'station.donge',
      displayName: '东阿服务站工作人员',
      role: 'station_staff',
      organization: '东阿县铜城市场监管所商业秘密保护服务站',
    },
    {
      username: 'assoc.ejiao',
      displayName: '阿胶协会秘书处',
      role: 'association_staff',
      organization: '聊城市阿胶行业协会',
    },
    { username: 'expert.demo', displayName: '李明（专家）', role: 'expert', organization: '聊城大学法学院' },
    // The think tank's panel for designation reviews (3 to 5 experts per application).
    { username: 'expert.law', displayName: '张华（法律专家）', role: 'expert', organization: '市司法局' },
    { username: 'expert.tech', displayName: '王强（技术专家）', role: 'expert', organization: '市科技局' },
    { username: 'expert.industry', displayName: '陈静（产业专家）', role: 'expert', organization: '市工业和信息化局' },
    // Works at the 阿胶 association: in the demo data they declared a tie with the 阿胶 demo enterprise.
    { username: 'expert.assoc', displayName: '赵敏（协会专家）', role: 'expert', organization: '聊城市阿胶行业协会' },
    {
      username: 'ent.a.admin',
      displayName: '甲企业管理员',
      role: 'enterprise_admin',
      organization: '东阿示范阿胶股份有限公司',
    },
    {
      username: 'ent.a.user',
      displayName: '甲企业员工',
      role: 'enterprise_user',
      organization: '东阿示范阿胶股份有限公司',
    },
    {
      username: 'ent.b.admin',
      displayName: '乙企业管理员',
      role: 'enterprise_admin',
      organization: '临清示范轴承有限公司',
    },
  ];

/** Seeds the demo data set: base, a station, an association, a university, two named enterprises, ~200 synthetic ones, accounts. */
export async function seedDemo(db: Kysely<DB>, password: string, syntheticCount = 200): Promise<void> {
  const regions = await seedBase(db);
  const at = nowIso();
  const region = (code: string) => {
    const r = regions.get(code);
    if (!r) {
      throw new Error(`region ${code} missing`);
    }
    return r;
  };
  const named: EnterpriseInput[] = [
    {
      name: '东阿示范阿胶股份有限公司',
      uscc: syntheticUscc('371524', 900001),
      regionId: region('371524900').id,
      address: '山东省聊城市东阿县经济开发区阿胶街1号',
      industry: 'ejiao_tcm',
      size: 'large',
      honours: ['leading', 'specialized'],
      legalRepresentative: '王东阿',
      contactName: '赵保密',
      contactPhone: '0635-3200001',
      contactEmail: 'secrets@ent-a.example.cn',
      employees: 1800,
    },
    {
      name: '临清示范轴承有限公司',
      uscc: syntheticUscc('371581', 900002),
      regionId: region('371581101').id,
      address: '山东省聊城市临清市烟店镇轴承路8号',
      industry: 'bearing',
      size: 'medium',
      honours: ['specialized'],
      legalRepresentative: '孙临清',
      contactName: '钱合规',
      contactPhone: '0635-2300002',
      contactEmail: null,
      employees: 320,
    },
  ];
  const counties = (LIAOCHENG.children ?? []).map((c) => region(c.code));
  const synthetic = syntheticEnterprises(
    syntheticCount,
    counties.map((c) => ({ id: c.id, code: c.code, name: c.name })),
  );
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await insertEnterprises(
      trx,
      named.map((e) => toInsert(e, at, true)),
    );
    await insertEnterprises(
      trx,
      synthetic.map((e) => toInsert(e, at, true)),
    );
    await trx
      .insertInto('organizations')
      .values([
        organizationRow('service_station', '东阿县铜城市场监管所商业秘密保护服务站', region('371524').id, at, {
          address: '山东省聊城市东阿县铜城街道',
          contact_name: '服务站值班',
          contact_phone: '0635-3200100',
        }),
        organizationRow('association', '聊城市阿胶行业协会', region('371524').id, at, { contact_name: '协会秘书处' }),
        organizationRow('service_provider', '聊城大学法学院', region('371502').id, at, {
          contact_name: '知识产权研究中心',
        }),
      ])
      .execute();
    for (const account of DEMO_ACCOUNTS) {
      const id = newId();
      await insertUser(
        trx,
        {
          id,
          username: account.username,
          display_name: account.displayName,
          password_hash: passwordHash,
          organization_id: await orgId(trx, account.organization),
          status: 'active',
          created_at: at,
          updated_at: at,
          last_login_at: null,
        },
        [account.role],
      );
    }
    await writeAudit(trx, SEED_TRACE, {
      action: 'seed_demo',
      entityType: 'dataset',
      entityId: 'demo',
      changedFields: ['enterprises', 'organizations', 'users'],
    });
  });
  await seedPlaces(db, { demo: true });
  await seedDesignationsDemo(db);
  await seedSecretsDemo(db);
  await seedProgrammeDemo(db);
}

/** Adds N synthetic enterprises (for benchmarks), spread over the county-level regions. */
export async function seedScale(db: Kysely<DB>, count: number): Promise<number> {
  const regions = await seedBase(db);
  const counties = [...regions.values()].filter((r) => r.code.length === 6 && r.kind !== 'city');
  const existing = await db
    .selectFrom('enterprises')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const start = 100_000 + Number(existing.n);
  const at = nowIso();
  const BATCH = 5000;
  for (let offset = 0; offset < count; offset += BATCH) {
    const inputs = syntheticEnterprises(Math.min(BATCH, count - offset), counties, 7 + offset + start, start + offset);
    await db.transaction().execute(async (trx) => {
      await insertEnterprises(
        trx,
        inputs.map((e) => toInsert(e, at, true)),
      );
    });
  }
  // Fresh statistics for the planner after a bulk load (both dialects understand ANALYZE).
  await sql`analyze`.execute(db);
  await db.transaction().execute(async (trx) => {
    await writeAudit(trx, SEED_TRACE, {
      action: 'seed_scale',
      entityType: 'dataset',
      entityId: `scale-${count}`,
      changedFields: ['enterprises'],
    });
  });
  return count;
}
