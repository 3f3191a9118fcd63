import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { attachmentName, buildWorkbook, XLSX_MIME, XlsxFile, type ExcelColumn } from '../../lib/excel';
import { contextOf } from '../../plugins/authz';
import { CommonGapsQuery, CommonGapsSchema, HeatmapQuery, HeatmapSchema } from './conformance.schemas';
import { commonGaps, heatmap, type CommonGap, type Heatmap } from './conformance.service';

const TAGS = ['贯标 analytics'];

const percent = (rate: number): number => Math.round(rate * 1000) / 10;

/** One row per requirement, one column per industry or region: pass rate in percent (blank: no answers). */
function heatmapColumns(data: Heatmap): ExcelColumn<Heatmap['requirements'][number]>[] {
  const rates = new Map(data.cells.map((c) => [`${c.code}\u0000${c.key}`, c.passRate]));
  return [
    { header: '要求编号', key: 'code', width: 12, value: (r) => r.code },
    { header: '要求', key: 'text', width: 60, value: (r) => r.text },
    ...data.columns.map((column, index) => ({
      header: `${column.label}（${column.assessments}份）通过率%`,
      key: `c${index}`,
      width: 14,
      value: (r: { code: string }) => {
        const rate = rates.get(`${r.code}\u0000${column.key}`);
        return rate === undefined ? null : percent(rate);
      },
    })),
  ];
}

const GAP_COLUMNS: ExcelColumn<CommonGap>[] = [
  { header: '要求编号', key: 'code', width: 12, value: (g) => g.code },
  { header: '要求', key: 'text', width: 60, value: (g) => g.text },
  { header: '未达标率%', key: 'gapRate', width: 12, value: (g) => percent(g.gapRate) },
  { header: '作答企业数', key: 'assessments', width: 12, value: (g) => g.assessments },
  { header: '强制性', key: 'mandatory', width: 8, value: (g) => (g.mandatory ? '是' : '否') },
];

export const conformanceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/conformance/heatmap',
    {
      config: { permission: 'conformance:analytics' },
      schema: {
        tags: TAGS,
        operationId: 'getConformanceHeatmap',
        summary: '各要求通过率热力图（按行业或区域；format=xlsx 导出 Excel）',
        querystring: HeatmapQuery,
        response: {
          200: { content: { 'application/json': { schema: HeatmapSchema }, [XLSX_MIME]: { schema: XlsxFile } } },
        },
      },
    },
    async (request, reply) => {
      const { format, ...input } = request.query;
      const data = await heatmap(app.db, contextOf(request), input);
      if (format !== 'xlsx') {
        return data;
      }
      const buffer = await buildWorkbook('通过率', heatmapColumns(data), data.requirements);
      const name = input.dimension === 'region' ? '按区域' : '按行业';
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentName(`贯标通过率-${name}.xlsx`))
        .send(buffer);
    },
  );

  app.get(
    '/api/conformance/common-gaps',
    {
      config: { permission: 'conformance:analytics' },
      schema: {
        tags: TAGS,
        operationId: 'getConformanceCommonGaps',
        summary: '最常见的差距（培训重点；format=xlsx 导出 Excel）',
        querystring: CommonGapsQuery,
        response: {
          200: { content: { 'application/json': { schema: CommonGapsSchema }, [XLSX_MIME]: { schema: XlsxFile } } },
        },
      },
    },
    async (request, reply) => {
      const { format, ...input } = request.query;
      const data = await commonGaps(app.db, contextOf(request), input);
      if (format !== 'xlsx') {
        return data;
      }
      const buffer = await buildWorkbook('常见差距', GAP_COLUMNS, data.items);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentName('贯标常见差距.xlsx')).send(buffer);
    },
  );
};
