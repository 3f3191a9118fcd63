import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { differsFrom, draftStorage } from './draft-storage';

class MemoryStorage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

describe('draftStorage', () => {
  beforeEach(() => {
    Object.defineProperty(globalThis, 'window', {
      value: { localStorage: new MemoryStorage() },
      configurable: true,
    });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'window');
  });

  it('keeps drafts per assessment and requirement until removed', () => {
    const at = new Date('2026-03-01T08:00:00Z');
    draftStorage.write('a1', 'R-2', { answer: 'na', naReason: '无委外业务', notes: '' }, at);
    draftStorage.write('a1', 'R-1', { answer: 'partial', naReason: '', notes: '制度在修订' }, at);
    draftStorage.write('a2', 'R-1', { answer: 'conform', naReason: '', notes: '' }, at);

    expect(draftStorage.list('a1')).toEqual([
      { code: 'R-1', answer: 'partial', naReason: '', notes: '制度在修订', editedAt: at.toISOString() },
      { code: 'R-2', answer: 'na', naReason: '无委外业务', notes: '', editedAt: at.toISOString() },
    ]);
    draftStorage.remove('a1', 'R-1');
    expect(draftStorage.list('a1').map((draft) => draft.code)).toEqual(['R-2']);
    expect(draftStorage.list('a2')).toHaveLength(1);
  });

  it('ignores entries that are not drafts', () => {
    window.localStorage.setItem('shangmi.assessment-draft.a1.R-9', '{"answer":"maybe","editedAt":"x"}');
    window.localStorage.setItem('shangmi.assessment-draft.a1.R-8', 'not json');
    expect(draftStorage.list('a1')).toEqual([]);
  });
});

describe('differsFrom', () => {
  it('compares answer, reason and notes, ignoring surrounding blanks', () => {
    const saved = { answer: 'conform' as const, naReason: null, notes: '已建立制度' };
    expect(differsFrom({ answer: 'conform', naReason: '', notes: ' 已建立制度 ' }, saved)).toBe(false);
    expect(differsFrom({ answer: 'partial', naReason: '', notes: '已建立制度' }, saved)).toBe(true);
    expect(differsFrom({ answer: null, naReason: '', notes: '' }, undefined)).toBe(false);
  });
});
