import { ASSESSMENT_ANSWERS, type AssessmentAnswer } from '@shangmi/shared';

/** What a person typed for one requirement, before the server has it. */
export interface AnswerDraft {
  answer: AssessmentAnswer | null;
  naReason: string;
  notes: string;
}

export interface StoredDraft extends AnswerDraft {
  code: string;
  /** When it was typed (ISO time), to tell it from a newer answer saved elsewhere. */
  editedAt: string;
}

const PREFIX = 'shangmi.assessment-draft';

function keyOf(assessmentId: string, code: string): string {
  return `${PREFIX}.${assessmentId}.${code}`;
}

function isAnswer(value: unknown): value is AssessmentAnswer {
  return typeof value === 'string' && (ASSESSMENT_ANSWERS as readonly string[]).includes(value);
}

function parse(code: string, raw: string | null): StoredDraft | null {
  if (!raw) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== 'object') {
      return null;
    }
    const record = value as Record<string, unknown>;
    const answer = record.answer === null ? null : isAnswer(record.answer) ? record.answer : undefined;
    if (answer === undefined || typeof record.editedAt !== 'string') {
      return null;
    }
    return {
      code,
      answer,
      naReason: typeof record.naReason === 'string' ? record.naReason : '',
      notes: typeof record.notes === 'string' ? record.notes : '',
      editedAt: record.editedAt,
    };
  } catch {
    return null;
  }
}

/**
 * Unsaved answers kept in localStorage, one key per assessment and requirement, so a failed save or a
 * closed tab loses nothing. Storage may be unavailable (private mode, quota): then drafts live in memory only.
 */
export const draftStorage = {
  write(assessmentId: string, code: string, draft: AnswerDraft, now = new Date()): void {
    try {
      const stored: Omit<StoredDraft, 'code'> = { ...draft, editedAt: now.toISOString() };
      window.localStorage.setItem(keyOf(assessmentId, code), JSON.stringify(stored));
    } catch {
      // storage full or disabled: the in-memory draft and the on-screen warning remain
    }
  },
  remove(assessmentId: string, code: string): void {
    try {
      window.localStorage.removeItem(keyOf(assessmentId, code));
    } catch {
      // nothing to clean up
    }
  },
  /** Every stored draft of one assessment. */
  list(assessmentId: string): StoredDraft[] {
    const drafts: StoredDraft[] = [];
    try {
      const prefix = `${PREFIX}.${assessmentId}.`;
      for (let index = 0; index < window.localStorage.length; index += 1) {
        const key = window.localStorage.key(index);
        if (key?.startsWith(prefix)) {
          const draft = parse(key.slice(prefix.length), window.localStorage.getItem(key));
          if (draft) {
            drafts.push(draft);
          }
        }
      }
    } catch {
      return [];
    }
    return drafts.sort((a, b) => a.code.localeCompare(b.code));
  },
};

/** Whether a draft says something other than the saved answer. */
export function differsFrom(
  draft: AnswerDraft,
  saved: { answer: AssessmentAnswer | null; naReason: string | null; notes: string | null } | undefined,
): boolean {
  return (
    draft.answer !== (saved?.answer ?? null) ||
    draft.naReason.trim() !== (saved?.naReason ?? '').trim() ||
    draft.notes.trim() !== (saved?.notes ?? '').trim()
  );
}
