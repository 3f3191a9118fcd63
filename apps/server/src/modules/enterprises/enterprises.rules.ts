import { HONOURS, normalizeUscc, usccProblem, USCC_MESSAGES, type Honour } from '@shangmi/shared';
import type { FieldError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { EnterpriseInsert } from './enterprises.repo';

/** What a new enterprise needs, after schema validation (or after an Excel row has been read). */
export interface EnterpriseInput {
  name: string;
  uscc: string;
  regionId: string;
  address: string;
  industry: string;
  size: string;
  honours?: string[];
  legalRepresentative?: string | null;
  contactName: string;
  contactPhone: string;
  contactEmail?: string | null;
  employees?: number | null;
}

export interface RegistryLookups {
  regionPath: (regionId: string) => string | undefined;
  industryExists: (code: string) => boolean;
}

/** The domain checks that a schema cannot express, with the Chinese message a user reads. Pure. */
export function enterpriseFieldProblems(input: Partial<EnterpriseInput>, lookups: RegistryLookups): FieldError[] {
  const errors: FieldError[] = [];
  if (input.uscc !== undefined) {
    const problem = usccProblem(normalizeUscc(input.uscc));
    if (problem) {
      errors.push({ field: 'uscc', message: USCC_MESSAGES[problem] });
    }
  }
  if (input.regionId !== undefined && !lookups.regionPath(input.regionId)) {
    errors.push({ field: 'regionId', message: '所属区域不存在' });
  }
  if (input.industry !== undefined && !lookups.industryExists(input.industry)) {
    errors.push({ field: 'industry', message: '行业不在行业目录中' });
  }
  for (const honour of input.honours ?? []) {
    if (!(HONOURS as readonly string[]).includes(honour)) {
      errors.push({ field: 'honours', message: `未知的企业荣誉「${honour}」` });
    }
  }
  return errors;
}

export function toInsert(input: EnterpriseInput, at: string, synthetic = false): EnterpriseInsert {
  const id = newId();
  return {
    organization: {
      id,
      kind: 'enterprise',
      name: input.name.trim(),
      region_id: input.regionId,
      address: input.address.trim(),
      contact_name: input.contactName.trim(),
      contact_phone: input.contactPhone.trim(),
      contact_email: input.contactEmail ?? null,
      archived_reason: null,
      status: 'active',
      created_at: at,
      updated_at: at,
    },
    enterprise: {
      id,
      name: input.name.trim(),
      region_id: input.regionId,
      uscc: normalizeUscc(input.uscc),
      industry_code: input.industry,
      size: input.size,
      legal_representative: input.legalRepresentative ?? null,
      employees: input.employees ?? null,
      synthetic: synthetic ? 1 : 0,
      status: 'active',
      archived_reason: null,
      created_at: at,
      updated_at: at,
    },
    honours: [...new Set(input.honours ?? [])].filter((h): h is Honour => (HONOURS as readonly string[]).includes(h)),
  };
}
