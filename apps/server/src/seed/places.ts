import type { CriteriaKind, StationService } from '@shangmi/shared';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import { writeAudit } from '../modules/audit/index';
import { insertBase, replaceEnterprises } from '../modules/bases/index';
import { findByKindVersion, insertVersion, replaceItems, toItemRows } from '../modules/criteria/index';
import { insertOrganization, insertStation, replaceServices, replaceStaff, toMicro } from '../modules/stations/index';

const SEED_TRACE = { actor: null, requestId: 'seed', clientIp: 'local' };
const CRITERIA_VERSION = '2024.1';

interface ItemSeed {
  text: string;
  maxScore: number;
  guidance: string;
  autoSource?: string;
}
interface GroupSeed {
  title: string;
  items: ItemSeed[];
}

/** The construction guide, in the plan's own words (聊政办字〔2023〕23号); each kind totals 100. */
const CRITERIA: Record<CriteriaKind, { prefix: string; groups: GroupSeed[] }> = {
  base: {
    prefix: 'B',
    groups: [
      {
        title: '组织机构完整',
        items: [
          {
            text: '成立商业秘密保护工作领导小组，明确牵头部门和责任人',
            maxScore: 10,
            guidance: '查阅成立文件、人员名单',
          },
          { text: '基地内企业建立商业秘密保护联络机制', maxScore: 10, guidance: '查阅联络员名册和工作记录' },
        ],
      },
      {
        title: '人员配备专业',
        items: [
          {
            text: '配备熟悉商业秘密保护法律和管理的专兼职人员',
            maxScore: 10,
            guidance: '查阅人员名单、资质和培训证明',
          },
          { text: '建立专家智库或与法律、技术服务机构建立合作', maxScore: 10, guidance: '查阅合作协议或专家聘书' },
        ],
      },
      {
        title: '基础保障得力',
        items: [
          { text: '有固定的工作场所和必要的办公设施', maxScore: 10, guidance: '现场查看' },
          { text: '落实工作经费，保障宣传培训和服务活动开展', maxScore: 10, guidance: '查阅经费安排和使用记录' },
        ],
      },
      {
        title: '制度建设完善',
        items: [
          { text: '制定商业秘密保护工作制度、应急处置和维权援助流程', maxScore: 10, guidance: '查阅制度文本' },
          { text: '推动基地内企业开展《商业秘密保护管理规范》贯标', maxScore: 10, guidance: '统计贯标企业数量和证书' },
        ],
      },
      {
        title: '典型示范突出',
        items: [
          {
            text: '培育商业秘密保护示范企业，形成可复制推广的经验做法',
            maxScore: 10,
            guidance: '查阅典型案例和经验材料',
          },
          { text: '基地内近三年未发生重大商业秘密侵权纠纷或妥善处置', maxScore: 10, guidance: '查询执法和司法记录' },
        ],
      },
    ],
  },
  station: {
    prefix: 'S',
    groups: [
      {
        title: '固定办公场所',
        items: [{ text: '有固定的办公场所，便于企业和群众咨询', maxScore: 15, guidance: '现场查看场所和开放时间' }],
      },
      {
        title: '专兼职工作人员、联络员',
        items: [
          { text: '配备专兼职工作人员，熟悉商业秘密保护业务', maxScore: 10, guidance: '查阅人员名单和培训记录' },
          { text: '明确1名联络员，负责与上级部门和企业联络', maxScore: 10, guidance: '查阅联络员任命' },
        ],
      },
      {
        title: '统一标识',
        items: [{ text: '按全市统一样式悬挂服务站（点）标识牌', maxScore: 10, guidance: '现场查看' }],
      },
      {
        title: '服务内容',
        items: [
          { text: '提供商业秘密保护法律咨询', maxScore: 7, guidance: '查阅咨询记录' },
          { text: '开展政策解读和宣传培训', maxScore: 7, guidance: '查阅活动记录' },
          { text: '为企业提供商业秘密保护技术指导', maxScore: 7, guidance: '查阅指导记录' },
          { text: '为权利人提供维权援助', maxScore: 7, guidance: '查阅援助案例' },
          { text: '受理商业秘密侵权投诉举报并及时移交', maxScore: 7, guidance: '查阅受理和移交记录' },
        ],
      },
      {
        title: '服务台账',
        items: [{ text: '建立服务台账，如实记录各项服务情况', maxScore: 20, guidance: '查阅服务台账' }],
      },
    ],
  },
  enterprise: {
    prefix: 'E',
    groups: [
      {
        title: '贯标认证',
        items: [
          {
            text: '持有有效的《商业秘密保护管理规范》贯标证书',
            maxScore: 25,
            guidance: '系统自动核对证书状态',
            autoSource: 'certificate',
          },
        ],
      },
      {
        title: '商业秘密台账',
        items: [
          {
            text: '建立并持续维护商业秘密登记台账',
            maxScore: 20,
            guidance: '核对台账条目和更新时间',
            autoSource: 'secret_register',
          },
        ],
      },
      {
        title: '保密协议',
        items: [
          {
            text: '与涉密员工、合作方签订保密协议和竞业限制协议',
            maxScore: 20,
            guidance: '核对协议签订情况',
            autoSource: 'agreements',
          },
        ],
      },
      {
        title: '教育培训',
        items: [
          {
            text: '定期开展商业秘密保护教育培训',
            maxScore: 15,
            guidance: '核对培训记录和学时',
            autoSource: 'training',
          },
        ],
      },
      {
        title: '合规记录',
        items: [
          {
            text: '近三年无侵犯他人商业秘密等违法违规记录',
            maxScore: 20,
            guidance: '查询执法和司法记录',
            autoSource: 'violations',
          },
        ],
      },
    ],
  },
};

