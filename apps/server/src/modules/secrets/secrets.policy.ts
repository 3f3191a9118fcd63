import {
  DEFAULT_SECRET_LEVELS,
  NON_COMPETE_MAX_MONTHS,
  NON_COMPETE_REFUSAL,
  OFFBOARDING_STEP_DUE_DAYS,
  OFFBOARDING_STEPS,
  READINESS_ITEM_PROPERTY,
  READINESS_ITEMS,
  SECRET_LIMITS,
  SECRET_PROPERTIES,
  type OffboardingStep,
  type ReadinessItem,
  type SecretLevel,
  type SecretProperty,
} from '@shangmi/shared';
import type { Actor } from '../../lib/context';
import type { FieldError } from '../../lib/errors';
import { enterpriseScope } from '../../plugins/authz';
import { addDays } from '../../lib/calendar';

export { addDays };

/**
 * Who may do what in an enterprise's secret register, and the register's rules, as pure functions.
 * Contents are the enterprise's alone: only its own users ever get past `registerAccess`.
 */

export type RegisterAccess = 'admin' | 'member';

/** The actor's access to `enterpriseId`'s register: its admin, its member, or nothing (→ 404). */
export function registerAccess(actor: Actor, enterpriseId: string): RegisterAccess | null {
  const scope = enterpriseScope(actor);
  if (scope.kind !== 'enterprise' || scope.enterpriseId !== enterpriseId) {
    return null;
  }
  return actor.roles.includes('enterprise_admin') ? 'admin' : 'member';
}

/**
 * Whether the actor may see a point's content: the enterprise admin always; an enterprise user only
 * when the point's knowledge scope names the person linked to their account.
 */
export function canViewSecretPoint(access: RegisterAccess | null, inKnowledgeScope: boolean): boolean {
  return access === 'admin' || (access === 'member' && inKnowledgeScope);
}

/** Points in these statuses are still protected; declassified and destroyed ones are history. */
export const LIVE_STATUSES = ['draft', 'confirmed'] as const;
export const isLive = (status: string): boolean => (LIVE_STATUSES as readonly string[]).includes(status);

/** The enterprise's levels, or the defaults when it has not configured its own. */
export const levelsOrDefault = (stored: SecretLevel[]): SecretLevel[] =>
  stored.length > 0 ? stored : [...DEFAULT_SECRET_LEVELS];

/** The facts readiness is computed from (gathered in bulk by the repository). */
export interface ReadinessFacts {
  contentChars: number;
  hasValueStatement: boolean;
  /** Knowledge scope: personnel still employed (not left). */
  knowers: { personnelId: string; signed: boolean; trained: boolean }[];
  /** Carriers still held. */
  carriers: { custodianPersonnelId: string | null; custodianSigned: boolean }[];
  attestations: number;
  /** Measures in place that are linked to a requirement of the standard. */
  linkedMeasuresInPlace: number;
}

export interface Readiness {
  /** 0–100, the mean of the three properties' scores. */
  score: number;
  properties: Record<SecretProperty, number>;
  missing: ReadinessItem[];
}

/** Which checklist items a point meets. */
export function readinessItems(f: ReadinessFacts): Record<ReadinessItem, boolean> {
  return {
    specific_description: f.contentChars >= SECRET_LIMITS.specificDescriptionMinChars,
    scope_defined: f.knowers.length > 0,
    value_statement: f.hasValueStatement,
    carrier_registered: f.carriers.length > 0,
    carrier_attested: f.carriers.length > 0 && f.attestations > 0,
    custodians_signed:
      f.carriers.length > 0 && f.carriers.every((c) => c.custodianPersonnelId !== null && c.custodianSigned),
    knowers_signed: f.knowers.length > 0 && f.knowers.every((k) => k.signed),
    measures_in_place: f.linkedMeasuresInPlace > 0,
    knowers_trained: f.knowers.length > 0 && f.knowers.every((k) => k.trained),
  };
}

/** Court readiness: per property the share of its items met (0–100), the mean, and what is missing. */
export function readiness(f: ReadinessFacts): Readiness {
  const met = readinessItems(f);
  const properties = {} as Record<SecretProperty, number>;
  for (const property of SECRET_PROPERTIES) {
    const items = READINESS_ITEMS.filter((i) => READINESS_ITEM_PROPERTY[i] === property);
    properties[property] = Math.round((items.filter((i) => met[i]).length / items.length) * 100);
  }
  const score = Math.round(SECRET_PROPERTIES.reduce((sum, p) => sum + properties[p], 0) / SECRET_PROPERTIES.length);
  return { score, properties, missing: READINESS_ITEMS.filter((i) => !met[i]) };
}

/** Non-compete terms (劳动合同法 第24条: at most two years after leaving; 第23条: monthly compensation). */
export function nonCompeteProblems(
  restrictedMonths: number | null,
  monthlyCompensationFen: number | null,
): FieldError[] {
  const problems: FieldError[] = [];
  if (restrictedMonths === null) {
    problems.push({ field: 'restrictedMonths', message: '竞业限制协议须写明离职后的限制期限（月）' });
  } else if (restrictedMonths > NON_COMPETE_MAX_MONTHS) {
    problems.push({ field: 'restrictedMonths', message: NON_COMPETE_REFUSAL });
  } else if (restrictedMonths < 1) {
    problems.push({ field: 'restrictedMonths', message: '限制期限至少 1 个月' });
  }
  if (monthlyCompensationFen === null || monthlyCompensationFen <= 0) {
    problems.push({
      field: 'monthlyCompensation',
      message: '竞业限制协议须约定离职后按月给予的经济补偿（《劳动合同法》第二十三条）',
    });
  }
  return problems;
}

/** A YYYY-MM-DD date moved by whole days or months (month ends clamp: 01-31 + 1 month → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** The offboarding checklist with due dates counted from the start day. */
export function offboardingSteps(startedOn: string): { step: OffboardingStep; dueOn: string }[] {
  return OFFBOARDING_STEPS.map((step) => ({ step, dueOn: addDays(startedOn, OFFBOARDING_STEP_DUE_DAYS[step]) }));
}

/** Monthly non-compete compensation: one payment per restricted month, due a month after each month starts. */
export function paymentSchedule(
  leavingOn: string,
  restrictedMonths: number,
  monthlyFen: number,
): { monthIndex: number; dueOn: string; amountFen: number }[] {
  return Array.from({ length: restrictedMonths }, (_, i) => ({
    monthIndex: i + 1,
    dueOn: addMonths(leavingOn, i + 1),
    amountFen: monthlyFen,
  }));
}

/** Ratio as a percentage with one decimal, or null when there is nobody to count. */
export const rate = (signed: number, total: number): number | null =>
  total === 0 ? null : Math.round((signed / total) * 1000) / 10;
