import * as echarts from 'echarts';
import SVGtoPDF from 'svg-to-pdfkit';
import { createPdf, pdfToBuffer, PDF_FONTS } from '../../lib/pdf';

/** What the report prints: plain data, so it can be posted to the PDF worker thread. */
export interface ProgrammeReportData {
  title: string;
  documentNumber: string;
  scopeName: string;
  asOf: string;
  kinds: {
    label: string;
    unit: string;
    target: number;
    actual: number;
    expected: number;
    status: string;
    next: string;
  }[];
  milestones: { title: string; due: string; targets: string; met: string }[];
  charts: { label: string; dates: string[]; actual: (number | null)[]; plan: number[]; target: number }[];
  regions: { name: string; cells: string[]; status: string }[];
  regionHeaders: string[];
  workItems: { total: number; done: number; inProgress: number; notStarted: number; overdue: number };
  overdueItems: { title: string; owner: string; deadline: string }[];
  evaluation: { name: string; period: string; rows: { rank: number; name: string; total: number }[] } | null;
}

/** One cumulative chart as SVG: actual (solid) against the plan's milestone line (dashed). */
export function chartSvg(chart: ProgrammeReportData['charts'][number], width: number, height: number): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption({
      animation: false,
      title: { text: chart.label, left: 'center', top: 2, textStyle: { fontSize: 12, fontFamily: 'sans-serif' } },
      grid: { left: 40, right: 12, top: 30, bottom: 36 },
      legend: { bottom: 0, textStyle: { fontSize: 9 }, data: ['实际累计', '节点目标线'] },
      xAxis: {
        type: 'category',
        data: chart.dates.map((d) => d.slice(0, 7)),
        axisLabel: { fontSize: 8, interval: 5 },
      },
      yAxis: {
        type: 'value',
        max: Math.max(chart.target, ...chart.actual.map((v) => v ?? 0)),
        axisLabel: { fontSize: 8 },
      },
      series: [
        {
          name: '实际累计',
          type: 'line',
          data: chart.actual,
          showSymbol: false,
          lineStyle: { width: 2, color: '#1677ff' },
          itemStyle: { color: '#1677ff' },
        },
        {
          name: '节点目标线',
          type: 'line',
          data: chart.plan,
          showSymbol: false,
          lineStyle: { width: 1.5, type: 'dashed', color: '#fa8c16' },
          itemStyle: { color: '#fa8c16' },
        },
      ],
    });
    return instance.renderToSVGString();
  } finally {
    // Without dispose the chart keeps timers alive and the process never exits.
    instance.dispose();
  }
}

interface Column {
  header: string;
  width: number;
}

function table(
  doc: PDFKit.PDFDocument,
  columns: Column[],
  rows: string[][],
  highlight?: (row: number) => string | null,
) {
  const left = doc.page.margins.left;
  const rowHeight = 18;
  const bottom = doc.page.height - doc.page.margins.bottom;
  const drawRow = (cells: string[], bold: boolean, color: string | null) => {
    if (doc.y + rowHeight > bottom) {
      doc.addPage();
    }
    const y = doc.y;
    let x = left;
    if (bold) {
      doc
        .rect(
          left,
          y,
          columns.reduce((s, c) => s + c.width, 0),
          rowHeight,
        )
        .fill('#f0f0f0');
    }
    doc.font(bold ? PDF_FONTS.bold : PDF_FONTS.regular).fontSize(9);
    cells.forEach((cell, i) => {
      const column = columns[i];
      if (!column) {
        return;
      }
      doc
        .fillColor(color ?? '#000000')
        .text(cell, x + 3, y + 4, { width: column.width - 6, height: rowHeight, lineBreak: false, ellipsis: true });
      x += column.width;
    });
    doc
      .moveTo(left, y + rowHeight)
      .lineTo(x, y + rowHeight)
      .strokeColor('#d9d9d9')
      .lineWidth(0.5)
      .stroke();
    doc.x = left;
    doc.y = y + rowHeight;
  };
  drawRow(
    columns.map((c) => c.header),
    true,
    null,
  );
  rows.forEach((row, i) => drawRow(row, false, highlight?.(i) ?? null));
  doc.fillColor('#000000');
  doc.moveDown(0.8);
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) {
    doc.addPage();
  }
  doc.font(PDF_FONTS.bold).fontSize(13).fillColor('#000000').text(text, doc.page.margins.left);
  doc.moveDown(0.4);
  doc.font(PDF_FONTS.regular).fontSize(10);
}

