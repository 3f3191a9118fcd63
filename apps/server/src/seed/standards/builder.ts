import type { Requirement } from '../../modules/frameworks/index';

/**
 * Compact notation for seed content: `req(code, weight, mandatory, text, guidance, evidence)`.
 * Weights run 1–5 (5: the measures a court looks for first when asking whether 合理保密措施 were taken).
 */
export function req(
  code: string,
  weight: number,
  mandatory: boolean,
  text: string,
  guidance: string,
  evidence: string,
  industries: string[] = [],
): Requirement {
  return { code, text, guidance, evidence, weight, mandatory, industries };
}

export const M = true;
export const R = false;
