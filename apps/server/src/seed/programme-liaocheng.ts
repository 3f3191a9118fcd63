import type { ProgrammeDocument } from '../modules/programme/programme.document';

/** Suggested split per county-level region: [code, bases, stations, demonstration enterprises, conforming]. */
const SPLIT: readonly [string, number, number, number, number][] = [
  ['371502', 1, 12, 7, 120],
  ['371503', 1, 10, 6, 100],
  ['371581', 1, 10, 6, 100],
  ['371521', 1, 9, 5, 90],
  ['371522', 1, 9, 5, 90],
  ['371524', 2, 12, 8, 120],
  ['371525', 1, 9, 5, 90],
  ['371526', 1, 9, 5, 90],
  ['371571', 1, 8, 5, 80],
  ['371572', 0, 8, 5, 80],
  ['371573', 0, 4, 3, 40],
];

function allocations(): NonNullable<ProgrammeDocument['allocations']> {
  return SPLIT.flatMap(([regionCode, base, station, enterprise, conforming]) => [
    { regionCode, kind: 'base' as const, target: base },
    { regionCode, kind: 'station' as const, target: station },
    { regionCode, kind: 'enterprise' as const, target: enterprise },
    { regionCode, kind: 'conforming' as const, target: conforming },
  ]);
}

/**
 * 聊城市争创省级商业秘密保护创新试点工作方案（2023—2025年）, 聊政办字〔2023〕23号, as data. The texts are
 * the seed document's, word for word (tasks without their 责任单位 note, which becomes the units; the lead
 * first, as the plan lists them). Phases' deliverables are the plan's own items, listed.
 */