function criteriaGroups(kind: CriteriaKind) {
  const { prefix, groups } = CRITERIA[kind];
  return groups.map((group, g) => ({
    code: `${prefix}${g + 1}`,
    title: group.title,
    items: group.items.map((item, i) => ({
      code: `${prefix}${g + 1}.${i + 1}`,
      text: item.text,
      maxScore: item.maxScore,
      guidance: item.guidance,
      autoSource: item.autoSource ?? null,
    })),
  }));
}

interface StationSeed {
  name: string;
  region: string;
  hostKind: string;
  host?: string;
  lng: number;
  lat: number;
  address: string;
  services: StationService[];
  phone: string;
}

const ALL_SERVICES: StationService[] = [
  'legal_consultation',
  'policy_interpretation',
  'technical_guidance',
  'rights_assistance',
  'complaint_intake',
];
const BASIC_SERVICES: StationService[] = ['legal_consultation', 'policy_interpretation', 'complaint_intake'];

const DEMO_STATIONS: StationSeed[] = [
  {
    name: '东阿县铜城市场监管所商业秘密保护服务站',
    region: '371524',
    hostKind: 'market_supervision_office',
    lng: 116.248,
    lat: 36.335,
    address: '山东省聊城市东阿县铜城街道',
    services: ALL_SERVICES,
    phone: '0635-3200100',
  },
  {
    name: '东阿县经济开发区商业秘密保护服务点',
    region: '371524900',
    hostKind: 'industrial_park',
    lng: 116.276,
    lat: 36.316,
    address: '山东省聊城市东阿县经济开发区管委会',
    services: ['legal_consultation', 'technical_guidance', 'rights_assistance'],
    phone: '0635-3200101',
  },
  {
    name: '东阿县阿胶协会商业秘密保护服务点',
    region: '371524',
    hostKind: 'association',
    host: '聊城市阿胶行业协会',
    lng: 116.262,
    lat: 36.341,
    address: '山东省聊城市东阿县阿胶街',
    services: ['policy_interpretation', 'technical_guidance'],
    phone: '0635-3200102',
  },
  {
    name: '临清市新华路市场监管所商业秘密保护服务站',
    region: '371581001',
    hostKind: 'market_supervision_office',
    lng: 115.705,
    lat: 36.842,
    address: '山东省聊城市临清市新华路',
    services: ALL_SERVICES,
    phone: '0635-2300100',
  },
  {
    name: '临清市烟店镇商业秘密保护服务站',
    region: '371581101',
    hostKind: 'township',
    lng: 115.622,
    lat: 36.803,
    address: '山东省聊城市临清市烟店镇政府',
    services: ['legal_consultation', 'technical_guidance', 'complaint_intake'],
    phone: '0635-2300101',
  },
  {
    name: '东昌府区古楼市场监管所商业秘密保护服务站',
    region: '371502001',
    hostKind: 'market_supervision_office',
    lng: 115.985,
    lat: 36.455,
    address: '山东省聊城市东昌府区古楼街道',
    services: ALL_SERVICES,
    phone: '0635-8200100',
  },
  {
    name: '东昌府区柳园社区商业秘密保护服务点',
    region: '371502002',
    hostKind: 'community_center',
    lng: 115.966,
    lat: 36.47,
    address: '山东省聊城市东昌府区柳园街道社区服务中心',
    services: BASIC_SERVICES,
    phone: '0635-8200101',
  },
  {
    name: '茌平区振兴市场监管所商业秘密保护服务站',
    region: '371503001',
    hostKind: 'market_supervision_office',
    lng: 116.245,
    lat: 36.592,
    address: '山东省聊城市茌平区振兴街道',
    services: ALL_SERVICES,
    phone: '0635-4200100',
  },
  {
    name: '茌平区信发街道商业秘密保护服务站',
    region: '371503002',
    hostKind: 'township',
    lng: 116.258,
    lat: 36.578,
    address: '山东省聊城市茌平区信发街道办事处',
    services: ['legal_consultation', 'technical_guidance', 'rights_assistance'],
    phone: '0635-4200101',
  },
  {
    name: '阳谷县博济桥市场监管所商业秘密保护服务站',
    region: '371521001',
    hostKind: 'market_supervision_office',
    lng: 115.791,
    lat: 36.114,
    address: '山东省聊城市阳谷县博济桥街道',
    services: ALL_SERVICES,
    phone: '0635-6200100',
  },
  {
    name: '莘县燕塔市场监管所商业秘密保护服务站',
    region: '371522001',
    hostKind: 'market_supervision_office',
    lng: 115.671,
    lat: 36.234,
    address: '山东省聊城市莘县燕塔街道',
    services: BASIC_SERVICES,
    phone: '0635-7200100',
  },
  {
    name: '冠县清泉街道商业秘密保护服务站',
    region: '371525001',
    hostKind: 'township',
    lng: 115.443,
    lat: 36.484,
    address: '山东省聊城市冠县清泉街道办事处',
    services: BASIC_SERVICES,
    phone: '0635-5200100',
  },
  {
    name: '高唐县鱼丘湖市场监管所商业秘密保护服务站',
    region: '371526001',
    hostKind: 'market_supervision_office',
    lng: 116.231,
    lat: 36.852,
    address: '山东省聊城市高唐县鱼丘湖街道',
    services: ALL_SERVICES,
    phone: '0635-3900100',
  },
  {
    name: '聊城经济技术开发区商业秘密保护服务站',
    region: '371571',
    hostKind: 'industrial_park',
    lng: 116.045,
    lat: 36.418,
    address: '山东省聊城市经济技术开发区管委会',
    services: ALL_SERVICES,
    phone: '0635-8100100',
  },
  {
    name: '聊城高新区知识产权服务中心商业秘密保护服务点',
    region: '371572',
    hostKind: 'service_provider',
    host: '聊城大学法学院',
    lng: 116.032,
    lat: 36.488,
    address: '山东省聊城市高新技术产业开发区',
    services: ['legal_consultation', 'technical_guidance', 'rights_assistance'],
    phone: '0635-8100101',
  },
  {
    name: '江北水城旅游度假区商业秘密保护服务点',
    region: '371573',
    hostKind: 'community_center',
    lng: 116.018,
    lat: 36.398,
    address: '山东省聊城市江北水城旅游度假区',
    services: BASIC_SERVICES,
    phone: '0635-8100102',
  },
];

