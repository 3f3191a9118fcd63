import { describe, expect, it } from 'vitest';
import {
  contentProblems,
  effectiveRequirements,
  scoreAnswers,
  type Answer,
  type FrameworkContent,
} from './frameworks.content';

const req = (code: string, weight: number, mandatory = false, industries: string[] = []) => ({
  code,
  text: `要求${code}`,
  guidance: `指导${code}`,
  evidence: `证据${code}`,
  weight,
  mandatory,
  industries,
});

const standard: FrameworkContent = {
  passScore: 80,
  chapters: [
    {
      code: '4',
      title: '组织与职责',
      clauses: [
        {
          code: '4.1',
          title: '职责',
          requirements: [req('4.1.1', 4, true), req('4.1.2', 2), req('4.1.3', 2, false, ['chemical'])],
        },
      ],
    },
  ],
};
const guide: FrameworkContent = {
  chapters: [
    {
      code: 'EJ',
      title: '阿胶行业要求',
      clauses: [{ code: 'EJ.1', title: '工艺', requirements: [req('EJ.1.1', 2, true)] }],
    },
  ],
  overrides: [{ requirementCode: '4.1.2', weight: 6, guidance: '阿胶企业的指导' }],
};

const answers = (pairs: [string, Answer | null][]) => new Map(pairs.map(([code, answer]) => [code, { answer }]));

describe('framework content', () => {
  it('applies industry filters, guide overrides and guide requirements', () => {
    const ejiao = effectiveRequirements(standard, guide, 'ejiao_tcm');
    expect(ejiao.map((r) => r.code)).toEqual(['4.1.1', '4.1.2', 'EJ.1.1']);
    expect(ejiao[1]).toMatchObject({ weight: 6, guidance: '阿胶企业的指导', source: 'standard' });
    expect(ejiao[2]).toMatchObject({ source: 'guide', chapterTitle: '阿胶行业要求' });
    expect(effectiveRequirements(standard, null, 'chemical').map((r) => r.code)).toEqual(['4.1.1', '4.1.2', '4.1.3']);
  });

  it('scores weighted, excludes 不适用, counts 部分符合 half', () => {
    const reqs = effectiveRequirements(standard, null, 'chemical'); // weights 4, 2, 2
    const result = scoreAnswers(
      reqs,
      answers([
        ['4.1.1', 'conform'],
        ['4.1.2', 'partial'],
        ['4.1.3', 'na'],
      ]),
    );
    expect(result.scoreBp).toBe(Math.round(((4 + 1) / 6) * 10000));
    expect(result.mandatoryUnmet).toBe(0);
    expect(result.gaps.map((g) => g.code)).toEqual(['4.1.2']);
    expect(result.certifiable).toBe(true);
  });

  it('blocks certification on an unmet mandatory requirement whatever the score', () => {
    const reqs = effectiveRequirements(standard, guide, 'ejiao_tcm'); // 4 (m), 6, 2 (m)
    const result = scoreAnswers(
      reqs,
      answers([
        ['4.1.1', 'conform'],
        ['4.1.2', 'conform'],
        ['EJ.1.1', 'partial'],
      ]),
    );
    expect(result.scoreBp).toBe(Math.round((11 / 12) * 10000));
    expect(result.mandatoryUnmet).toBe(1);
    expect(result.certifiable).toBe(false);
    expect(result.gaps[0]).toMatchObject({
      code: 'EJ.1.1',
      mandatory: true,
      action: '指导EJ.1.1；应提供的证据：证据EJ.1.1',
    });
  });

  it('counts unanswered requirements as gaps and not certifiable', () => {
    const reqs = effectiveRequirements(standard, null, 'textile');
    const result = scoreAnswers(reqs, answers([['4.1.2', 'conform']]));
    expect(result).toMatchObject({ answered: 1, total: 2, mandatoryUnmet: 1, certifiable: false });
  });

  it('reports duplicate codes and overrides of unknown requirements', () => {
    expect(contentProblems(guide, standard)).toEqual([]);
    const bad: FrameworkContent = { chapters: guide.chapters, overrides: [{ requirementCode: '9.9.9' }] };
    expect(contentProblems(bad, standard)).toEqual(['行业指引调整的要求「9.9.9」不在所依据的标准版本中']);
    const dup: FrameworkContent = { chapters: [...standard.chapters, ...standard.chapters] };
    expect(contentProblems(dup)).toHaveLength(3);
  });
});
