import ExcelJS from 'exceljs';
import { Value } from 'typebox/value';
import type { FieldError } from '../../lib/errors';
import {
  FrameworkContentSchema,
  flattenRequirements,
  type FrameworkContent,
  type Requirement,
} from './frameworks.content';
import { FrameworkExportSchema, type FrameworkExport } from './frameworks.schemas';

/**
 * Import and export of a framework version as JSON or Excel. Pure conversions: no database, so the
 * service decides what a file may change and the round trip can be tested on its own.
 */

export const REQUIREMENT_SHEET = '要求';
export const OVERRIDE_SHEET = '行业调整';
export const INFO_SHEET = '说明';

export const REQUIREMENT_HEADERS = [
  '章',
  '章标题',
  '条',
  '条标题',
  '编号',
  '要求',
  '指导',
  '证据',
  '权重',
  '强制',
  '适用行业',
] as const;
type RequirementHeader = (typeof REQUIREMENT_HEADERS)[number];
const REQUIRED_HEADERS: readonly RequirementHeader[] = ['章', '章标题', '条', '条标题', '编号', '要求', '权重'];

export const OVERRIDE_HEADERS = ['编号', '权重', '指导', '证据', '强制'] as const;
type OverrideHeader = (typeof OVERRIDE_HEADERS)[number];

const INFO_PASS_SCORE = '合格分';
const INFO_BASE = '依据标准';

export interface ExportMeta {
  frameworkCode: string;
  frameworkName: string;
  kind: 'standard' | 'guide';
  industry: string | null;
  version: string;
  baseVersion: { frameworkCode: string; version: string } | null;
}

/** Industry codes ↔ names, for the Excel column 适用行业 (written as names, read as names or codes). */
export interface IndustryNames {
  nameOf: (code: string) => string;
  codeOf: (nameOrCode: string) => string | null;
}

/** What a parsed file yields: content, and the base version it names (if any). */
export interface ParsedImport {
  content: FrameworkContent;
  kind: 'standard' | 'guide' | null;
  baseVersion: { frameworkCode: string; version: string } | null;
}

export type ParseResult = { ok: true; value: ParsedImport } | { ok: false; errors: FieldError[] };

// ---------- JSON ----------

export function toJsonExport(meta: ExportMeta, content: FrameworkContent): FrameworkExport {
  return {
    format: 'shangmi-framework',
    framework: { code: meta.frameworkCode, kind: meta.kind, name: meta.frameworkName, industry: meta.industry },
    version: meta.version,
    baseVersion: meta.baseVersion,
    content,
  };
}

const KEYWORD_MESSAGES: Record<string, string> = {
  required: '缺少必填字段',
  additionalProperties: '含有不认识的字段',
  type: '类型不正确',
  minLength: '不能为空或过短',
  maxLength: '过长',
  minimum: '数值过小',
  maximum: '数值过大',
  pattern: '格式不正确（编号只能含字母、数字、点、下划线和连字符）',
  maxItems: '条目过多',
  const: '取值不正确',
  anyOf: '取值不正确',
};

/** Schema errors as field errors with Chinese messages; `field` is a JSON pointer-like path. */
export function schemaErrors(
  prefix: string,
  schema: typeof FrameworkContentSchema | typeof FrameworkExportSchema,
  value: unknown,
) {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const error of Value.Errors(schema, value)) {
    if (error.keyword === 'boolean') {
      continue; // reported again as additionalProperties
    }
    const extra =
      error.keyword === 'required'
        ? `：${(error.params as { requiredProperties?: string[] }).requiredProperties?.join('、') ?? ''}`
        : error.keyword === 'additionalProperties'
          ? `：${(error.params as { additionalProperties?: string[] }).additionalProperties?.join('、') ?? ''}`
          : '';
    const field = `${prefix}${error.instancePath.replace(/\//g, '.')}`;
    const message = `${field}：${KEYWORD_MESSAGES[error.keyword] ?? '不符合要求'}${extra}`;
    if (!seen.has(message)) {
      seen.add(message);
      errors.push({ field, message });
    }
    if (errors.length >= 50) {
      break;
    }
  }
  return errors;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON file: our export format, or bare content. */