export const LIAOCHENG_PROGRAMME: ProgrammeDocument = {
  format: 'shangmi.programme',
  version: 1,
  title: '聊城市争创省级商业秘密保护创新试点工作方案（2023—2025年）',
  documentNumber: '聊政办字〔2023〕23号',
  issuingBody: '聊城市人民政府办公室',
  issuedOn: '2023-09-19',
  periodStart: '2023-09-19',
  periodEnd: '2025-12-31',
  regionCode: '371500',
  guidingPrinciples:
    '坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，全面落实党中央、国务院关于加强商业秘密保护工作的决策部署和省委、省政府工作要求，扩量提质，优化产业体系，创新驱动，塑强发展动能，统筹谋划、大胆创新，进一步规范竞争秩序，优化营商环境，全力打造商业秘密保护创新“聊城模式”，推动经济社会高质量发展，为新时代社会主义现代化强市建设提供有力支撑。',
  goals:
    '围绕服务我市新旧动能转换和九大产业集群创新发展、高质量发展要求，聚焦知识密集型、技术密集型、创新型企业集聚的重点行业和领域，积极探索实践。到2025年，在全市打造市级商业秘密保护示范基地10个、示范指导站（点）100个、示范企业60家、贯标企业1000家，形成符合产业发展特色的商业秘密保护“聊城模式”；健全商业秘密保护规则体系和工作机制，企业主体意识全面提升、保护实效突出，形成“政府推动、企业参与、多方联动、社会共治”的商业秘密保护工作格局，成为高标准建设、高水平保护、高品质服务的省级商业秘密保护创新试点，争创全国商业秘密保护创新试点，护航企业创新创造，更好服务我市经济社会高质量发展。',
  targets: [
    { kind: 'base', target: 10 },
    { kind: 'station', target: 100 },
    { kind: 'enterprise', target: 60 },
    { kind: 'conforming', target: 1000 },
  ],
  milestones: [
    {
      due: '2023-12-31',
      title: '2023年年底',
      targets: [
        { kind: 'base', target: 3 },
        { kind: 'station', target: 30 },
        { kind: 'enterprise', target: 15 },
      ],
    },
    {
      due: '2024-12-31',
      title: '2024年年底',
      targets: [
        { kind: 'base', target: 6 },
        { kind: 'station', target: 60 },
        { kind: 'enterprise', target: 35 },
        { kind: 'conforming', target: 500 },
      ],
    },
    {
      due: '2025-09-30',
      title: '2025年9月',
      targets: [
        { kind: 'base', target: 10 },
        { kind: 'station', target: 100 },
        { kind: 'enterprise', target: 60 },
        { kind: 'conforming', target: 1000 },
      ],
    },
  ],
  tasks: [
    {
      title: '强化制度机制创新，形成聊城特色商业秘密保护体系',
      content:
        '分行业、分类型精准施策，推广应用《聊城市阿胶企业商业秘密保护工作指引》《聊城市化工企业商业秘密保护工作指引》，起草制定《聊城市商业秘密保护管理和服务规范》地方标准，对全市涉及商业秘密领域的企业进行贯标，推动重点企业建立符合标准、特色鲜明的商业秘密保护制度，明确自身秘点和密级，夯实全过程保密管理和自我保护。',
      units: [
        { name: '市市场监管局', role: 'lead' },
        { name: '各县〔市、区〕人民政府、市属开发区管委会', role: 'cooperating' },
      ],
    },
    {
      title: '发挥行业龙头作用，打造一批商业秘密保护示范基地',
      content:
        '以我市重点支柱产业和特色产业的龙头企业、贯标企业、领军企业、制造业单项冠军企业、专精特新企业、瞪羚企业为重点，梯次打造标杆示范企业，指导示范企业将商业秘密纳入企业整体发展战略，科学谋划企业知识产权布局，提升企业自我保护能力。督促示范企业带头恪守商业道德，守法诚信经营，引领带动区域、行业竞争生态净化和经济整体竞争力持续提升。制定出台《聊城市商业秘密保护示范基地、示范指导站、示范企业建设指南（试行）》，围绕县域重点产业布局和企业需求，在东阿县经济开发区、临清市烟店镇、茌平区信发集团等我市行业特色显著、企业商业秘密保护意识较强的企业聚集园区和重点企业，及行业协会、各类产业园区等重点领域，建设一批组织机构完整、人员配备专业、基础保障得力、制度建设完善、典型示范突出的商业秘密保护基地。',
      units: [
        { name: '市市场监管局', role: 'lead' },
        { name: '各县〔市、区〕人民政府、市属开发区管委会', role: 'cooperating' },
      ],
    },
    {
      title: '畅通便捷服务渠道，完善商业秘密保护服务保障体系',
      content:
        '广泛借助知识产权维权援助机构、第三方服务机构现有布局，提供商业秘密保护专业咨询服务。充分发挥市场监管所、乡镇（街道）、社区服务中心等贴近企业、服务群众职能，建立商业秘密保护服务站（点），受理侵权投诉材料，开展常态化政策法规宣讲解读。加强与高等院校、科研院所、律师事务所合作，充分发挥专家学者、律师等在商业秘密保护领域的决策咨询、技术支撑作用，组建多领域、高层次、高水平的商业秘密保护智库，开展商业秘密保护理论与实务研究，为商业秘密行政保护、司法保护和企业维权提供理论支撑。逐步构建政府引导、多元参与、互联共享的商业秘密保护服务保障体系。',
      units: [
        { name: '市市场监管局', role: 'lead' },
        { name: '市工业和信息化局', role: 'cooperating' },
        { name: '市发展改革委', role: 'cooperating' },
        { name: '市公安局', role: 'cooperating' },
        { name: '市中级人民法院', role: 'cooperating' },
        { name: '市检察院', role: 'cooperating' },
        { name: '各县〔市、区〕人民政府、市属开发区管委会', role: 'cooperating' },
      ],
    },
    {
      title: '建立完善工作机制，整合商业秘密保护资源力量',
      content:
        '建立“1+2+4”的商业秘密保护“聊城模式”，即依托市政府知识产权战略实施工作领导小组一个议事协调机构，充分发挥行业协会和第三方机构两个条线职能作用，促进行政保护、刑事保护、民事保护及行业保护的衔接运行，从行政、民事、刑事、行业四个方面全方位服务企业。为全市企业的商业秘密保护提供法律咨询、普法宣传、法律培训、协议起草等专业化服务，共同推进全市商业秘密保护工作。严查商业秘密侵权违法行为，完善商业秘密执法办案流程，建立全市商业秘密保护互动机制，加强“部门间横向+系统内纵向”联动执法，形成立案协助、证据互认、维权联动、信息共享、案情会商等协作机制，破解执法难、举证难、维权难的执法办案难点问题，增强执法办案的规范性，提高执法办案和维护企业合法权益的针对性、有效性。定期发布商业秘密侵权典型案例，推动形成“强保护、强监管、强打击”的商业秘密保护高压执法态势，增强企业自我保护、合规经营的意识。',
      units: [
        { name: '市市场监管局', role: 'lead' },
        { name: '市工业和信息化局', role: 'cooperating' },
        { name: '市科技局', role: 'cooperating' },
        { name: '市农业农村局', role: 'cooperating' },
        { name: '市公安局', role: 'cooperating' },
        { name: '市司法局', role: 'cooperating' },
        { name: '市中级人民法院', role: 'cooperating' },
        { name: '市检察院', role: 'cooperating' },
      ],
    },
    {
      title: '积极发挥协会作用，促进商业秘密保护社会共治',
      content:
        '充分促进并发挥行业协会（商会）和企业家协会等组织的职能多元化作用，加强协会（商会）第三方服务供给，积极建设商业秘密保护基地、指导站（点），成立行业商业秘密保护自律联盟，在省阿胶行业协会的带领下，指导企业制定阿胶企业商业秘密保护工作团体标准。探索开展行业商业秘密保护风险评估、争议调解、诉调对接等工作，为构建公平竞争环境提供有力支撑。',
      units: [
        { name: '市市场监管局', role: 'lead' },
        { name: '市工业和信息化局', role: 'cooperating' },
        { name: '市民政局', role: 'cooperating' },
        { name: '市司法局', role: 'cooperating' },
        { name: '市农业农村局', role: 'cooperating' },
        { name: '市商务局', role: 'cooperating' },
        { name: '市中级人民法院', role: 'cooperating' },
      ],
    },
    {
      title: '加强涉外维权援助，提升商业秘密保护国际化水平',
      content:
        '充分调研我市企业对外贸易情况，结合企业“引进来、走出去”需求，依托高等院校、科研院所及律师事务所等资源优势，建立我市企业在日韩及欧美等国家和地区的海外维权案例数据库，加强案例分析研究，帮助企业在国际贸易中科学防范商业秘密纠纷风险，助力构建我市外贸企业安全发展保护屏障。',
      units: [
        { name: '市商务局', role: 'lead' },
        { name: '市公安局', role: 'cooperating' },
        { name: '市农业农村局', role: 'cooperating' },
        { name: '市市场监管局', role: 'cooperating' },
        { name: '市中级人民法院', role: 'cooperating' },
      ],
    },
    {
      title: '广泛开展宣传培训，提升商业秘密保护意识和能力',
      content:
        '以营造全社会重视商业秘密保护的良好氛围为出发点，广泛利用各种工作平台、渠道及各类媒体，采用丰富多彩、生动活泼的形式，对商业秘密执法活动进行宣传报道，对典型案例进行曝光，广泛深入开展商业秘密知识宣传，普及商业秘密保护知识，凝聚社会共识，形成保护商业秘密、尊崇商业道德的良好氛围。针对不同行业商业秘密保护存在的问题和短板，通过开展系列座谈培训、学习交流、案例分析活动，提升企业的认知水平和员工护密维权意识，帮助企业培养一批商业秘密保护业务精专的管理人员。针对商业秘密保护专业性、技术性、复杂性特点，加强行政执法与司法保护工作人员相关能力培训，聚焦普遍性、趋势性、焦点性问题，开展交流研讨，共商解决办法和途径。',
      units: [
        { name: '市委宣传部', role: 'lead' },
        { name: '市工业和信息化局', role: 'cooperating' },
        { name: '市公安局', role: 'cooperating' },
        { name: '市人力资源社会保障局', role: 'cooperating' },
        { name: '市农业农村局', role: 'cooperating' },
        { name: '市商务局', role: 'cooperating' },
        { name: '市市场监管局', role: 'cooperating' },
        { name: '市中级人民法院', role: 'cooperating' },
        { name: '市新闻传媒中心', role: 'cooperating' },
      ],
    },
  ],
  phases: [
    {
      title: '找准问题症结，推进工作落实',
      startOn: '2023-09-19',
      endOn: '2023-12-31',
      content:
        '采取问卷调查、听取汇报、座谈交流等形式，了解全市各类企业商业秘密保护现状，特别是全市制造业单项冠军、专精特新企业、瞪羚企业等商业秘密数、专利数、保密协议签约率、竞业限制协议签约率、保护制度建立率等基本情况，分析研究商业秘密保护中存在的主要问题，了解企业关于进一步加强商业秘密保护的重点需求。在走访调查的基础上，评估商业秘密保护风险，分析各行业商业秘密保护现状，并提出具体意见建议，探索研究商业秘密保护的长效机制。到2023年年底，计划建成市级商业秘密保护示范基地3个、示范指导站（点）30个、示范企业15家。',
      deliverables: [
        '全市企业商业秘密保护现状调查（问卷调查、听取汇报、座谈交流）',
        '商业秘密保护风险评估及具体意见建议',
        '市级商业秘密保护示范基地3个、示范指导站（点）30个、示范企业15家',
      ],
    },
    {
      title: '发挥各方力量，落实创建任务',
      startOn: '2024-01-01',
      endOn: '2024-12-31',
      content:
        '大力宣传贯彻和推广应用工作指引、市级地方标准，遴选样板企业，开展重点领域商业秘密保护示范企业建设。到2024年年底，计划累计建成市级商业秘密保护示范基地6个、示范指导站（点）60个、示范企业35家、贯标企业500家，在重点领域初步形成示范效应。',
      deliverables: [
        '工作指引、市级地方标准宣传贯彻和推广应用',
        '遴选样板企业，开展重点领域示范企业建设',
        '累计示范基地6个、示范指导站（点）60个、示范企业35家、贯标企业500家',
      ],
    },
    {
      title: '推广试点经验，争创全国试点',
      startOn: '2025-01-01',
      endOn: '2025-12-31',
      content:
        '对《聊城市商业秘密保护管理和服务规范》贯彻落实情况进行常态化管理。在全市企业中推广试点经验，到2025年9月，计划累计建成商业秘密保护示范基地10个、示范指导站（点）100个、示范企业60家、贯标企业1000家，进一步扩大示范效应。到2025年12月，“政府推动、企业参与、多方联动、社会共治”的商业秘密保护工作格局基本形成，成功创建省级商业秘密保护创新试点，争创全国商业秘密保护创新试点。',
      deliverables: [
        '《聊城市商业秘密保护管理和服务规范》常态化管理',
        '到2025年9月累计示范基地10个、示范指导站（点）100个、示范企业60家、贯标企业1000家',
        '到2025年12月成功创建省级商业秘密保护创新试点，争创全国商业秘密保护创新试点',
      ],
    },
  ],
  safeguards: [
    {
      title: '加强组织领导',
      content:
        '成立聊城市争创省级商业秘密保护创新试点工作专班，在市政府知识产权战略实施工作领导小组统筹协调下开展省级商业秘密保护创新试点创建工作，按照创新试点总体要求，及时研究部署，精心组织实施，确保各项工作有序推进。各县（市、区）、市属开发区要切实将争创省级商业秘密保护创新试点工作摆上重要议事日程，制定具体实施方案，做好组织发动，细化目标任务，切实抓实抓好。',
    },
    {
      title: '强化要素保障',
      content:
        '各县（市、区）、市属开发区要加大人、财、物等方面的投入，确保各项资源有效供给；要结合实际，研究出台商业秘密保护财政保障等支持政策，有效持续推进辖区内商业秘密保护创新试点工作。市有关部门要结合管理职能，探索制定各行业各领域促进商业秘密保护创新政策措施，推动企业不断提升商业秘密保护效能。',
    },
    {
      title: '突出考核评价',
      content:
        '建立健全商业秘密保护创新试点工作督查、评价和考核机制，实行动态管理，确保各项工作有抓手、易落地、可评判。不断完善商业秘密保护创新试点建设指标体系，着重强化对商业秘密保护示范基地、示范指导站（点）、示范企业建设和工作创新等方面的指标考核，细化责任清单，明确时间节点，确保各项目标任务全面完成。及时总结好经验好做法，加大宣传推广力度，加快形成成效明显的商业秘密保护工作新模式。',
    },
  ],
  taskForce: {
    members: [
      { role: 'convener', name: '张建军', post: '副市长', organization: '市政府' },
      { role: 'deputy_convener', name: '刘延勇', post: '副秘书长', organization: '市政府' },
      { role: 'deputy_convener', name: '陈玉国', post: '党组书记', organization: '市市场监管局' },
      { role: 'member', name: '王亚男', post: '副部长、网信办主任，市新闻办主任', organization: '市委宣传部' },
      { role: 'member', name: '杨璐', post: '副院长', organization: '市中级人民法院' },
      { role: 'member', name: '姜澜', post: '三级高级检察官', organization: '市检察院' },
      { role: 'member', name: '申磊', post: '副局长', organization: '市市场监管局' },
      { role: 'member', name: '袁余成', post: '副局长', organization: '市科技局' },
      { role: 'member', name: '王峰', post: '副局长', organization: '市公安局' },
      { role: 'member', name: '刘强', post: '副局长', organization: '市民政局' },
      { role: 'member', name: '张冰', post: '副局长', organization: '市司法局' },
      { role: 'member', name: '王凌峰', post: '副局长', organization: '市商务局' },
      { role: 'member', name: '陈鸿雁', post: '副局长', organization: '市乡村振兴局' },
      { role: 'member', name: '魏祎', post: '主任', organization: '市非公有制企业服务中心' },
      { role: 'member', name: '于晓博', post: '副主任', organization: '市服务业发展服务中心' },
      { role: 'member', name: '蒋玉勤', post: '副主任', organization: '市公共就业和人才服务中心' },
      { role: 'member', name: '张晨', post: '副主任', organization: '市新闻传媒中心' },
    ],
    office: { organization: '市市场监管局', director: '申磊' },
  },
  // Not in the plan: a suggested split the city admin adjusts (it adds up to each city target).
  allocations: allocations(),
  indicators: [
    {
      code: 'A',
      name: '示范创建',
      weight: 50,
      description: '保障措施（三）：着重强化对示范基地、示范指导站（点）、示范企业建设的指标考核',
      children: [
        { code: 'A1', name: '示范基地建设', weight: 15, method: 'auto', source: 'designation_base' },
        { code: 'A2', name: '示范指导站（点）建设', weight: 20, method: 'auto', source: 'designation_station' },
        { code: 'A3', name: '示范企业建设', weight: 15, method: 'auto', source: 'designation_enterprise' },
      ],
    },
    {
      code: 'B',
      name: '贯标工作',
      weight: 20,
      children: [{ code: 'B1', name: '贯标企业数量', weight: 20, method: 'auto', source: 'conforming' }],
    },
    {
      code: 'C',
      name: '责任落实',
      weight: 15,
      children: [{ code: 'C1', name: '责任清单事项按期完成', weight: 15, method: 'auto', source: 'workitems_on_time' }],
    },
    {
      code: 'D',
      name: '服务与宣传',
      weight: 15,
      children: [
        {
          code: 'D1',
          name: '侵权投诉按时办结',
          weight: 8,
          method: 'manual',
          description: '投诉受理模块上线前，由考核人员依据办结台账人工评分并附佐证',
        },
        {
          code: 'D2',
          name: '宣传培训开展情况',
          weight: 7,
          method: 'manual',
          description: '培训模块上线前，由考核人员依据培训记录人工评分并附佐证',
        },
      ],
    },
  ],
};
