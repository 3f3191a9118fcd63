import type { Kysely } from 'kysely';
import { loadConfig } from '../config';
import type { DB } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import { currentMasterKey, installMasterKey, resolveMasterKey, sealerFor, type Sealer } from '../lib/keyring';

/**
 * Demo secret register for the demo enterprises (called at the end of seedDemo). Contents are sealed
 * under each enterprise's data key like any other. ent.a.user (赵磊, 信息部) knows the supply and customer
 * points but not the core formula or process, so the knowledge scope can be seen at work.
 */

interface PersonSeed {
  key: string;
  name: string;
  department: string;
  post: string;
  hireDate: string;
  username?: string;
}

interface PointSeed {
  name: string;
  category: string;
  level: string;
  protectedUntil: string | null;
  department: string;
  status: 'draft' | 'confirmed';
  content: string;
  value: string | null;
  knowers: string[];
  carriers: { kind: string; label: string; location: string; custodian: string | null }[];
  measures: { code: string | null; description: string; status: 'planned' | 'in_place' }[];
}

interface EnterpriseSeed {
  name: string;
  people: PersonSeed[];
  points: PointSeed[];
  confidentiality: string[];
  nonCompete: { person: string; months: number; monthlyYuan: number }[];
  trainings: { person: string; on: string; topic: string; hours: number }[];
  /** One open offboarding started this many days ago (so some steps are overdue). */
  offboarding?: { person: string; startedDaysAgo: number; leavingInDays: number };
}

