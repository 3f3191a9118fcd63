import type { DesignationKind } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import { writeAudit } from '../modules/audit/index';

const SEED_TRACE = { actor: null, requestId: 'seed', clientIp: 'local' };

/**
 * Designations made before the platform existed (the plan's first rounds, 2023–2024), entered as
 * records without an application; one was revoked at its 2025 review, so history shows it counting
 * until then. The 阿胶 demo enterprise and the 铜城 station are left undesignated for the demo workflow.
 */
interface HistoryEntry {
  kind: DesignationKind;
  name: string;
  on: string;
  revokedOn?: string;
  reason?: string;
}

const HISTORY: HistoryEntry[] = [
  { kind: 'station', name: '临清市新华路市场监管所商业秘密保护服务站', on: '2023-12-26' },
  { kind: 'station', name: '东昌府区古楼市场监管所商业秘密保护服务站', on: '2023-12-26' },
  { kind: 'station', name: '聊城经济技术开发区商业秘密保护服务站', on: '2023-12-26' },
  { kind: 'station', name: '茌平区振兴市场监管所商业秘密保护服务站', on: '2024-11-20' },
  {
    kind: 'station',
    name: '高唐县鱼丘湖市场监管所商业秘密保护服务站',
    on: '2024-11-20',
    revokedOn: '2025-09-30',
    reason: '2025年度复核：服务台账缺失，联络员长期空缺，整改期满仍未达标',
  },
  { kind: 'base', name: '临清烟店轴承产业集群商业秘密保护示范基地', on: '2024-11-20' },
];

const KIND_CODES: Record<DesignationKind, string> = { base: '基', station: '站', enterprise: '企' };

/** Demo designation records and an expert's declared tie (called at the end of seedDemo). */
export async function seedDesignationsDemo(db: Kysely<DB>): Promise<void> {
  const existing = await db.selectFrom('designations').select('id').limit(1).executeTakeFirst();
  if (existing) {
    return;
  }
  const at = nowIso();
  const subjects: { kind: DesignationKind; id: string; name: string; regionId: string; path: string }[] = [];
  for (const entry of HISTORY) {
    const row =
      entry.kind === 'base'
        ? await db
            .selectFrom('demonstration_bases as s')
            .innerJoin('regions as r', 'r.id', 's.region_id')
            .select(['s.id', 's.name', 's.region_id', 'r.path'])
            .where('s.name', '=', entry.name)
            .executeTakeFirst()
        : await db
            .selectFrom('service_stations as s')
            .innerJoin('regions as r', 'r.id', 's.region_id')
            .select(['s.id', 's.name', 's.region_id', 'r.path'])
            .where('s.name', '=', entry.name)
            .executeTakeFirst();
    if (row) {
      subjects.push({ kind: entry.kind, id: row.id, name: row.name, regionId: row.region_id, path: row.path });
    }
  }
  // Two synthetic enterprises of the demo set, in different counties, as the first demonstration enterprises.
  const enterprises = await db
    .selectFrom('enterprises as e')
    .innerJoin('regions as r', 'r.id', 'e.region_id')
    .select(['e.id', 'e.name', 'e.region_id', 'r.path'])
    .where('e.synthetic', '=', 1)
    .where('e.name', 'not like', '%示范%')
    .orderBy('e.name')
    .limit(40)
    .execute();
  const counties = new Set<string>();
  const picked: typeof enterprises = [];
  for (const e of enterprises) {
    const county = e.path.split('/').filter(Boolean)[1] ?? '';
    if (!counties.has(county) && picked.length < 2) {
      counties.add(county);
      picked.push(e);
    }
  }
  const history: HistoryEntry[] = [
    ...HISTORY,
    ...picked.map((e): HistoryEntry => ({ kind: 'enterprise', name: e.name, on: '2024-11-20' })),
  ];
  for (const e of picked) {
    subjects.push({ kind: 'enterprise', id: e.id, name: e.name, regionId: e.region_id, path: e.path });
  }
  const sequence = new Map<string, number>();
  await db.transaction().execute(async (trx) => {
    for (const entry of history) {
      const subject = subjects.find((s) => s.kind === entry.kind && s.name === entry.name);
      if (!subject) {
        continue;
      }
      const year = entry.on.slice(0, 4);
      const key = `${year}${entry.kind}`;
      const n = (sequence.get(key) ?? 0) + 1;
      sequence.set(key, n);
      const id = newId();
      const countyId = subject.path.split('/').filter(Boolean)[1] ?? subject.regionId;
      await trx
        .insertInto('designations')
        .values({
          id,
          number: `聊商秘示〔${year}〕${KIND_CODES[entry.kind]}${String(n).padStart(3, '0')}号`,
          kind: entry.kind,
          subject_id: subject.id,
          subject_name: subject.name,
          region_id: subject.regionId,
          county_region_id: countyId,
          application_id: null,
          designated_on: entry.on,
          status: entry.revokedOn ? 'revoked' : 'active',
          rectify_by: null,
          revoked_on: entry.revokedOn ?? null,
          revoke_reason: entry.reason ?? null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      if (entry.on < '2025-01-01') {
        await trx
          .insertInto('designation_reviews')
          .values({
            id: newId(),
            designation_id: id,
            year: 2025,
            due_on: `2025${entry.on.slice(4)}`,
            status: 'done',
            outcome: entry.revokedOn ? 'revoke' : 'keep',
            rectify_by: null,
            note: entry.reason ?? '材料齐全，服务记录完整，保留命名',
            decided_by: null,
            decided_at: `${entry.revokedOn ?? `2025${entry.on.slice(4)}`}T02:00:00.000Z`,
            created_at: at,
          })
          .execute();
      }
      if (!entry.revokedOn) {
        if (entry.kind === 'station') {
          await trx.updateTable('service_stations').set({ demonstration: 1 }).where('id', '=', subject.id).execute();
        } else if (entry.kind === 'base') {
          await trx.updateTable('demonstration_bases').set({ designated: 1 }).where('id', '=', subject.id).execute();
        }
      }
    }
    // The association's expert declared a tie with the 阿胶 demo enterprise: never assigned to review it.
    const expert = await trx.selectFrom('users').select('id').where('username', '=', 'expert.assoc').executeTakeFirst();
    const ejiao = await trx
      .selectFrom('enterprises')
      .select('id')
      .where('name', '=', '东阿示范阿胶股份有限公司')
      .executeTakeFirst();
    if (expert && ejiao) {
      await trx
        .insertInto('expert_ties')
        .values({
          id: newId(),
          expert_user_id: expert.id,
          organization_id: ejiao.id,
          note: '曾担任该企业法律顾问（2022—2024年）',
          declared_at: at,
        })
        .execute();
    }
    await writeAudit(trx, SEED_TRACE, {
      action: 'seed_designations',
      entityType: 'dataset',
      entityId: 'demo',
      changedFields: ['designations', 'designation_reviews', 'expert_ties'],
    });
  });
}