/** Renders the report on the calling thread (the worker's side of programmeReport). */
export async function drawProgrammeReport(data: ProgrammeReportData): Promise<Buffer> {
  const doc = createPdf({
    title: `${data.title} 推进情况报告`,
    subject: `Programme status report ${data.asOf}`,
    margin: 48,
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc
    .font(PDF_FONTS.bold)
    .fontSize(17)
    .text(`${data.scopeName}商业秘密保护工作推进情况报告`, { align: 'center', width });
  doc.moveDown(0.3);
  doc.font(PDF_FONTS.regular).fontSize(10).fillColor('#595959');
  doc.text(`依据：${data.title}（${data.documentNumber}）`, { align: 'center', width });
  doc.text(`统计截至：${data.asOf}；数据来源：系统内授牌记录与有效贯标证书（非填报数）`, { align: 'center', width });
  doc.fillColor('#000000').moveDown(1);

  heading(doc, '一、目标完成情况');
  table(
    doc,
    [
      { header: '类别', width: 110 },
      { header: '目标', width: 60 },
      { header: '实际', width: 60 },
      { header: '按进度应达', width: 70 },
      { header: '状态', width: 80 },
      { header: '下一节点', width: width - 380 },
    ],
    data.kinds.map((k) => [
      k.label,
      `${k.target}${k.unit}`,
      `${k.actual}${k.unit}`,
      `${k.expected}${k.unit}`,
      k.status,
      k.next,
    ]),
  );

  heading(doc, '二、节点目标');
  table(
    doc,
    [
      { header: '节点', width: 90 },
      { header: '日期', width: 80 },
      { header: '目标', width: width - 250 },
      { header: '达成', width: 80 },
    ],
    data.milestones.map((m) => [m.title, m.due, m.targets, m.met]),
  );

  heading(doc, '三、累计完成与节点目标线');
  const chartWidth = Math.floor(width / 2) - 6;
  const chartHeight = 170;
  for (let i = 0; i < data.charts.length; i += 2) {
    if (doc.y + chartHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
    }
    const y = doc.y;
    for (const [offset, chart] of data.charts.slice(i, i + 2).entries()) {
      SVGtoPDF(doc, chartSvg(chart, chartWidth, chartHeight), left + offset * (chartWidth + 12), y, {
        width: chartWidth,
        height: chartHeight,
        assumePt: true,
        fontCallback: () => PDF_FONTS.regular,
      });
    }
    doc.x = left;
    doc.y = y + chartHeight + 8;
  }
  doc.font(PDF_FONTS.regular).fontSize(9).fillColor('#595959');
  doc.text('实线为系统记录的实际累计数，虚线为按方案节点目标线性推算的计划进度。', left, doc.y, { width });
  doc.fillColor('#000000').moveDown(1);

  heading(doc, '四、各区域分解任务与完成情况');
  const cellWidth = Math.floor((width - 100 - 70) / Math.max(1, data.regionHeaders.length));
  table(
    doc,
    [
      { header: '区域', width: 100 },
      ...data.regionHeaders.map((h) => ({ header: h, width: cellWidth })),
      { header: '进度', width: 70 },
    ],
    data.regions.map((r) => [r.name, ...r.cells, r.status]),
    (i) => (data.regions[i]?.status === '进度落后' ? '#cf1322' : null),
  );
  doc.font(PDF_FONTS.regular).fontSize(9).fillColor('#595959');
  doc.text(
    '单元格为“实际/分解任务”。进度：实际达到按节点目标线推算的应达数为“进度正常”，达到其 80% 为“有滞后风险”，否则为“进度落后”。',
    left,
    doc.y,
    { width },
  );
  doc.fillColor('#000000').moveDown(1);

  heading(doc, '五、责任清单落实情况');
  const w = data.workItems;
  doc.text(
    `工作事项共 ${w.total} 项：已完成 ${w.done} 项，推进中 ${w.inProgress} 项，未开始 ${w.notStarted} 项，已逾期 ${w.overdue} 项。`,
    left,
    doc.y,
    { width },
  );
  doc.moveDown(0.5);
  if (data.overdueItems.length > 0) {
    table(
      doc,
      [
        { header: '逾期事项', width: width - 220 },
        { header: '责任单位', width: 140 },
        { header: '完成时限', width: 80 },
      ],
      data.overdueItems.map((o) => [o.title, o.owner, o.deadline]),
      () => '#cf1322',
    );
  }

  if (data.evaluation) {
    heading(doc, `六、考核结果（${data.evaluation.name}，${data.evaluation.period}）`);
    table(
      doc,
      [
        { header: '排名', width: 60 },
        { header: '区域', width: width - 160 },
        { header: '总分', width: 100 },
      ],
      data.evaluation.rows.map((r) => [String(r.rank), r.name, r.total.toFixed(2)]),
    );
  }
  return pdfToBuffer(doc);
}