const EJIAO: EnterpriseSeed = {
  name: '东阿示范阿胶股份有限公司',
  people: [
    { key: 'li', name: '李秀英', department: '技术研发中心', post: '配方工程师', hireDate: '2012-03-01' },
    { key: 'wang', name: '王建国', department: '生产部', post: '熬胶车间主任', hireDate: '2008-07-15' },
    { key: 'zhang', name: '张伟', department: '质量部', post: '质检主管', hireDate: '2015-09-01' },
    { key: 'liu', name: '刘洋', department: '销售部', post: '华东大区经理', hireDate: '2017-04-10' },
    { key: 'chen', name: '陈静', department: '采购部', post: '驴皮采购主管', hireDate: '2014-11-20' },
    {
      key: 'zhao',
      name: '赵磊',
      department: '信息部',
      post: '系统管理员',
      hireDate: '2019-06-03',
      username: 'ent.a.user',
    },
    { key: 'sun', name: '孙丽', department: '技术研发中心', post: '研究员', hireDate: '2020-02-17' },
    { key: 'zhou', name: '周强', department: '生产部', post: '熬胶工', hireDate: '2016-05-08' },
  ],
  points: [
    {
      name: '复方阿胶浆核心配方',
      category: 'formula',
      level: 'core',
      protectedUntil: null,
      department: '技术研发中心',
      status: 'confirmed',
      content:
        '复方阿胶浆配方：阿胶、红参、熟地黄、党参、山楂五味药材的投料配比（以每批 1000 L 计）及各药材的产地等级要求；' +
        '红参须经二次蒸制，熟地黄须九蒸九晒；配比精确到 0.1 kg，附 2019 年优化后的替代配比表。',
      value: '该配方为公司主导产品的核心，产品年销售额约 8 亿元；竞争对手无法通过成品反向工程获得准确配比。',
      knowers: ['li', 'wang'],
      carriers: [
        {
          kind: 'paper',
          label: '配方原件（第 1 份）',
          location: '技术中心档案室 3 号保密柜，双人双锁',
          custodian: 'li',
        },
        {
          kind: 'electronic',
          label: '配方电子版',
          location: '研发加密服务器 /formula/，仅两台终端可访问',
          custodian: 'wang',
        },
      ],
      measures: [
        { code: '9.1.2', description: '配方原件存放于保密柜，双人双锁，钥匙分别保管', status: 'in_place' },
        { code: '6.4.1', description: '知悉范围限定为配方工程师和车间主任两人', status: 'in_place' },
        { code: '11.1.1', description: '研发服务器按最小权限开通访问，访问日志保留三年', status: 'planned' },
      ],
    },
    {
      name: '九朝贡胶熬制工艺参数',
      category: 'process',
      level: 'core',
      protectedUntil: null,
      department: '生产部',
      status: 'confirmed',
      content:
        '九朝贡胶熬制的化皮、打沫、挂旗、吊猴各工序温度曲线与时长窗口，以及冬至取水的水质控制指标和出胶率控制点。',
      value: '工艺参数决定成品胶块的透明度与出胶率，出胶率比行业平均高约 6%。',
      knowers: ['wang', 'sun', 'zhou'],
      carriers: [{ kind: 'paper', label: '工艺卡（车间版）', location: '熬胶车间主任办公室保险柜', custodian: 'wang' }],
      measures: [{ code: '10.1.1', description: '熬胶车间划为涉密区域，门禁刷卡进入', status: 'in_place' }],
    },
    {
      name: '驴皮供应商名录及采购价格',
      category: 'supply',
      level: 'important',
      protectedUntil: '2028-12-31',
      department: '采购部',
      status: 'confirmed',
      content: '国内外 37 家驴皮供应商的联系人、年供应量、分级收购价和质量评级，以及 2026 年度框架协议价。',
      value: '稳定的优质驴皮来源是原料成本和品质的关键。',
      knowers: ['chen', 'zhao'],
      carriers: [
        { kind: 'electronic', label: '供应商台账（ERP）', location: 'ERP 采购模块，按角色授权', custodian: 'chen' },
      ],
      measures: [{ code: '11.1.1', description: 'ERP 采购模块按角色授权，导出需审批', status: 'in_place' }],
    },
    {
      name: '全国经销商客户档案',
      category: 'customer',
      level: 'important',
      protectedUntil: '2027-12-31',
      department: '销售部',
      status: 'draft',
      content: '全国 612 家经销商的交易历史、信用额度、返利政策和终端门店分布。',
      value: null,
      knowers: ['liu', 'zhao'],
      carriers: [],
      measures: [],
    },
    {
      name: '2027 年度营销方案',
      category: 'marketing',
      level: 'general',
      protectedUntil: '2027-06-30',
      department: '销售部',
      status: 'draft',
      content: '2027 年新品上市节奏、渠道投放预算和主要促销节点。',
      value: null,
      knowers: ['liu'],
      carriers: [],
      measures: [],
    },
  ],
  confidentiality: ['li', 'wang', 'zhang', 'liu', 'chen', 'zhao'],
  nonCompete: [
    { person: 'li', months: 24, monthlyYuan: 6000 },
    { person: 'wang', months: 12, monthlyYuan: 5000 },
  ],
  trainings: [
    { person: 'li', on: '2026-03-15', topic: '商业秘密保护基础与保密协议解读', hours: 2 },
    { person: 'wang', on: '2026-03-15', topic: '商业秘密保护基础与保密协议解读', hours: 2 },
    { person: 'chen', on: '2026-05-20', topic: '采购环节的商业秘密风险', hours: 1.5 },
  ],
  offboarding: { person: 'zhou', startedDaysAgo: 10, leavingInDays: 20 },
};

const BEARING: EnterpriseSeed = {
  name: '临清示范轴承有限公司',
  people: [
    { key: 'ma', name: '马振华', department: '技术部', post: '热处理工程师', hireDate: '2011-08-01' },
    { key: 'gao', name: '高敏', department: '营销部', post: '销售总监', hireDate: '2013-02-18' },
  ],
  points: [
    {
      name: '高精度轴承套圈热处理工艺曲线',
      category: 'process',
      level: 'core',
      protectedUntil: null,
      department: '技术部',
      status: 'confirmed',
      content: 'GCr15 套圈淬火、回火的温度—时间曲线、冷却介质配比和残余奥氏体控制参数。',
      value: '使产品寿命达到 L10 ≥ 3 倍额定寿命，是进入主机厂配套的关键。',
      knowers: ['ma'],
      carriers: [{ kind: 'electronic', label: '工艺数据库', location: '技术部 PDM 系统，双因子登录', custodian: 'ma' }],
      measures: [{ code: '11.1.1', description: 'PDM 系统双因子登录', status: 'in_place' }],
    },
    {
      name: '主机厂客户报价体系',
      category: 'pricing',
      level: 'important',
      protectedUntil: '2027-12-31',
      department: '营销部',
      status: 'draft',
      content: '对 12 家主机厂的分级报价公式和年度降价承诺。',
      value: null,
      knowers: ['gao'],
      carriers: [],
      measures: [],
    },
  ],
  confidentiality: ['ma'],
  nonCompete: [],
  trainings: [],
};