const DEMO_BASES = [
  {
    name: '东阿阿胶产业集群商业秘密保护示范基地',
    region: '371524900',
    hostKind: 'cluster',
    host: '聊城市阿胶行业协会',
    lng: 116.281,
    lat: 36.312,
    address: '山东省聊城市东阿县经济开发区',
    description: '以东阿阿胶产业集群为依托，覆盖阿胶及中医药企业，重点保护传统工艺配方和生产诀窍。',
    county: '371524',
    industries: ['ejiao_tcm', 'biomedicine'],
    named: ['东阿示范阿胶股份有限公司'],
  },
  {
    name: '临清烟店轴承产业集群商业秘密保护示范基地',
    region: '371581101',
    hostKind: 'cluster',
    host: null,
    lng: 115.628,
    lat: 36.798,
    address: '山东省聊城市临清市烟店镇',
    description: '以烟店轴承产业集群为依托，覆盖轴承制造企业，重点保护工艺参数和客户信息。',
    county: '371581',
    industries: ['bearing'],
    named: ['临清示范轴承有限公司'],
  },
  {
    name: '茌平信发有色金属及化工商业秘密保护示范基地',
    region: '371503002',
    hostKind: 'leading_enterprise',
    host: null,
    lng: 116.262,
    lat: 36.571,
    address: '山东省聊城市茌平区信发街道',
    description: '以龙头企业信发集团为牵引，覆盖有色金属、化工上下游企业，重点保护技术秘密和经营信息。',
    county: '371503',
    industries: ['nonferrous', 'chemical'],
    named: [],
  },
] as const;

