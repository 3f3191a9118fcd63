import { PACE_STATUS_LABELS, PROGRESS_KIND_LABELS, PROGRESS_KIND_UNITS, PROGRESS_KINDS } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { renderPdfInWorker } from '../../lib/pdf-worker';
import { getRoundResults, listRounds } from './programme.evaluation';
import { computeProgress, progressSeries } from './programme.progress';
import { drawProgrammeReport, type ProgrammeReportData } from './programme.report-pdf';
import { visibleProgramme } from './programme.service';
import { allWorkItems } from './programme.workitems';

/**
 * The printable status report (Chinese PDF with its charts) as of a date: targets against actuals, the
 * milestones, the cumulative charts against the milestone line, the regions, the responsibility list
 * and the latest evaluation round. What a county admin prints is their own region's report.
 */
export async function programmeReport(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  input: { asOf?: string },
): Promise<{ fileName: string; pdf: Buffer }> {
  const programme = await visibleProgramme(db, ctx, id);
  const progress = await computeProgress(db, ctx, id, input);
  const [series, items, rounds] = await Promise.all([
    progressSeries(db, ctx, id, { today: progress.asOf }),
    ctx.actor.permissions.has('workitem:read') ? allWorkItems(db, ctx, id, {}) : Promise.resolve([]),
    ctx.actor.permissions.has('evaluation:read') ? listRounds(db, ctx, id) : Promise.resolve({ items: [] }),
  ]);
  const latest = rounds.items[0];
  const results = latest ? await getRoundResults(db, ctx, latest.id) : null;
  const kinds = progress.kinds.map((k) => k.kind);
  const data: ProgrammeReportData = {
    title: programme.title,
    documentNumber: programme.document_number,
    scopeName: progress.scope.name,
    asOf: progress.asOf,
    kinds: progress.kinds.map((k) => ({
      label: PROGRESS_KIND_LABELS[k.kind],
      unit: PROGRESS_KIND_UNITS[k.kind],
      target: k.target,
      actual: k.actual,
      expected: k.expected,
      status: PACE_STATUS_LABELS[k.status],
      next: k.nextMilestone ? `${k.nextMilestone.due}：${k.nextMilestone.target}${PROGRESS_KIND_UNITS[k.kind]}` : '—',
    })),
    milestones: progress.milestones.map((m) => ({
      title: m.title,
      due: m.due,
      targets: m.targets.map((t) => `${PROGRESS_KIND_LABELS[t.kind]} ${t.actual}/${t.target}`).join('；'),
      met: m.met ? '已达成' : m.passed ? '未达成' : '尚未到期',
    })),
    charts: series.series.map((s) => ({
      label: PROGRESS_KIND_LABELS[s.kind],
      dates: series.dates,
      actual: s.actual,
      plan: s.plan,
      target: s.target,
    })),
    regionHeaders: PROGRESS_KINDS.filter((k) => kinds.includes(k)).map((k) => PROGRESS_KIND_LABELS[k]),
    regions: progress.regions.map((r) => ({
      name: r.name,
      cells: PROGRESS_KINDS.filter((k) => kinds.includes(k)).map((k) => `${r.actual[k]}/${r.allocated[k]}`),
      status: PACE_STATUS_LABELS[r.status],
    })),
    workItems: {
      total: items.length,
      done: items.filter((i) => i.displayStatus === 'done').length,
      inProgress: items.filter((i) => i.displayStatus === 'in_progress').length,
      notStarted: items.filter((i) => i.displayStatus === 'not_started').length,
      overdue: items.filter((i) => i.displayStatus === 'overdue').length,
    },
    overdueItems: items
      .filter((i) => i.displayStatus === 'overdue')
      .slice(0, 30)
      .map((i) => ({ title: i.title, owner: i.ownerName, deadline: i.deadline })),
    evaluation:
      results && latest
        ? {
            name: latest.name,
            period: `${latest.periodStart} 至 ${latest.periodEnd}`,
            rows: results.results.map((r) => ({ rank: r.rank, name: r.name, total: r.total })),
          }
        : null,
  };
  const pdf = await renderPdfInWorker({
    moduleUrl: new URL('./programme.report-pdf.ts', import.meta.url).href,
    exportName: 'drawProgrammeReport',
    args: [data],
    inProcess: drawProgrammeReport,
  });
  return { fileName: `推进情况报告-${progress.scope.name}-${progress.asOf}.pdf`, pdf };
}