export function parseJsonImport(data: Buffer): ParseResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, errors: [{ field: 'file', message: '文件不是有效的 JSON' }] };
  }
  if (isRecord(parsed) && parsed.format === 'shangmi-framework') {
    const errors = schemaErrors('', FrameworkExportSchema, parsed);
    if (errors.length > 0) {
      return { ok: false, errors };
    }
    const file = parsed as FrameworkExport;
    return { ok: true, value: { content: file.content, kind: file.framework.kind, baseVersion: file.baseVersion } };
  }
  const errors = schemaErrors('content', FrameworkContentSchema, parsed);
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return { ok: true, value: { content: parsed as FrameworkContent, kind: null, baseVersion: null } };
}

// ---------- Excel ----------

const YES = '是';
const NO = '否';

function styleHeader(sheet: ExcelJS.Worksheet) {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The workbook: requirements (one row each; an empty clause as a row without 编号), overrides, and notes. */
export async function toWorkbook(meta: ExportMeta, content: FrameworkContent, industries: IndustryNames) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shangmi 商密';
  const requirements = workbook.addWorksheet(REQUIREMENT_SHEET);
  const widths: Record<RequirementHeader, number> = {
    章: 6,
    章标题: 16,
    条: 8,
    条标题: 16,
    编号: 10,
    要求: 60,
    指导: 60,
    证据: 40,
    权重: 6,
    强制: 6,
    适用行业: 16,
  };
  requirements.columns = REQUIREMENT_HEADERS.map((h) => ({ header: h, key: h, width: widths[h] }));
  styleHeader(requirements);
  for (const chapter of content.chapters) {
    for (const clause of chapter.clauses) {
      const place = { 章: chapter.code, 章标题: chapter.title, 条: clause.code, 条标题: clause.title };
      if (clause.requirements.length === 0) {
        requirements.addRow(place);
      }
      for (const r of clause.requirements) {
        requirements.addRow({
          ...place,
          编号: r.code,
          要求: r.text,
          指导: r.guidance,
          证据: r.evidence,
          权重: r.weight,
          强制: r.mandatory ? YES : NO,
          适用行业: r.industries.map((code) => industries.nameOf(code)).join('、'),
        });
      }
    }
  }
  requirements.getColumn('要求').alignment = { wrapText: true, vertical: 'top' };
  requirements.getColumn('指导').alignment = { wrapText: true, vertical: 'top' };

  const overrides = workbook.addWorksheet(OVERRIDE_SHEET);
  overrides.columns = OVERRIDE_HEADERS.map((h) => ({
    header: h,
    key: h,
    width: h === '指导' || h === '证据' ? 60 : 10,
  }));
  styleHeader(overrides);
  for (const o of content.overrides ?? []) {
    overrides.addRow({
      编号: o.requirementCode,
      权重: o.weight ?? null,
      指导: o.guidance ?? null,
      证据: o.evidence ?? null,
      强制: o.mandatory === undefined ? null : o.mandatory ? YES : NO,
    });
  }

  const info = workbook.addWorksheet(INFO_SHEET);
  info.columns = [
    { header: '项目', key: 'k', width: 16 },
    { header: '内容', key: 'v', width: 60 },
  ];
  styleHeader(info);
  info.addRow({ k: '框架代码', v: meta.frameworkCode });
  info.addRow({ k: '框架名称', v: meta.frameworkName });
  info.addRow({ k: '类型', v: meta.kind === 'standard' ? '标准' : '行业指引' });
  info.addRow({ k: '行业', v: meta.industry ? industries.nameOf(meta.industry) : '' });
  info.addRow({ k: '版本', v: meta.version });
  info.addRow({ k: INFO_PASS_SCORE, v: content.passScore ?? '' });
  info.addRow({
    k: INFO_BASE,
    v: meta.baseVersion ? `${meta.baseVersion.frameworkCode} ${meta.baseVersion.version}` : '',
  });
  info.addRow({
    k: '填写说明',
    v: `「${REQUIREMENT_SHEET}」每行一条要求；强制填「是」或「否」；权重为 0–100 的数字；适用行业留空表示全部行业，多个用「、」分隔。「${OVERRIDE_SHEET}」仅行业指引使用：留空的列表示不调整。`,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value.trim();
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if ('richText' in value) {
    return value.richText
      .map((t) => t.text)
      .join('')
      .trim();
  }
  if ('result' in value) {
    return cellText(value.result);
  }
  if ('text' in value) {
    return cellText(value.text);
  }
  return '';
}

function headerMap<H extends string>(sheet: ExcelJS.Worksheet, headers: readonly H[]): Map<H, number> {
  const map = new Map<H, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    const text = cellText(cell.value) as H;
    if (headers.includes(text)) {
      map.set(text, column);
    }
  });
  return map;
}

