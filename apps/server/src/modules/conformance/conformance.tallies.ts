import type { Kysely } from 'kysely';
import type { ConformanceAssessmentCountTable, ConformanceTallyTable, DB } from '../../db/schema';
import * as repo from './conformance.repo';

/*
 * The analytics read counters instead of aggregating assessment_answers (≈70 rows per assessment): each
 * analysed assessment (submitted or accepted) adds its answers to conformance_tallies and itself to
 * conformance_assessment_counts, twice when it belongs to a campaign (once under ALL_CAMPAIGNS, once
 * under the campaign), in the transaction that changes its status. Answers are locked while an assessment
 * is submitted or accepted, so what a return subtracts is exactly what the submission added; a
 * resubmission adds the revised answers back. Each change also bumps the version's row in
 * conformance_tally_revisions, which readers check before using what they keep in memory. Writes cost
 * O(requirements of one assessment), reads O(cells). rebuildConformanceTallies recomputes everything
 * from scratch (tests, repair).
 */

type Counter = 'conform' | 'partial' | 'nonconform' | 'na';

const isCounter = (answer: string | null): answer is Counter =>
  answer === 'conform' || answer === 'partial' || answer === 'nonconform' || answer === 'na';

const KEY = '\u0000';

/** Counter changes for some assessments, summed per row key before anything is written. */
class TallyDelta {
  private readonly tallies = new Map<string, ConformanceTallyTable>();
  private readonly counts = new Map<string, ConformanceAssessmentCountTable>();

  add(place: repo.TallyPlace, answers: { requirement_code: string; answer: string | null }[], sign: 1 | -1): void {
    const campaignKeys = place.campaign_id ? [repo.ALL_CAMPAIGNS, place.campaign_id] : [repo.ALL_CAMPAIGNS];
    for (const campaignKey of campaignKeys) {
      const guideKey = place.guide_version_id ?? '';
      const countKey = [place.standard_version_id, campaignKey, place.industry_code, place.region_id, guideKey].join(
        KEY,
      );
      const count = this.counts.get(countKey) ?? {
        standard_version_id: place.standard_version_id,
        campaign_key: campaignKey,
        industry_code: place.industry_code,
        region_id: place.region_id,
        guide_version_key: guideKey,
        assessments: 0,
      };
      count.assessments += sign;
      this.counts.set(countKey, count);
      for (const { requirement_code: code, answer } of answers) {
        if (!isCounter(answer)) {
          continue;
        }
        const key = [place.standard_version_id, campaignKey, code, place.industry_code, place.region_id].join(KEY);
        let tally = this.tallies.get(key);
        if (!tally) {
          tally = {
            standard_version_id: place.standard_version_id,
            campaign_key: campaignKey,
            requirement_code: code,
            industry_code: place.industry_code,
            region_id: place.region_id,
            conform: 0,
            partial: 0,
            nonconform: 0,
            na: 0,
          };
          this.tallies.set(key, tally);
        }
        tally[answer] += sign;
      }
    }
  }

  /** Writes the changes, rows in key order (the same lock order in every transaction). */
  async write(db: Kysely<DB>): Promise<void> {
    const sorted = <T>(map: Map<string, T>): T[] =>
      [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
    await repo.addToTallies(db, sorted(this.tallies));
    await repo.addToAssessmentCounts(db, sorted(this.counts));
    await repo.bumpRevisions(db, [...new Set([...this.counts.values()].map((c) => c.standard_version_id))]);
  }
}

async function applyAssessment(trx: Kysely<DB>, assessmentId: string, sign: 1 | -1): Promise<void> {
  const place = await repo.tallyPlaceOf(trx, assessmentId);
  if (!place) {
    throw new Error(`conformance tallies: assessment ${assessmentId} not found`);
  }
  const analysed = (repo.ANALYSED_STATUSES as readonly string[]).includes(place.status);
  // Called after the status change: an assessment entering must now be analysed, one leaving must not be.
  if (analysed !== (sign === 1)) {
    throw new Error(`conformance tallies: assessment ${assessmentId} is ${place.status}`);
  }
  const delta = new TallyDelta();
  delta.add(place, await repo.answersOf(trx, [assessmentId]), sign);
  await delta.write(trx);
}

/**
 * Counts an assessment that has just become submitted (submission or resubmission) in the analytics.
 * Call inside the transaction that changed its status, after the change, with that transaction.
 */
export async function addAssessmentToTallies(trx: Kysely<DB>, assessmentId: string): Promise<void> {
  await applyAssessment(trx, assessmentId, 1);
}

/**
 * Takes an assessment that has just left the analysed set (returned) out of the analytics, subtracting
 * the answers it was counted with. Call inside the transaction that changed its status, after the change.
 */
export async function removeAssessmentFromTallies(trx: Kysely<DB>, assessmentId: string): Promise<void> {
  await applyAssessment(trx, assessmentId, -1);
}

const REBUILD_PAGE = 500;

/**
 * Recomputes the tallies from the assessments and their answers, for one standard version or all.
 * Reads the analysed assessments in pages of 500 (bounded memory and statement size) and writes the
 * sums once per version, in one transaction per version so concurrent submissions are neither lost nor
 * counted twice. It reads every answer row of the version (≈0.5 s at 5,000 assessments, holding
 * SQLite's single connection meanwhile): for tests and repair, never on a request path.
 */
export async function rebuildConformanceTallies(
  db: Kysely<DB>,
  standardVersionId?: string,
): Promise<{ versions: number; assessments: number }> {
  const versionIds = standardVersionId ? [standardVersionId] : await repo.tallyVersionIds(db);
  let assessments = 0;
  for (const versionId of versionIds) {
    assessments += await db.transaction().execute(async (trx) => {
      await repo.deleteTalliesOf(trx, versionId);
      const delta = new TallyDelta();
      let afterId = '';
      let counted = 0;
      for (;;) {
        const page = await repo.analysedAssessmentsPage(trx, versionId, afterId, REBUILD_PAGE);
        if (page.length === 0) {
          break;
        }
        const answers = new Map<string, { requirement_code: string; answer: string | null }[]>();
        for (const row of await repo.answersOf(
          trx,
          page.map((p) => p.id),
        )) {
          const list = answers.get(row.assessment_id) ?? [];
          list.push(row);
          answers.set(row.assessment_id, list);
        }
        for (const place of page) {
          delta.add(place, answers.get(place.id) ?? [], 1);
        }
        counted += page.length;
        afterId = page[page.length - 1]?.id ?? afterId;
        if (page.length < REBUILD_PAGE) {
          break;
        }
      }
      await delta.write(trx);
      // Also when nothing is left to count: the deleted tallies may have been read and kept.
      await repo.bumpRevisions(trx, [versionId]);
      return counted;
    });
  }
  return { versions: versionIds.length, assessments };
}
