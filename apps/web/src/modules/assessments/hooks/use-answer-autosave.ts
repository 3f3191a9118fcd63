import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { Assessment } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { errorMessage } from '../../../ui/error-result';
import { differsFrom, draftStorage, type AnswerDraft, type StoredDraft } from './draft-storage';
import { applySavedAnswer, assessmentKeys } from './use-assessments';

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'needs-reason';

export interface RequirementSaveState {
  state: SaveState | null;
  error?: string;
}

/** Typing in a text box waits this long before saving; choosing an answer saves at once. */
const TEXT_DEBOUNCE_MS = 800;

export interface AnswerAutosave {
  valueOf: (code: string) => AnswerDraft;
  stateOf: (code: string) => RequirementSaveState;
  change: (code: string, patch: Partial<AnswerDraft>) => void;
  retry: (code: string) => void;
  retryAll: () => void;
  /** Drafts found in this browser from an earlier visit, put back into the form. */
  restored: StoredDraft[];
  discardRestored: () => void;
  dismissRestored: () => void;
  /** Requirements whose edits have not reached the server yet. */
  unsavedCodes: string[];
  failedCodes: string[];
}

function savedDraft(assessment: Assessment, code: string): AnswerDraft {
  const saved = assessment.answers[code];
  return { answer: saved?.answer ?? null, naReason: saved?.naReason ?? '', notes: saved?.notes ?? '' };
}

/**
 * Saves each requirement's answer as the person goes. Every edit is first written to localStorage
 * (per assessment and requirement) and only removed from there once the server has it, so neither a
 * failed save nor a closed tab loses what was typed. Drafts left from an earlier visit are restored.
 */
