/**
 * Liaocheng's default configuration, from the plan (聊政办字〔2023〕23号) and domain.md. Another city
 * loads its own regions and departments the same way; nothing here is referred to by code elsewhere.
 */
export interface RegionSeed {
  code: string;
  name: string;
  kind: 'city' | 'district' | 'county' | 'county_city' | 'dev_zone' | 'town';
  children?: RegionSeed[];
}

export const LIAOCHENG: RegionSeed = {
  code: '371500',
  name: '聊城市',
  kind: 'city',
  children: [
    {
      code: '371502',
      name: '东昌府区',
      kind: 'district',
      children: [
        { code: '371502001', name: '古楼街道', kind: 'town' },
        { code: '371502002', name: '柳园街道', kind: 'town' },
      ],
    },
    {
      code: '371503',
      name: '茌平区',
      kind: 'district',
      children: [
        { code: '371503001', name: '振兴街道', kind: 'town' },
        { code: '371503002', name: '信发街道', kind: 'town' },
      ],
    },
    {
      code: '371581',
      name: '临清市',
      kind: 'county_city',
      children: [
        { code: '371581001', name: '新华路街道', kind: 'town' },
        { code: '371581101', name: '烟店镇', kind: 'town' },
      ],
    },
    {
      code: '371521',
      name: '阳谷县',
      kind: 'county',
      children: [{ code: '371521001', name: '博济桥街道', kind: 'town' }],
    },
    { code: '371522', name: '莘县', kind: 'county', children: [{ code: '371522001', name: '燕塔街道', kind: 'town' }] },
    {
      code: '371524',
      name: '东阿县',
      kind: 'county',
      children: [
        { code: '371524001', name: '铜城街道', kind: 'town' },
        { code: '371524002', name: '新城街道', kind: 'town' },
        { code: '371524900', name: '东阿县经济开发区', kind: 'dev_zone' },
      ],
    },
    { code: '371525', name: '冠县', kind: 'county', children: [{ code: '371525001', name: '清泉街道', kind: 'town' }] },
    {
      code: '371526',
      name: '高唐县',
      kind: 'county',
      children: [{ code: '371526001', name: '鱼丘湖街道', kind: 'town' }],
    },
    // The three city development zones have no national division code; these codes are local.
    { code: '371571', name: '聊城经济技术开发区', kind: 'dev_zone' },
    { code: '371572', name: '聊城高新技术产业开发区', kind: 'dev_zone' },
    { code: '371573', name: '江北水城旅游度假区', kind: 'dev_zone' },
  ],
};

/** The plan's responsible units (重点任务 责任单位) and the task force's member units (附件). */
export const CITY_DEPARTMENTS: readonly string[] = [
  '市市场监管局',
  '市委宣传部',
  '市中级人民法院',
  '市检察院',
  '市发展改革委',
  '市工业和信息化局',
  '市科技局',
  '市公安局',
  '市民政局',
  '市司法局',
  '市人力资源社会保障局',
  '市农业农村局',
  '市商务局',
  '市乡村振兴局',
  '市非公有制企业服务中心',
  '市服务业发展服务中心',
  '市公共就业和人才服务中心',
  '市新闻传媒中心',
  '市政府办公室',
];

/** The government of a county-level region, or the management committee of a development zone. */
export function countyGovernmentName(region: RegionSeed): string {
  return region.kind === 'dev_zone' ? `${region.name}管委会` : `${region.name}人民政府`;
}