async function seedCriteria(db: Kysely<DB>) {
  const at = nowIso();
  const kinds = Object.keys(CRITERIA) as CriteriaKind[];
  const missing: CriteriaKind[] = [];
  for (const kind of kinds) {
    if (!(await findByKindVersion(db, kind, CRITERIA_VERSION))) {
      missing.push(kind);
    }
  }
  if (missing.length === 0) {
    return;
  }
  await db.transaction().execute(async (trx) => {
    for (const kind of missing) {
      const id = newId();
      const { rows, total } = toItemRows(id, criteriaGroups(kind));
      await insertVersion(trx, {
        id,
        kind,
        version: CRITERIA_VERSION,
        status: 'published',
        total_score: total,
        published_at: at,
        created_at: at,
        updated_at: at,
      });
      await replaceItems(trx, id, rows);
    }
    await writeAudit(trx, SEED_TRACE, {
      action: 'seed_criteria',
      entityType: 'dataset',
      entityId: `criteria-${CRITERIA_VERSION}`,
      changedFields: missing,
    });
  });
}

async function seedDemoPlaces(db: Kysely<DB>) {
  const existing = await db
    .selectFrom('service_stations')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) {
    return;
  }
  const regions = new Map(
    (await db.selectFrom('regions').select(['id', 'code', 'path']).execute()).map((r) => [r.code, r]),
  );
  const region = (code: string) => {
    const r = regions.get(code);
    if (!r) {
      throw new Error(`region ${code} missing`);
    }
    return r;
  };
  const organizationsByName = new Map(
    (await db.selectFrom('organizations').select(['id', 'name', 'kind']).execute()).map((o) => [o.name, o]),
  );
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    for (const [index, seed] of DEMO_STATIONS.entries()) {
      const regionId = region(seed.region).id;
      const existingOrg = organizationsByName.get(seed.name);
      let id: string;
      if (existingOrg && existingOrg.kind === 'service_station') {
        // The demo station organisation (station.donge's) becomes a station place: same id.
        id = existingOrg.id;
        await trx
          .updateTable('organizations')
          .set({ region_id: regionId, address: seed.address, contact_phone: seed.phone, updated_at: at })
          .where('id', '=', id)
          .execute();
      } else {
        id = newId();
        await insertOrganization(trx, {
          id,
          kind: 'service_station',
          name: seed.name,
          region_id: regionId,
          address: seed.address,
          contact_name: '服务站值班',
          contact_phone: seed.phone,
          contact_email: null,
          status: 'active',
          archived_reason: null,
          created_at: at,
          updated_at: at,
        });
      }
      await insertStation(trx, {
        id,
        name: seed.name,
        region_id: regionId,
        host_kind: seed.hostKind,
        host_organization_id: seed.host ? (organizationsByName.get(seed.host)?.id ?? null) : null,
        longitude_e6: toMicro(seed.lng),
        latitude_e6: toMicro(seed.lat),
        opening_hours: '工作日 8:30-12:00，13:30-17:30',
        demonstration: 0,
        status: 'active',
        archived_reason: null,
        created_at: at,
        updated_at: at,
      });
      await replaceServices(trx, id, seed.services);
      await replaceStaff(trx, id, [
        {
          name: `联络员${index + 1}`,
          role: '联络员',
          phone: `1390635${String(1000 + index).padStart(4, '0')}`,
          liaison: true,
        },
        {
          name: `工作人员${index + 1}`,
          role: '兼职工作人员',
          phone: `1370635${String(2000 + index).padStart(4, '0')}`,
          liaison: false,
        },
      ]);
    }
    for (const seed of DEMO_BASES) {
      const id = newId();
      await insertBase(trx, {
        id,
        name: seed.name,
        host_kind: seed.hostKind,
        host_organization_id: seed.host ? (organizationsByName.get(seed.host)?.id ?? null) : null,
        region_id: region(seed.region).id,
        address: seed.address,
        longitude_e6: toMicro(seed.lng),
        latitude_e6: toMicro(seed.lat),
        description: seed.description,
        designated: 0,
        status: 'active',
        archived_reason: null,
        created_at: at,
        updated_at: at,
      });
      const named = seed.named.map((name) => organizationsByName.get(name)?.id).filter((v): v is string => !!v);
      const countyPath = region(seed.county).path;
      const inIndustry = await trx
        .selectFrom('enterprises as e')
        .innerJoin('regions as r', 'r.id', 'e.region_id')
        .select('e.id')
        .where('e.industry_code', 'in', [...seed.industries])
        .where('r.path', 'like', `${countyPath}%`)
        .orderBy('e.name')
        .limit(10)
        .execute();
      await replaceEnterprises(trx, id, [...new Set([...named, ...inIndustry.map((e) => e.id)])]);
    }
    await writeAudit(trx, SEED_TRACE, {
      action: 'seed_places',
      entityType: 'dataset',
      entityId: 'demo-places',
      changedFields: ['service_stations', 'demonstration_bases'],
    });
  });
}

/** The construction guide for every install; with `demo`, the demo stations and bases. Idempotent. */
export async function seedPlaces(db: Kysely<DB>, options: { demo?: boolean } = {}): Promise<void> {
  await seedCriteria(db);
  if (options.demo) {
    await seedDemoPlaces(db);
  }
}
