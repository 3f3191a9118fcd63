import { SECRET_CATEGORIES, SECRET_CATEGORY_LABELS, SECRET_LIMITS, type SecretLevel } from '@shangmi/shared';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { categoryByLabel, importPoints, openRegister, type ImportRow } from './secrets.service';

/**
 * Excel import of an existing inventory: every row is checked first; if any row has a problem nothing
 * is written and the report lists each problem by row and column. Otherwise all rows are written in one
 * transaction (as drafts, numbered in order).
 */

const COLUMNS = [
  { key: 'name', header: '秘点名称', required: true, width: 28 },
  { key: 'category', header: '类别', required: true, width: 14 },
  { key: 'level', header: '密级', required: true, width: 12 },
  { key: 'protectedUntil', header: '保密期限', required: false, width: 14 },
  { key: 'department', header: '责任部门', required: true, width: 16 },
  { key: 'content', header: '具体内容', required: true, width: 60 },
  { key: 'valueStatement', header: '商业价值说明', required: false, width: 40 },
  { key: 'notes', header: '备注', required: false, width: 30 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

export interface ImportReport {
  imported: number;
  rows: number;
  errors: { row: number; field: string; message: string }[];
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object' && 'richText' in value) {
    return value.richText
      .map((p) => p.text)
      .join('')
      .trim();
  }
  if (typeof value === 'object' && 'result' in value) {
    const result: unknown = value.result;
    return typeof result === 'string' || typeof result === 'number' ? String(result).trim() : '';
  }
  if (typeof value === 'object' && 'text' in value) {
    return String(value.text).trim();
  }
  return typeof value === 'object' ? '' : String(value).trim();
}

const isDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
};

/** Pure: the sheet's rows → inputs or problems. */
export function validateRows(
  rows: { row: number; cells: Partial<Record<ColumnKey, string>> }[],
  levels: SecretLevel[],
): { valid: ImportRow[]; errors: ImportReport['errors'] } {
  const errors: ImportReport['errors'] = [];
  const valid: ImportRow[] = [];
  const levelByName = new Map(levels.flatMap((l) => [[l.name, l.code] as const, [l.code, l.code] as const]));
  for (const { row, cells } of rows) {
    const problems: ImportReport['errors'] = [];
    for (const column of COLUMNS) {
      if (column.required && !cells[column.key]) {
        problems.push({ row, field: column.header, message: `「${column.header}」必填` });
      }
    }
    const category = cells.category ? categoryByLabel.get(cells.category) : undefined;
    if (cells.category && !category) {
      problems.push({
        row,
        field: '类别',
        message: `类别「${cells.category}」无效，可选：${SECRET_CATEGORIES.map((c) => SECRET_CATEGORY_LABELS[c]).join('、')}`,
      });
    }
    const levelCode = cells.level ? levelByName.get(cells.level) : undefined;
    if (cells.level && !levelCode) {
      problems.push({
        row,
        field: '密级',
        message: `密级「${cells.level}」无效，可选：${levels.map((l) => l.name).join('、')}`,
      });
    }
    let protectedUntil: string | null = null;
    if (cells.protectedUntil && cells.protectedUntil !== '长期') {
      if (isDate(cells.protectedUntil)) {
        protectedUntil = cells.protectedUntil;
      } else {
        problems.push({ row, field: '保密期限', message: '保密期限应为日期（YYYY-MM-DD）或「长期」' });
      }
    }
    if ((cells.name ?? '').length > SECRET_LIMITS.nameMax) {
      problems.push({ row, field: '秘点名称', message: `秘点名称不超过 ${SECRET_LIMITS.nameMax} 字` });
    }
    if ((cells.content ?? '').length > SECRET_LIMITS.contentMax) {
      problems.push({ row, field: '具体内容', message: `具体内容不超过 ${SECRET_LIMITS.contentMax} 字` });
    }
    for (const key of ['valueStatement', 'notes'] as const) {
      if ((cells[key] ?? '').length > SECRET_LIMITS.noteMax) {
        const header = COLUMNS.find((c) => c.key === key)?.header ?? key;
        problems.push({ row, field: header, message: `「${header}」不超过 ${SECRET_LIMITS.noteMax} 字` });
      }
    }
    if (problems.length > 0 || !category || !levelCode) {
      errors.push(...problems);
      continue;
    }
    valid.push({
      row,
      input: {
        name: cells.name ?? '',
        category,
        levelCode,
        protectedUntil,
        department: cells.department ?? '',
        content: cells.content ?? '',
        valueStatement: cells.valueStatement || null,
        notes: cells.notes || null,
      },
    });
  }
  return { valid, errors };
}

