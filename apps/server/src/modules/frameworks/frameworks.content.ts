import { Type, type Static } from 'typebox';

/**
 * A framework version's content: chapters → clauses → requirements. A guide's content adds chapters
 * of its own and may override the weight, guidance, evidence or mandatory flag of the standard's
 * requirements for its industry. Pure data and pure functions: shared by frameworks, assessments,
 * certificates and analytics.
 */
export const RequirementSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
    text: Type.String({ minLength: 1, maxLength: 2000 }),
    guidance: Type.String({ maxLength: 4000 }),
    evidence: Type.String({ maxLength: 2000 }),
    weight: Type.Number({ minimum: 0, maximum: 100 }),
    mandatory: Type.Boolean(),
    /** Industry codes this requirement applies to; empty: all industries. */
    industries: Type.Array(Type.String({ maxLength: 50 }), { maxItems: 50 }),
  },
  { additionalProperties: false },
);

export const ClauseSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    requirements: Type.Array(RequirementSchema, { maxItems: 500 }),
  },
  { additionalProperties: false },
);

export const ChapterSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    clauses: Type.Array(ClauseSchema, { maxItems: 200 }),
  },
  { additionalProperties: false },
);

export const OverrideSchema = Type.Object(
  {
    requirementCode: Type.String({ minLength: 1, maxLength: 40 }),
    weight: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    guidance: Type.Optional(Type.String({ maxLength: 4000 })),
    evidence: Type.Optional(Type.String({ maxLength: 2000 })),
    mandatory: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const FrameworkContentSchema = Type.Object(
  {
    /** Minimum score (percent) for certification; mandatory requirements block it whatever the score. */
    passScore: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    chapters: Type.Array(ChapterSchema, { maxItems: 100 }),
    overrides: Type.Optional(Type.Array(OverrideSchema, { maxItems: 1000 })),
  },
  { additionalProperties: false },
);

export type Requirement = Static<typeof RequirementSchema>;
export type FrameworkContent = Static<typeof FrameworkContentSchema>;

export const DEFAULT_PASS_SCORE = 80;

export interface EffectiveRequirement extends Requirement {
  chapterCode: string;
  chapterTitle: string;
  clauseCode: string;
  clauseTitle: string;
  source: 'standard' | 'guide';
}

/** Every requirement code in a content, in order; duplicates are reported by `contentProblems`. */
export function requirementCodes(content: FrameworkContent): string[] {
  return content.chapters.flatMap((ch) => ch.clauses.flatMap((cl) => cl.requirements.map((r) => r.code)));
}

/** Structural problems a schema cannot see, in Chinese: duplicate codes, overrides of unknown requirements. */
export function contentProblems(content: FrameworkContent, base?: FrameworkContent): string[] {
  const problems: string[] = [];
  const seen = new Set<string>(base ? requirementCodes(base) : []);
  for (const code of requirementCodes(content)) {
    if (seen.has(code)) {
      problems.push(`要求编号「${code}」重复`);
    }
    seen.add(code);
  }
  for (const override of content.overrides ?? []) {
    if (!base) {
      problems.push('只有行业指引可以调整标准中的要求');
      break;
    }
    if (!requirementCodes(base).includes(override.requirementCode)) {
      problems.push(`行业指引调整的要求「${override.requirementCode}」不在所依据的标准版本中`);
    }
  }
  return problems;
}

function flatten(content: FrameworkContent, source: 'standard' | 'guide'): EffectiveRequirement[] {
  return content.chapters.flatMap((chapter) =>
    chapter.clauses.flatMap((clause) =>
      clause.requirements.map((requirement) => ({
        ...requirement,
        chapterCode: chapter.code,
        chapterTitle: chapter.title,
        clauseCode: clause.code,
        clauseTitle: clause.title,
        source,
      })),
    ),
  );
}

/** Every requirement of one content in order, with its chapter and clause, no industry filter or overlay. */
export function flattenRequirements(content: FrameworkContent, source: 'standard' | 'guide'): EffectiveRequirement[] {
  return flatten(content, source);
}

/**
 * The requirements an enterprise of `industryCode` is assessed against: the standard's requirements
 * that apply to its industry, with the guide's overrides applied, followed by the guide's own.
 */
export function effectiveRequirements(
  standard: FrameworkContent,
  guide: FrameworkContent | null,
  industryCode: string,
): EffectiveRequirement[] {
  const overrides = new Map((guide?.overrides ?? []).map((o) => [o.requirementCode, o]));
  const fromStandard = flatten(standard, 'standard')
    .filter((r) => r.industries.length === 0 || r.industries.includes(industryCode))
    .map((r) => {
      const o = overrides.get(r.code);
      return o
        ? {
            ...r,
            weight: o.weight ?? r.weight,
            guidance: o.guidance ?? r.guidance,
            evidence: o.evidence ?? r.evidence,
            mandatory: o.mandatory ?? r.mandatory,
          }
        : r;
    });
  return [...fromStandard, ...(guide ? flatten(guide, 'guide') : [])];
}

export const ANSWERS = ['conform', 'partial', 'nonconform', 'na'] as const;
export type Answer = (typeof ANSWERS)[number];

export interface AnswerInput {
  answer: Answer | null;
}

export interface Gap {
  code: string;
  text: string;
  answer: Answer | null;
  mandatory: boolean;
  weight: number;
  /** What to do: the requirement's guidance and the evidence expected. */
  action: string;
}

export interface ScoreResult {
  /** Weighted score in basis points (0–10000); 不适用 excluded, 部分符合 counts half. */
  scoreBp: number;
  /** Mandatory requirements not fully met (部分符合, 不符合 or unanswered). */
  mandatoryUnmet: number;
  answered: number;
  total: number;
  gaps: Gap[];
  passScoreBp: number;
  /** Whether the answers as given would allow certification (score reached, no mandatory gap). */
  certifiable: boolean;
}

const VALUE: Record<Answer, number> = { conform: 1, partial: 0.5, nonconform: 0, na: 0 };

/** Score and gap list of a set of answers against the effective requirements. Pure and O(n). */
export function scoreAnswers(
  requirements: readonly EffectiveRequirement[],
  answers: ReadonlyMap<string, AnswerInput>,
  passScore: number = DEFAULT_PASS_SCORE,
): ScoreResult {
  let weighted = 0;
  let totalWeight = 0;
  let mandatoryUnmet = 0;
  let answered = 0;
  const gaps: Gap[] = [];
  for (const requirement of requirements) {
    const answer = answers.get(requirement.code)?.answer ?? null;
    if (answer !== null) {
      answered += 1;
    }
    if (answer === 'na') {
      continue;
    }
    totalWeight += requirement.weight;
    weighted += requirement.weight * (answer ? VALUE[answer] : 0);
    if (answer !== 'conform') {
      if (requirement.mandatory) {
        mandatoryUnmet += 1;
      }
      gaps.push({
        code: requirement.code,
        text: requirement.text,
        answer,
        mandatory: requirement.mandatory,
        weight: requirement.weight,
        action: [requirement.guidance, requirement.evidence ? `应提供的证据：${requirement.evidence}` : '']
          .filter(Boolean)
          .join('；'),
      });
    }
  }
  gaps.sort((a, b) => Number(b.mandatory) - Number(a.mandatory) || b.weight - a.weight || a.code.localeCompare(b.code));
  const scoreBp = totalWeight === 0 ? 0 : Math.round((weighted / totalWeight) * 10000);
  const passScoreBp = Math.round(passScore * 100);
  return {
    scoreBp,
    mandatoryUnmet,
    answered,
    total: requirements.length,
    gaps,
    passScoreBp,
    certifiable: mandatoryUnmet === 0 && scoreBp >= passScoreBp && answered === requirements.length,
  };
}
