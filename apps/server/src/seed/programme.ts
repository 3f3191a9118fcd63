import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import { writeAudit } from '../modules/audit/index';
import { importProgramme } from '../modules/programme/index';
import { LIAOCHENG_PROGRAMME } from './programme-liaocheng';

const SEED_TRACE = { actor: null, requestId: 'seed', clientIp: 'local' };

async function liaochengProgrammeId(db: Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom('programmes as p')
    .innerJoin('regions as r', 'r.id', 'p.region_id')
    .select('p.id')
    .where('p.document_number', '=', LIAOCHENG_PROGRAMME.documentNumber)
    .where('r.code', '=', LIAOCHENG_PROGRAMME.regionCode)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Liaocheng's programme from the seed document (called by seedBase; idempotent): loaded once, when the
 * city's region exists, with the plan's texts, targets, milestones, tasks, phases, safeguards and task
 * force, a suggested allocation that adds up, and the evaluation indicators. On a database that already
 * has the demo accounts, the demo responsibility list is added too (seedProgrammeDemo).
 */
export async function seedProgramme(db: Kysely<DB>): Promise<void> {
  const city = await db
    .selectFrom('regions')
    .select('id')
    .where('code', '=', LIAOCHENG_PROGRAMME.regionCode)
    .executeTakeFirst();
  if (!city) {
    return;
  }
  if (!(await liaochengProgrammeId(db))) {
    await importProgramme(db, SEED_TRACE, LIAOCHENG_PROGRAMME);
  }
  await seedProgrammeDemo(db);
}

/** Demo work items: [task position, title, owner, partners, deadline, status, completed on]. */
const DEMO_ITEMS: readonly [
  number,
  string,
  string,
  string[],
  string,
  'not_started' | 'in_progress' | 'done',
  string | null,
][] = [
  [
    0,
    '起草制定《聊城市商业秘密保护管理和服务规范》地方标准',
    '市市场监管局',
    ['市工业和信息化局'],
    '2024-06-30',
    'done',
    '2024-06-20',
  ],
  [1, '制定出台示范基地、示范指导站、示范企业建设指南（试行）', '市市场监管局', [], '2024-03-31', 'done', '2024-03-28'],
  [2, '组建商业秘密保护智库', '市市场监管局', ['市中级人民法院', '市检察院'], '2024-09-30', 'done', '2024-10-15'],
  [
    3,
    '建立立案协助、证据互认、维权联动、信息共享、案情会商协作机制',
    '市公安局',
    ['市市场监管局', '市检察院'],
    '2026-12-31',
    'in_progress',
    null,
  ],
  [3, '定期发布商业秘密侵权典型案例', '市中级人民法院', ['市市场监管局'], '2026-12-20', 'not_started', null],
  [4, '成立行业商业秘密保护自律联盟', '市民政局', ['市市场监管局', '市商务局'], '2025-06-30', 'in_progress', null],
  [5, '建立海外维权案例数据库（日韩及欧美）', '市商务局', ['市市场监管局'], '2025-12-31', 'in_progress', null],
  [
    6,
    '开展行政执法与司法保护工作人员能力培训',
    '市委宣传部',
    ['市公安局', '市市场监管局'],
    '2026-12-31',
    'not_started',
    null,
  ],
];

/**
 * A demo responsibility list for the seeded programme (only once the demo accounts exist, and only
 * once): items owned by departments, some done on time, one done late, some overdue.
 */
export async function seedProgrammeDemo(db: Kysely<DB>): Promise<void> {
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'city.admin').executeTakeFirst();
  const programmeId = await liaochengProgrammeId(db);
  if (!admin || !programmeId) {
    return;
  }
  const existing = await db
    .selectFrom('work_items')
    .select('id')
    .where('programme_id', '=', programmeId)
    .limit(1)
    .executeTakeFirst();
  if (existing) {
    return;
  }
  const [tasks, orgs] = await Promise.all([
    db.selectFrom('programme_tasks').select(['id', 'position']).where('programme_id', '=', programmeId).execute(),
    db
      .selectFrom('organizations as o')
      .innerJoin('regions as r', 'r.id', 'o.region_id')
      .select(['o.id', 'o.name', 'r.path'])
      .where('o.kind', '=', 'department')
      .execute(),
  ]);
  const org = (name: string) => {
    const found = orgs.find((o) => o.name === name);
    if (!found) {
      throw new Error(`organisation ${name} missing`);
    }
    return found;
  };
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    for (const [position, title, owner, partners, deadline, status, completedOn] of DEMO_ITEMS) {
      const id = newId();
      const ownerOrg = org(owner);
      await trx
        .insertInto('work_items')
        .values({
          id,
          programme_id: programmeId,
          task_id: tasks.find((t) => Number(t.position) === position)?.id ?? null,
          title,
          description: '',
          owner_organization_id: ownerOrg.id,
          owner_region_path: ownerOrg.path,
          deadline,
          status,
          completed_on: completedOn,
          meeting_id: null,
          decision_position: null,
          overdue_notified_on: null,
          created_by: admin.id,
          created_at: at,
          updated_at: at,
        })
        .execute();
      if (partners.length > 0) {
        await trx
          .insertInto('work_item_partners')
          .values(partners.map((p) => ({ work_item_id: id, organization_id: org(p).id })))
          .execute();
      }
    }
    await writeAudit(trx, SEED_TRACE, {
      action: 'seed_demo',
      entityType: 'work_item',
      entityId: programmeId,
      changedFields: ['work_items'],
    });
  });
}