export async function readSheet(data: Buffer): Promise<{ row: number; cells: Partial<Record<ColumnKey, string>> }[]> {
  if (!data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new AppError('import_not_xlsx', 400, '文件不是 .xlsx 格式（Excel 工作簿），请使用导入模板填写后上传');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import_bad_file', 400, '无法读取该 Excel 文件，请使用导入模板填写后上传');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    throw new AppError('import_bad_file', 400, '工作簿中没有工作表');
  }
  const header = new Map<number, ColumnKey>();
  sheet.getRow(1).eachCell((cell, col) => {
    const name = text(cell.value).replace(/[*＊\s]/g, '');
    const column = COLUMNS.find((c) => c.header === name);
    if (column) {
      header.set(col, column.key);
    }
  });
  const missing = COLUMNS.filter((c) => c.required && ![...header.values()].includes(c.key));
  if (missing.length > 0) {
    throw new AppError(
      'import_bad_header',
      400,
      `表头缺少：${missing.map((c) => c.header).join('、')}。请使用导入模板（第一行为表头）`,
    );
  }
  const rows: { row: number; cells: Partial<Record<ColumnKey, string>> }[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) {
      return;
    }
    const cells: Partial<Record<ColumnKey, string>> = {};
    for (const [col, key] of header) {
      const value = text(row.getCell(col).value);
      if (value) {
        cells[key] = value;
      }
    }
    if (Object.keys(cells).length > 0) {
      rows.push({ row: number, cells });
    }
  });
  if (rows.length > SECRET_LIMITS.importMaxRows) {
    throw new AppError('import_too_many_rows', 400, `一次最多导入 ${SECRET_LIMITS.importMaxRows} 行`);
  }
  if (rows.length === 0) {
    throw new AppError('import_empty', 400, '表格中没有数据行');
  }
  return rows;
}

/** Validates every row, then writes all of them or none. */
export async function importRegister(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  data: Buffer,
): Promise<ImportReport> {
  const register = await openRegister(db, ctx, enterpriseId);
  const rows = await readSheet(data);
  const { valid, errors } = validateRows(rows, register.levels);
  if (errors.length > 0) {
    return { imported: 0, rows: rows.length, errors };
  }
  const imported = await importPoints(db, ctx, register, valid);
  return { imported, rows: rows.length, errors: [] };
}

/** The import template: headers, an example row, and the allowed values. */
export async function buildTemplate(levels: SecretLevel[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shangmi 商密';
  const sheet = workbook.addWorksheet('秘点清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.required ? `*${c.header}` : c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  const help = workbook.addWorksheet('说明');
  help.columns = [
    { header: '列', key: 'column', width: 16 },
    { header: '说明', key: 'note', width: 90 },
  ];
  help.addRows([
    { column: '类别', note: SECRET_CATEGORIES.map((c) => SECRET_CATEGORY_LABELS[c]).join('、') },
    { column: '密级', note: levels.map((l) => l.name).join('、') },
    { column: '保密期限', note: '日期（YYYY-MM-DD）或「长期」；留空即长期' },
    {
      column: '具体内容',
      note: `可向法院陈述的具体内容（不少于 ${SECRET_LIMITS.specificDescriptionMinChars} 字为宜）；导入后加密保存`,
    },
    { column: '全部或全不', note: '任何一行有错误时不导入任何数据，并列出每行的问题' },
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
