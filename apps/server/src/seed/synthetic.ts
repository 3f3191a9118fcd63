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

const PREFIXES = [
  '聊城',
  '鲁西',
  '东阿',
  '临清',
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
];
const MIDDLES = [
  '阿胶',
  '精工',
  '化学',
  '轴承',
  '有色',
  '钢管',
  '汽配',
  '食品',
  '纺织',
  '装备',
  '新材',
  '生物',
  '电子',
  '科技',
  '实业',
  '制药',
];
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
      name: `（模拟）${pick(random, PREFIXES)}${pick(random, MIDDLES)}${pick(random, SUFFIXES).replace('有限公司', `${serial}号有限公司`)}`,
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
