import { DESIGNATION_RULES } from '@shangmi/shared';

/** One expert's scores, in tenths of a point per criterion item. */
export interface ExpertScores {
  expertUserId: string;
  items: Map<string, number>;
}

export interface ScoreResult {
  /** Each expert's total (tenths). */
  totals: { expertUserId: string; totalTenths: number; dropped: boolean }[];
  /** The mean of the totals that count, rounded to a tenth of a point. */
  finalTenths: number;
}

/**
 * The panel's result: each expert's total over every item, then the mean of the totals — with five
 * experts the single highest and the single lowest totals are dropped first (ties: one of each is
 * dropped, the one listed first).
 */
export function panelResult(experts: ExpertScores[]): ScoreResult {
  const totals = experts.map((e) => ({
    expertUserId: e.expertUserId,
    totalTenths: [...e.items.values()].reduce((sum, s) => sum + s, 0),
    dropped: false,
  }));
  if (totals.length === 0) {
    return { totals, finalTenths: 0 };
  }
  if (totals.length >= DESIGNATION_RULES.trimAtExperts) {
    const order = totals.map((t, i) => ({ t: t.totalTenths, i })).sort((a, b) => a.t - b.t || a.i - b.i);
    const low = order[0];
    const high = order[order.length - 1];
    if (low && high) {
      const lowRow = totals[low.i];
      const highRow = totals[high.i];
      if (lowRow && highRow) {
        lowRow.dropped = true;
        highRow.dropped = true;
      }
    }
  }
  const counted = totals.filter((t) => !t.dropped);
  const finalTenths = Math.round(counted.reduce((sum, t) => sum + t.totalTenths, 0) / counted.length);
  return { totals, finalTenths };
}
