import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { secretSummary, signingRates } from '../secrets/index';
import * as repo from './designations.repo';

/** What the records say about one criterion, captured into the application when it is made. */
export interface Fact {
  met: boolean | null;
  summary: string;
  details: { label: string; value: string }[];
}

/** Reads the enterprise-side figures a criterion's auto source names (null when nothing is recorded). */
export type FactSource = (db: Kysely<DB>, enterpriseId: string, date: string) => Promise<Fact | null>;

const certificateFact: FactSource = async (db, enterpriseId, date) => {
  const certificate = await repo.validCertificateOf(db, enterpriseId, date);
  if (!certificate) {
    return { met: false, summary: '平台内没有该企业有效的贯标证书', details: [] };
  }
  return {
    met: true,
    summary: `持有有效贯标证书 ${certificate.number}`,
    details: [
      { label: '证书编号', value: certificate.number },
      { label: '有效期', value: `${certificate.valid_from} 至 ${certificate.valid_until}` },
    ],
  };
};

const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** A maintained register: confirmed secret points exist (figures only; contents never leave the enterprise). */
const registerFact: FactSource = async (db, enterpriseId) => {
  const summary = await secretSummary(db, enterpriseId);
  const confirmed = summary.byStatus.find((s) => s.status === 'confirmed')?.count ?? 0;
  const core = summary.byLevel.filter((l) => l.core).reduce((n, l) => n + l.count, 0);
  return {
    met: confirmed > 0,
    summary: confirmed > 0 ? `商业秘密台账已确认秘点 ${confirmed} 个` : '平台台账中尚无已确认的秘点',
    details: [
      { label: '秘点总数', value: String(summary.totalPoints) },
      { label: '已确认', value: String(confirmed) },
      { label: '核心商密', value: String(core) },
      {
        label: '平均诉讼准备度',
        value: summary.averageReadiness === null ? '—' : `${Math.round(summary.averageReadiness)}`,
      },
    ],
  };
};

/** Agreements signed by those who know the secrets: the plan's two signing rates. */
const agreementsFact: FactSource = async (db, enterpriseId) => {
  const rates = await signingRates(db, enterpriseId);
  const met =
    rates.knowers === 0
      ? null
      : rates.confidentialityRate === 1 && (rates.coreKnowers === 0 || rates.nonCompeteRate === 1);
  return {
    met,
    summary:
      rates.knowers === 0
        ? '台账中尚无知悉秘点的人员，无法计算签约率'
        : `保密协议签约率 ${percent(rates.confidentialityRate)}，竞业限制协议签约率 ${percent(rates.nonCompeteRate)}`,
    details: [
      { label: '知悉秘点人员', value: String(rates.knowers) },
      { label: '已签保密协议', value: String(rates.confidentialitySigned) },
      { label: '知悉核心秘点人员', value: String(rates.coreKnowers) },
      { label: '已签竞业限制协议', value: String(rates.nonCompeteSigned) },
    ],
  };
};

/** Training held in the twelve months before the application. */
const trainingFact: FactSource = async (db, enterpriseId, date) => {
  const since = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
  const t = await repo.trainingSince(db, enterpriseId, since);
  return {
    met: t.sessions > 0,
    summary:
      t.sessions > 0
        ? `近12个月培训 ${t.sessions} 人次，合计 ${(t.hoursTenths / 10).toFixed(1)} 学时`
        : '近12个月平台内没有培训记录',
    details: [
      { label: '统计期间', value: `${since} 至 ${date}` },
      { label: '参训人员', value: String(t.people) },
      { label: '培训人次', value: String(t.sessions) },
      { label: '学时合计', value: (t.hoursTenths / 10).toFixed(1) },
    ],
  };
};

const violationsFact: FactSource = async () => ({
  met: null,
  // The enforcement-case register is a later part of the platform: until it exists, nothing can be read.
  summary: '平台尚未接入执法案件记录，请上传相关证明材料（如信用中国查询结果）',
  details: [],
});

/** Sources of the construction guide's auto-filled criteria (criteria items' `autoSource`). */
const sources = new Map<string, FactSource>([
  ['certificate', certificateFact],
  ['secret_register', registerFact],
  ['agreements', agreementsFact],
  ['training', trainingFact],
  ['violations', violationsFact],
]);

/** The facts for every auto-sourced item of an enterprise's application, keyed by item code. */
export async function enterpriseFacts(
  db: Kysely<DB>,
  enterpriseId: string,
  date: string,
  items: { code: string; autoSource: string | null }[],
): Promise<Map<string, Fact>> {
  const facts = new Map<string, Fact>();
  for (const item of items) {
    const source = item.autoSource ? sources.get(item.autoSource) : undefined;
    if (source) {
      const fact = await source(db, enterpriseId, date);
      if (fact) {
        facts.set(item.code, fact);
      }
    }
  }
  return facts;
}