function parseBoolean(text: string): boolean | null {
  if (['是', 'Y', 'y', 'yes', 'true', 'TRUE', '1', '√'].includes(text)) {
    return true;
  }
  if (['否', 'N', 'n', 'no', 'false', 'FALSE', '0', ''].includes(text)) {
    return false;
  }
  return null;
}

function parseWeight(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text)) {
    return null;
  }
  const weight = Number(text);
  return weight >= 0 && weight <= 100 ? weight : null;
}

/** An .xlsx file in the layout `toWorkbook` writes; every bad row is reported, nothing is half-read. */
export async function parseExcelImport(data: Buffer, industries: IndustryNames): Promise<ParseResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { ok: false, errors: [{ field: 'file', message: '无法读取 Excel 文件（请上传 .xlsx 格式）' }] };
  }
  const sheet = workbook.getWorksheet(REQUIREMENT_SHEET) ?? workbook.worksheets[0];
  if (!sheet) {
    return { ok: false, errors: [{ field: 'file', message: `Excel 文件中没有「${REQUIREMENT_SHEET}」工作表` }] };
  }
  const errors: FieldError[] = [];
  const columns = headerMap(sheet, REQUIREMENT_HEADERS);
  const missing = REQUIRED_HEADERS.filter((h) => !columns.has(h));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [{ field: REQUIREMENT_SHEET, message: `「${sheet.name}」工作表缺少列：${missing.join('、')}` }],
    };
  }
  const content: FrameworkContent = { chapters: [] };
  const rowError = (sheetName: string, rowNumber: number, header: string, message: string) =>
    errors.push({
      field: `${sheetName}!${rowNumber}.${header}`,
      message: `「${sheetName}」第 ${rowNumber} 行 ${header}：${message}`,
    });

  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) {
      return;
    }
    const get = (h: RequirementHeader) => {
      const column = columns.get(h);
      return column ? cellText(row.getCell(column).value) : '';
    };
    const values = REQUIREMENT_HEADERS.map(get);
    if (values.every((v) => v === '')) {
      return;
    }
    const before = errors.length;
    const chapterCode = get('章');
    const clauseCode = get('条');
    for (const h of ['章', '章标题', '条', '条标题'] as const) {
      if (!get(h)) {
        rowError(sheet.name, rowNumber, h, '不能为空');
      }
    }
    let chapter = content.chapters.find((c) => c.code === chapterCode);
    if (chapter && chapter.title !== get('章标题')) {
      rowError(sheet.name, rowNumber, '章标题', `与前面行中第「${chapterCode}」章的标题「${chapter.title}」不一致`);
    }
    let clause = chapter?.clauses.find((c) => c.code === clauseCode);
    if (clause && clause.title !== get('条标题')) {
      rowError(sheet.name, rowNumber, '条标题', `与前面行中第「${clauseCode}」条的标题「${clause.title}」不一致`);
    }
    const code = get('编号');
    let requirement: Requirement | null = null;
    if (code) {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(code) || code.length > 40) {
        rowError(sheet.name, rowNumber, '编号', `「${code}」格式不正确（只能含字母、数字、点、下划线和连字符）`);
      }
      const text = get('要求');
      if (!text) {
        rowError(sheet.name, rowNumber, '要求', '不能为空');
      } else if (text.length > 2000) {
        rowError(sheet.name, rowNumber, '要求', '超过 2000 字');
      }
      const guidance = get('指导');
      const evidence = get('证据');
      if (guidance.length > 4000) {
        rowError(sheet.name, rowNumber, '指导', '超过 4000 字');
      }
      if (evidence.length > 2000) {
        rowError(sheet.name, rowNumber, '证据', '超过 2000 字');
      }
      const weight = parseWeight(get('权重'));
      if (weight === null) {
        rowError(sheet.name, rowNumber, '权重', `「${get('权重')}」不是 0–100 的数字`);
      }
      const mandatory = parseBoolean(get('强制'));
      if (mandatory === null) {
        rowError(sheet.name, rowNumber, '强制', `「${get('强制')}」应为「是」或「否」`);
      }
      const industryCodes: string[] = [];
      for (const name of get('适用行业')
        .split(/[、,，;；\s]+/)
        .filter(Boolean)) {
        const industry = industries.codeOf(name);
        if (industry) {
          industryCodes.push(industry);
        } else {
          rowError(sheet.name, rowNumber, '适用行业', `不认识的行业「${name}」`);
        }
      }
      requirement = {
        code,
        text,
        guidance,
        evidence,
        weight: weight ?? 0,
        mandatory: mandatory ?? false,
        industries: industryCodes,
      };
    }
    if (errors.length > before) {
      return;
    }
    if (!chapter) {
      chapter = { code: chapterCode, title: get('章标题'), clauses: [] };
      content.chapters.push(chapter);
    }
    if (!clause) {
      clause = { code: clauseCode, title: get('条标题'), requirements: [] };
      chapter.clauses.push(clause);
    }
    if (requirement) {
      clause.requirements.push(requirement);
    }
  });

  const overrideSheet = workbook.getWorksheet(OVERRIDE_SHEET);
  if (overrideSheet) {
    const oc = headerMap<OverrideHeader>(overrideSheet, OVERRIDE_HEADERS);
    const overrides: NonNullable<FrameworkContent['overrides']> = [];
    overrideSheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) {
        return;
      }
      const get = (h: OverrideHeader) => {
        const column = oc.get(h);
        return column ? cellText(row.getCell(column).value) : '';
      };
      if (OVERRIDE_HEADERS.every((h) => get(h) === '')) {
        return;
      }
      const before = errors.length;
      const requirementCode = get('编号');
      if (!requirementCode) {
        rowError(overrideSheet.name, rowNumber, '编号', '不能为空');
      }
      const override: NonNullable<FrameworkContent['overrides']>[number] = { requirementCode };
      if (get('权重')) {
        const weight = parseWeight(get('权重'));
        if (weight === null) {
          rowError(overrideSheet.name, rowNumber, '权重', `「${get('权重')}」不是 0–100 的数字`);
        } else {
          override.weight = weight;
        }
      }
      if (get('指导')) {
        override.guidance = get('指导');
      }
      if (get('证据')) {
        override.evidence = get('证据');
      }
      if (get('强制')) {
        const mandatory = parseBoolean(get('强制'));
        if (mandatory === null) {
          rowError(overrideSheet.name, rowNumber, '强制', `「${get('强制')}」应为「是」或「否」`);
        } else {
          override.mandatory = mandatory;
        }
      }
      if (errors.length === before) {
        overrides.push(override);
      }
    });
    if (overrides.length > 0) {
      content.overrides = overrides;
    }
  }

  let baseVersion: ParsedImport['baseVersion'] = null;
  const info = workbook.getWorksheet(INFO_SHEET);
  info?.eachRow((row, rowNumber) => {
    const key = cellText(row.getCell(1).value);
    const value = cellText(row.getCell(2).value);
    if (key === INFO_PASS_SCORE && value) {
      const score = parseWeight(value);
      if (score === null) {
        rowError(INFO_SHEET, rowNumber, INFO_PASS_SCORE, `「${value}」不是 0–100 的数字`);
      } else {
        content.passScore = score;
      }
    }
    const base = /^(\S+)\s+(\S+)$/.exec(value);
    if (key === INFO_BASE && base?.[1] && base[2]) {
      baseVersion = { frameworkCode: base[1], version: base[2] };
    }
  });

  if (errors.length > 0) {
    return { ok: false, errors: errors.slice(0, 200) };
  }
  if (flattenRequirements(content, 'standard').length === 0 && !content.overrides?.length) {
    return { ok: false, errors: [{ field: REQUIREMENT_SHEET, message: `「${sheet.name}」工作表中没有任何要求` }] };
  }
  const schemaProblems = schemaErrors('content', FrameworkContentSchema, content);
  if (schemaProblems.length > 0) {
    return { ok: false, errors: schemaProblems };
  }
  return { ok: true, value: { content, kind: null, baseVersion } };
}
