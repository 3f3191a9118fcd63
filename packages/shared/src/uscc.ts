/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, Z, S, V); the last is a check character computed from the first 17.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'length' | 'characters' | 'check_digit';

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) {
      throw new Error(`invalid USCC character at ${i + 1}`);
    }
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET.charAt(check);
}

/** Returns null when the code is valid, otherwise what is wrong with it. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) {
    return 'length';
  }
  for (const ch of code) {
    if (!USCC_ALPHABET.includes(ch)) {
      return 'characters';
    }
  }
  return usccCheckCharacter(code.slice(0, 17)) === code.charAt(17) ? null : 'check_digit';
}

export const USCC_MESSAGES: Record<UsccProblem, string> = {
  length: '统一社会信用代码应为18位',
  characters: '统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）',
  check_digit: '统一社会信用代码校验位错误，请核对后重新输入',
};

/** Normalises what a person types: trims, removes inner spaces, upper-cases. */
export function normalizeUscc(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}
