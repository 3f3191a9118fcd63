import { DEFAULT_INDUSTRIES, ENTERPRISE_SIZES, HONOURS, USCC_ALPHABET, usccCheckCharacter } from '@shangmi/shared';
import type { EnterpriseInput } from '../modules/enterprises/index';

/** A small deterministic PRNG (mulberry32): the same seed gives the same data set on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Trade names; a name is 「（模拟）」 + place or trade name + a word of its industry + a legal form. */
const TRADE_NAMES = [
  '鲁西',
  '水城',
  '运河',
  '凤凰',
  '金鼎',
  '华信',
  '鸿源',
  '泰和',
  '瑞丰',
  '恒通',
  '宏达',
  '嘉诚',
  '博远',
  '光岳',
];
const PLACE_NAMES: Record<string, string> = {
  '371502': '东昌',
  '371503': '茌平',
  '371581': '临清',
  '371521': '阳谷',
  '371522': '莘州',
  '371524': '东阿',
  '371525': '冠州',
  '371526': '高唐',
  '371571': '聊城',
  '371572': '高新',
  '371573': '江北',
};
const INDUSTRY_WORDS: Record<string, readonly string[]> = {
  ejiao_tcm: ['阿胶', '中药', '胶业'],
  chemical: ['化工', '化学', '精细化工'],
  bearing: ['轴承', '精密轴承', '精工'],
  nonferrous: ['有色', '铝业', '铜业'],
  steel_pipe: ['钢管', '管业', '无缝钢管'],
  auto_parts: ['汽配', '汽车部件', '车桥'],
  agri_processing: ['食品', '农产品', '面业'],
  textile: ['纺织', '棉业', '服饰'],
  equipment: ['装备', '机械', '重工'],
  new_materials: ['新材料', '新材', '复合材料'],
  biomedicine: ['生物', '医药', '制药'],
  electronics: ['电子', '科技', '智能'],
};
const SUFFIXES = ['有限公司', '股份有限公司', '集团有限公司', '科技有限公司'];
const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马', '朱', '胡'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞'];

/** A valid USCC made from a region code and a serial number, unique per serial. */
export function syntheticUscc(regionCode: string, serial: number): string {
  const regionDigits = regionCode.slice(0, 6).padEnd(6, '0');
  let body = '';
  let n = serial;
  for (let i = 0; i < 9; i += 1) {
    body = USCC_ALPHABET.charAt(n % 31) + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91${regionDigits}${body}`;
  return first17 + usccCheckCharacter(first17);
}

export interface SyntheticRegion {
  id: string;
  code: string;
  name: string;
}

/** N synthetic enterprises spread over the given regions and the seeded industries; names say 模拟. */
export function syntheticEnterprises(
  count: number,
  regions: SyntheticRegion[],
  seed = 20231919,
  serialStart = 1,
): EnterpriseInput[] {
  const random = prng(seed);
  const result: EnterpriseInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const region = pick(random, regions);
    const industry = pick(random, DEFAULT_INDUSTRIES);
    const serial = serialStart + i;
    const honours = HONOURS.filter(() => random() < 0.08);
    result.push({
      name: `（模拟）${random() < 0.5 ? (PLACE_NAMES[region.code] ?? '聊城') : pick(random, TRADE_NAMES)}${pick(random, INDUSTRY_WORDS[industry.code] ?? ['实业'])}${pick(random, SUFFIXES).replace('有限公司', `${serial}号有限公司`)}`,
      uscc: syntheticUscc(region.code, serial),
      regionId: region.id,
      address: `山东省${region.name}模拟路${1 + Math.floor(random() * 300)}号`,
      industry: industry.code,
      size: pick(random, ENTERPRISE_SIZES),
      honours,
      legalRepresentative: pick(random, SURNAMES) + pick(random, GIVEN),
      contactName: pick(random, SURNAMES) + pick(random, GIVEN) + pick(random, GIVEN),
      contactPhone: `0635-${String(8000000 + Math.floor(random() * 999999)).slice(0, 7)}`,
      contactEmail: null,
      employees: 10 + Math.floor(random() * 3000),
    });
  }
  return result;
}