export function useAnswerAutosave(assessment: Assessment, canEdit: (code: string) => boolean): AnswerAutosave {
  const common = useCommonMessages();
  const queryClient = useQueryClient();
  const id = assessment.id;
  const drafts = useRef(new Map<string, AnswerDraft>());
  const timers = useRef(new Map<string, number>());
  const inflight = useRef(new Set<string>());
  const again = useRef(new Set<string>());
  const [states, setStates] = useState<Record<string, RequirementSaveState>>({});
  const [, setRevision] = useState(0);
  const [restored, setRestored] = useState<StoredDraft[]>([]);
  const assessmentRef = useRef(assessment);
  assessmentRef.current = assessment;

  const setState = useCallback((code: string, next: RequirementSaveState) => {
    setStates((previous) => ({ ...previous, [code]: next }));
  }, []);

  const save = useCallback(
    async (code: string): Promise<void> => {
      const draft = drafts.current.get(code);
      if (!draft) {
        return;
      }
      if (draft.answer === 'na' && draft.naReason.trim() === '') {
        setState(code, { state: 'needs-reason' });
        return;
      }
      if (inflight.current.has(code)) {
        again.current.add(code);
        return;
      }
      inflight.current.add(code);
      setState(code, { state: 'saving' });
      try {
        const saved = await unwrap(
          api.PUT('/api/assessments/{id}/answers/{code}', {
            params: { path: { id, code } },
            body: {
              answer: draft.answer,
              naReason: draft.answer === 'na' ? draft.naReason.trim() : null,
              notes: draft.notes.trim() === '' ? null : draft.notes,
            },
          }),
        );
        queryClient.setQueryData<Assessment>(assessmentKeys.detail(id), (old) =>
          old ? applySavedAnswer(old, code, saved) : old,
        );
        // Only forget the draft if nothing was typed while the request was on its way.
        if (drafts.current.get(code) === draft) {
          drafts.current.delete(code);
          draftStorage.remove(id, code);
          setState(code, { state: 'saved' });
        }
      } catch (error) {
        setState(code, { state: 'failed', error: errorMessage(error, common.networkError) });
      } finally {
        inflight.current.delete(code);
        if (again.current.delete(code)) {
          void save(code);
        }
      }
    },
    [id, queryClient, setState, common.networkError],
  );

  const schedule = useCallback(
    (code: string, delay: number) => {
      const timer = timers.current.get(code);
      if (timer !== undefined) {
        window.clearTimeout(timer);
      }
      if (delay === 0) {
        timers.current.delete(code);
        void save(code);
        return;
      }
      timers.current.set(
        code,
        window.setTimeout(() => {
          timers.current.delete(code);
          void save(code);
        }, delay),
      );
    },
    [save],
  );

  const change = useCallback(
    (code: string, patch: Partial<AnswerDraft>) => {
      const current = drafts.current.get(code) ?? savedDraft(assessmentRef.current, code);
      const next = { ...current, ...patch };
      drafts.current.set(code, next);
      draftStorage.write(id, code, next);
      setRevision((revision) => revision + 1);
      const needsReason = next.answer === 'na' && next.naReason.trim() === '';
      setState(code, { state: needsReason ? 'needs-reason' : 'pending' });
      if (!needsReason) {
        schedule(code, 'answer' in patch ? 0 : TEXT_DEBOUNCE_MS);
      }
    },
    [id, schedule, setState],
  );

  // Drafts from an earlier visit: put back those that still say something new, then offer to save them.
  const restoredOnce = useRef(false);
  useEffect(() => {
    if (restoredOnce.current) {
      return;
    }
    restoredOnce.current = true;
    const found: StoredDraft[] = [];
    for (const stored of draftStorage.list(id)) {
      const saved = assessment.answers[stored.code];
      const known = assessment.requirements.some((requirement) => requirement.code === stored.code);
      const stale = saved !== undefined && saved.updatedAt > stored.editedAt;
      if (!known || stale || !differsFrom(stored, saved)) {
        draftStorage.remove(id, stored.code);
        continue;
      }
      if (!canEdit(stored.code)) {
        continue;
      }
      drafts.current.set(stored.code, { answer: stored.answer, naReason: stored.naReason, notes: stored.notes });
      found.push(stored);
    }
    if (found.length > 0) {
      setRestored(found);
      setStates((previous) => {
        const next = { ...previous };
        for (const draft of found) {
          next[draft.code] = { state: 'pending' };
        }
        return next;
      });
      setRevision((revision) => revision + 1);
    }
  }, [id, assessment, canEdit]);

  // Pending text saves are flushed when the page goes away; localStorage keeps them if that fails.
  useEffect(() => {
    const pendingTimers = timers.current;
    return () => {
      for (const [code, timer] of pendingTimers) {
        window.clearTimeout(timer);
        void save(code);
      }
      pendingTimers.clear();
    };
  }, [save]);

  const unsavedCodes = useMemo(
    () =>
      Object.entries(states)
        .filter(([, value]) => value.state !== 'saved' && value.state !== null)
        .map(([c]) => c),
    [states],
  );
  const failedCodes = useMemo(
    () =>
      Object.entries(states)
        .filter(([, value]) => value.state === 'failed')
        .map(([c]) => c),
    [states],
  );

  // Closing the tab with unsaved edits asks first (they are kept in localStorage either way).
  useEffect(() => {
    if (unsavedCodes.length === 0) {
      return undefined;
    }
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsavedCodes.length]);

  return {
    valueOf: (code) => drafts.current.get(code) ?? savedDraft(assessment, code),
    stateOf: (code) => states[code] ?? { state: null },
    change,
    retry: (code) => schedule(code, 0),
    retryAll: () => {
      for (const code of new Set([...unsavedCodes, ...restored.map((draft) => draft.code)])) {
        schedule(code, 0);
      }
      setRestored([]);
    },
    restored,
    discardRestored: () => {
      for (const draft of restored) {
        drafts.current.delete(draft.code);
        draftStorage.remove(id, draft.code);
      }
      setStates((previous) => {
        const next = { ...previous };
        for (const draft of restored) {
          delete next[draft.code];
        }
        return next;
      });
      setRestored([]);
    },
    dismissRestored: () => setRestored([]),
    unsavedCodes,
    failedCodes,
  };
}