const cstToday = (): string => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
const shift = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function seedEnterprise(db: Kysely<DB>, spec: EnterpriseSeed): Promise<void> {
  const enterprise = await db.selectFrom('enterprises').select('id').where('name', '=', spec.name).executeTakeFirst();
  if (!enterprise) {
    return;
  }
  const enterpriseId = enterprise.id;
  const admin = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select('u.id')
    .where('u.organization_id', '=', enterpriseId)
    .where('r.role', '=', 'enterprise_admin')
    .executeTakeFirst();
  const actorId = admin?.id ?? 'seed';
  const sealer: Sealer = await sealerFor(db, enterpriseId);
  const at = nowIso();
  const today = cstToday();
  const people = new Map<string, string>();
  for (const person of spec.people) {
    const id = newId();
    people.set(person.key, id);
    const user = person.username
      ? await db.selectFrom('users').select('id').where('username', '=', person.username).executeTakeFirst()
      : undefined;
    await db
      .insertInto('personnel')
      .values({
        id,
        enterprise_id: enterpriseId,
        name: person.name,
        department: person.department,
        post: person.post,
        hire_date: person.hireDate,
        status: 'active',
        left_on: null,
        user_id: user?.id ?? null,
        notes_enc: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  const person = (key: string): string => people.get(key) ?? '';
  const year = today.slice(0, 4);
  let n = 0;
  for (const point of spec.points) {
    n += 1;
    const id = newId();
    const seal = (column: string, value: string) =>
      sealer.encrypt(value, { table: 'secret_points', column, rowId: id });
    await db
      .insertInto('secret_points')
      .values({
        id,
        enterprise_id: enterpriseId,
        number: `MD-${year}-${String(n).padStart(4, '0')}`,
        name: point.name,
        category: point.category,
        level_code: point.level,
        protected_until: point.protectedUntil,
        department: point.department,
        status: point.status,
        content_enc: seal('content', point.content),
        value_statement_enc: point.value ? seal('value_statement', point.value) : null,
        notes_enc: null,
        content_chars: [...point.content].length,
        created_by: actorId,
        confirmed_by: point.status === 'confirmed' ? actorId : null,
        confirmed_at: point.status === 'confirmed' ? at : null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    for (const key of point.knowers) {
      await db
        .insertInto('secret_point_personnel')
        .values({ secret_point_id: id, personnel_id: person(key), added_at: at })
        .execute();
    }
    for (const carrier of point.carriers) {
      const carrierId = newId();
      await db
        .insertInto('secret_carriers')
        .values({
          id: carrierId,
          secret_point_id: id,
          enterprise_id: enterpriseId,
          kind: carrier.kind,
          label: carrier.label,
          location_enc: sealer.encrypt(carrier.location, {
            table: 'secret_carriers',
            column: 'location',
            rowId: carrierId,
          }),
          custodian_personnel_id: carrier.custodian ? person(carrier.custodian) : null,
          status: 'held',
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    for (const measure of point.measures) {
      const measureId = newId();
      await db
        .insertInto('secret_measures')
        .values({
          id: measureId,
          secret_point_id: id,
          enterprise_id: enterpriseId,
          requirement_code: measure.code,
          description_enc: sealer.encrypt(measure.description, {
            table: 'secret_measures',
            column: 'description',
            rowId: measureId,
          }),
          status: measure.status,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    const kinds = point.status === 'confirmed' ? ['created', 'confirmed'] : ['created'];
    for (const kind of kinds) {
      await db
        .insertInto('secret_events')
        .values({
          id: newId(),
          secret_point_id: id,
          enterprise_id: enterpriseId,
          kind,
          occurred_on: today,
          note_enc: null,
          actor_id: actorId,
          created_at: at,
        })
        .execute();
    }
  }
  for (const key of spec.confidentiality) {
    const hire = spec.people.find((p) => p.key === key)?.hireDate ?? today;
    await db
      .insertInto('agreements')
      .values({
        id: newId(),
        enterprise_id: enterpriseId,
        personnel_id: person(key),
        kind: 'confidentiality',
        signed_on: hire,
        effective_from: hire,
        effective_until: null,
        restricted_months: null,
        monthly_compensation_fen: null,
        document_name: null,
        document_mime: null,
        document_size: null,
        document_key: null,
        status: 'active',
        created_by: actorId,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  for (const nc of spec.nonCompete) {
    const hire = spec.people.find((p) => p.key === nc.person)?.hireDate ?? today;
    await db
      .insertInto('agreements')
      .values({
        id: newId(),
        enterprise_id: enterpriseId,
        personnel_id: person(nc.person),
        kind: 'non_compete',
        signed_on: hire,
        effective_from: hire,
        effective_until: null,
        restricted_months: nc.months,
        monthly_compensation_fen: nc.monthlyYuan * 100,
        document_name: null,
        document_mime: null,
        document_size: null,
        document_key: null,
        status: 'active',
        created_by: actorId,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  for (const t of spec.trainings) {
    await db
      .insertInto('personnel_trainings')
      .values({
        id: newId(),
        personnel_id: person(t.person),
        enterprise_id: enterpriseId,
        trained_on: t.on,
        topic: t.topic,
        hours_tenths: Math.round(t.hours * 10),
        created_by: actorId,
        created_at: at,
      })
      .execute();
  }
  if (spec.offboarding) {
    const started = shift(today, -spec.offboarding.startedDaysAgo);
    const id = newId();
    await db
      .insertInto('offboardings')
      .values({
        id,
        enterprise_id: enterpriseId,
        personnel_id: person(spec.offboarding.person),
        leaving_on: shift(today, spec.offboarding.leavingInDays),
        declassification_until: shift(today, spec.offboarding.leavingInDays - 1),
        high_risk: 1,
        non_compete_agreement_id: null,
        status: 'open',
        created_by: actorId,
        created_at: new Date(Date.now() - spec.offboarding.startedDaysAgo * 86400_000).toISOString(),
        completed_at: null,
      })
      .execute();
    const due = {
      carriers_returned: 0,
      access_revoked: 0,
      exit_interview: 3,
      reminder_letter: 3,
      non_compete_activated: 30,
    };
    for (const [step, days] of Object.entries(due)) {
      await db
        .insertInto('offboarding_steps')
        .values({
          offboarding_id: id,
          step,
          due_on: shift(started, days),
          done_at: step === 'access_revoked' ? at : null,
          done_by: step === 'access_revoked' ? actorId : null,
          note_enc: null,
          reminded_at: null,
        })
        .execute();
    }
    await db
      .updateTable('personnel')
      .set({ status: 'leaving' })
      .where('id', '=', person(spec.offboarding.person))
      .execute();
  }
}

/** Demo secret register for the demo enterprises (called at the end of seedDemo). */
export async function seedSecretsDemo(db: Kysely<DB>): Promise<void> {
  try {
    currentMasterKey();
  } catch {
    // `shangmi seed` outside a server: demo data gets the data directory's key (made if missing).
    installMasterKey(resolveMasterKey(loadConfig().dataDir, { demo: true }));
  }
  await db.transaction().execute(async (trx) => {
    await seedEnterprise(trx, EJIAO);
    await seedEnterprise(trx, BEARING);
  });
}
