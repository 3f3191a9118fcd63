import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
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

const violationsFact: FactSource = async () => ({
  met: null,
  // The enforcement-case register is a later part of the platform: until it exists, nothing can be read.
  summary: '平台尚未接入执法案件记录，请上传相关证明材料（如信用中国查询结果）',
  details: [],
});

/**
 * Sources of the construction guide's auto-filled criteria. The secret register's figures (register,
 * agreements, training) are added by `registerFactSource` from that module, so this module does not
 * reach into its tables.
 */
const sources = new Map<string, FactSource>([
  ['certificate', certificateFact],
  ['violations', violationsFact],
]);

export function registerFactSource(autoSource: string, source: FactSource): void {
  sources.set(autoSource, source);
}

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
