import { Readable } from 'node:stream';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import {
  DEFAULT_INDUSTRIES,
  ENTERPRISE_SIZE_LABELS,
  ENTERPRISE_SIZES,
  HONOUR_LABELS,
  HONOURS,
  LIMITS,
  normalizeUscc,
  usccCheckCharacter,
  type EnterpriseSize,
  type Honour,
} from '@shangmi/shared';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor, RequestContext } from '../../lib/context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { writeAudit } from '../audit/index';
import { regionLookups } from '../regions/index';
import * as importRepo from './enterprises.import.repo';
import type { ImportJob, ImportRowError, ImportStatus } from './enterprises.import.schemas';
import { canManageInRegion } from './enterprises.policy';
import { findExistingUsccs, insertEnterprises } from './enterprises.repo';
import { enterpriseFieldProblems, toInsert, type EnterpriseInput } from './enterprises.rules';

// ---------------------------------------------------------------------------------------------
// Columns of the import file
// ---------------------------------------------------------------------------------------------

export type ImportField = keyof EnterpriseInput | 'region';

interface ImportColumn {
  field: Exclude<ImportField, 'regionId'>;
  header: string;
  required: boolean;
  width: number;
  /** Other headers accepted for this column (so a file from 导出Excel can be re-imported). */
  aliases?: string[];
  /** What the 说明 sheet says about the column. */
  help: string;
  /** Stored as text in the template, so Excel does not turn long digit strings into numbers. */
  text?: boolean;
}

/** The columns in template order. `field` is the name the registry API uses, so errors point to the same field. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: 'name', header: '企业名称', required: true, width: 36, help: `企业全称，最多 ${LIMITS.nameMax} 字。` },
  {
    field: 'uscc',
    header: '统一社会信用代码',
    required: true,
    width: 24,
    text: true,
    help: '18 位，数字和大写字母（不含 I、O、Z、S、V），最后一位为校验位；同一文件内和系统中都不能重复。',
  },
  {
    field: 'region',
    header: '所属区域',
    required: true,
    width: 18,
    aliases: ['区域'],
    help: '填写区域名称，如「东阿县」「烟店镇」（见下拉列表）；县级管理员只能导入本辖区的企业。',
  },
  {
    field: 'address',
    header: '详细地址',
    required: true,
    width: 40,
    aliases: ['地址'],
    help: `最多 ${LIMITS.addressMax} 字。`,
  },
  {
    field: 'industry',
    header: '行业',
    required: true,
    width: 16,
    help: '填写行业名称，如「化工」「轴承」（见下拉列表）。',
  },
  { field: 'size', header: '规模', required: true, width: 8, help: '大型、中型、小型、微型 之一。' },
  {
    field: 'honours',
    header: '荣誉',
    required: false,
    width: 24,
    help: `可不填；多个荣誉用「、」分隔，可选：${HONOURS.map((h) => HONOUR_LABELS[h]).join('、')}。`,
  },
  { field: 'legalRepresentative', header: '法定代表人', required: false, width: 12, help: '可不填，最多 50 字。' },
  { field: 'contactName', header: '联系人', required: true, width: 12, help: '企业的商业秘密保护联系人，最多 50 字。' },
  {
    field: 'contactPhone',
    header: '联系电话',
    required: true,
    width: 16,
    text: true,
    help: '5–30 位，可含数字、+、-、括号和空格，如 0635-3200001 或 13800000000。',
  },
  { field: 'contactEmail', header: '电子邮箱', required: false, width: 24, help: '可不填，如 contact@example.cn。' },
  { field: 'employees', header: '从业人数', required: false, width: 10, help: '可不填；0 或正整数。' },
];

const COLUMN_BY_FIELD = new Map(IMPORT_COLUMNS.map((c) => [c.field, c]));
const headerOf = (field: ImportColumn['field']): string => COLUMN_BY_FIELD.get(field)?.header ?? field;

/** Rows whose 企业名称 starts with this are the template's example and are skipped. */
const EXAMPLE_MARK = '（示例）';
const MAX_STORED_ERRORS = 5000;
/** Rows validated between two yields to the event loop. */
const VALIDATE_CHUNK = 500;
/**
 * Enterprises inserted between two yields during commit: better-sqlite3 runs each statement
 * synchronously and Kysely awaits only microtasks, so without these yields a commit would hold the
 * event loop for its whole duration. 200 is also insertEnterprises' own statement size.
 */
const COMMIT_CHUNK = 200;
/** A job that has not moved for this long was interrupted (server restart); it is reported as failed. */
const STALE_AFTER_MS = 10 * 60 * 1000;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_PATTERN = /^[0-9+()\- ]{5,30}$/;

// ---------------------------------------------------------------------------------------------
// Lookups: names a person writes → ids and codes
// ---------------------------------------------------------------------------------------------

type Lookups = Awaited<ReturnType<typeof regionLookups>>;
type RegionRow = Lookups['regions'][number];

interface ImportLookups {
  base: Lookups;
  regions: RegionRow[];
  /** The label each region has in the template (its name, or 上级/名称 when the name is not unique). */
  regionLabel: (region: RegionRow) => string;
  resolveRegion: (text: string) => { region: RegionRow } | { problem: 'unknown' | 'ambiguous' };
  industryCode: (text: string) => string | undefined;
}

function buildLookups(base: Lookups): ImportLookups {
  const byId = new Map(base.regions.map((r) => [r.id, r]));
  const byName = new Map<string, RegionRow[]>();
  const byCode = new Map<string, RegionRow>();
  const byQualified = new Map<string, RegionRow>();
  for (const region of base.regions) {
    byName.set(region.name, [...(byName.get(region.name) ?? []), region]);
    byCode.set(region.code, region);
    const parent = region.parent_id ? byId.get(region.parent_id) : undefined;
    if (parent) {
      byQualified.set(`${parent.name}/${region.name}`, region);
    }
  }
  const regionLabel = (region: RegionRow): string => {
    const parent = region.parent_id ? byId.get(region.parent_id) : undefined;
    return (byName.get(region.name)?.length ?? 0) > 1 && parent ? `${parent.name}/${region.name}` : region.name;
  };
  const industries = new Map<string, string>();
  for (const industry of base.industries) {
    industries.set(industry.name, industry.code);
    industries.set(industry.code, industry.code);
  }
  return {
    base,
    regions: base.regions,
    regionLabel,
    resolveRegion: (text) => {
      const value = text.replace(/[／\\]/g, '/').replace(/\s+/g, '');
      const qualified = value.includes('/') ? byQualified.get(value.split('/').slice(-2).join('/')) : undefined;
      if (qualified) {
        return { region: qualified };
      }
      const named = byName.get(value) ?? [];
      if (named.length > 1) {
        return { problem: 'ambiguous' };
      }
      const region = named[0] ?? byCode.get(value);
      return region ? { region } : { problem: 'unknown' };
    },
    industryCode: (text) => industries.get(text.replace(/\s+/g, '')),
  };
}

const SIZE_BY_TEXT = new Map<string, EnterpriseSize>(
  ENTERPRISE_SIZES.flatMap((s) => [
    [ENTERPRISE_SIZE_LABELS[s], s],
    [ENTERPRISE_SIZE_LABELS[s].replace('型', ''), s],
    [s, s],
  ]),
);
const HONOUR_BY_TEXT = new Map<string, Honour>(
  HONOURS.flatMap((h) => [
    [HONOUR_LABELS[h], h],
    [h, h],
  ]),
);

// ---------------------------------------------------------------------------------------------
// Reading the file
// ---------------------------------------------------------------------------------------------

type RawCell = string | number;

/** One data row as read from the sheet: the Excel row number and the cells of the known columns. */
export interface RawRow {
  row: number;
  cells: Partial<Record<ImportColumn['field'], RawCell>>;
}

const badFile = (detail: string, code = 'import_bad_file'): AppError => new AppError(code, 400, detail);

/** A cell's value as text or number; formulas give their result, rich text its plain text, links their text. */
function cellValue(value: ExcelJS.CellValue): RawCell | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'boolean') {
    return value ? 'TRUE' : 'FALSE';
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if ('richText' in value) {
    return cellValue(value.richText.map((part) => part.text).join(''));
  }
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    return typeof text === 'string' ? cellValue(text) : cellValue(value.hyperlink.replace(/^mailto:/i, ''));
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return typeof result === 'string' || typeof result === 'number' ? cellValue(result) : null;
  }
  return null;
}

const normalizeHeader = (value: RawCell | null): string =>
  value === null
    ? ''
    : String(value)
        .replace(/[*＊\s]/g, '')
        .replace(/（.*?）|\(.*?\)/g, '');

function headerFields(row: ExcelJS.Row): Map<number, ImportColumn['field']> {
  const found = new Map<number, ImportColumn['field']>();
  const seen = new Map<ImportColumn['field'], string>();
  row.eachCell((cell, col) => {
    const text = normalizeHeader(cellValue(cell.value));
    const column = IMPORT_COLUMNS.find((c) => c.header === text || (c.aliases ?? []).includes(text));
    if (!column) {
      return;
    }
    if (seen.has(column.field)) {
      throw badFile(`表头中「${column.header}」列出现了不止一次，请删除多余的列`, 'import_bad_header');
    }
    seen.set(column.field, text);
    found.set(col, column.field);
  });
  return found;
}

/**
 * Reads the first sheet that has our header row, with ExcelJS's streaming reader: it parses the
 * zip entry piece by piece, so a 20 000-row file never blocks the event loop for long (loading the
 * whole workbook at once blocked it for over half a second in our measurements).
 */
export async function readImportRows(data: Buffer): Promise<RawRow[]> {
  if (data.length === 0) {
    throw badFile('上传的文件是空的');
  }
  if (data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw badFile('不支持 Excel 97-2003（.xls）格式，请在 Excel 中“另存为” .xlsx 后再上传', 'import_not_xlsx');
  }
  if (!data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw badFile('文件不是 .xlsx 格式（Excel 工作簿），请使用导入模板填写后上传', 'import_not_xlsx');
  }
  const rows: RawRow[] = [];
  let header: Map<number, ImportColumn['field']> | null = null;
  let sawSheet = false;
  // Physical rows, empty or not: a file of a million blank-but-formatted rows is refused, not read.
  let physicalRows = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(pieces(data, 64 * 1024)), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      sawSheet = true;
      // Sheets after the data sheet (说明, 选项) are drained, not read; so are sheets without our header.
      const candidate = header === null;
      let headerRowSeen = false;
      let fields: Map<number, ImportColumn['field']> | null = null;
      for await (const row of sheet) {
        physicalRows += 1;
        if (physicalRows > LIMITS.importRowsMax * 2 + 100) {
          throw tooManyRows();
        }
        if (!candidate) {
          continue;
        }
        if (!headerRowSeen) {
          if (!row.hasValues) {
            continue;
          }
          headerRowSeen = true;
          const found = headerFields(row);
          if ([...found.values()].includes('name') || found.size >= 3) {
            fields = found;
            header = found;
          }
          continue;
        }
        if (fields === null) {
          continue;
        }
        const cells: RawRow['cells'] = {};
        let empty = true;
        for (const [col, field] of fields) {
          const value = cellValue(row.getCell(col).value);
          if (value !== null) {
            cells[field] = value;
            empty = false;
          }
        }
        if (empty) {
          continue;
        }
        const name = cells.name;
        if (typeof name === 'string' && name.startsWith(EXAMPLE_MARK)) {
          continue;
        }
        rows.push({ row: row.number, cells });
        if (rows.length > LIMITS.importRowsMax) {
          throw tooManyRows();
        }
      }
    }
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    throw badFile(
      '文件已损坏或不是有效的 .xlsx 文件，无法读取；请用 Excel 打开确认后另存为 .xlsx 再上传',
      'import_corrupt',
    );
  }
  if (!sawSheet) {
    throw badFile('文件中没有工作表，请使用导入模板', 'import_corrupt');
  }
  const found = new Set(header?.values() ?? []);
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !found.has(c.field)).map((c) => c.header);
  if (missing.length > 0) {
    throw badFile(`缺少必填列：${missing.join('、')}。请使用导入模板，表头须在第一行`, 'import_missing_columns');
  }
  if (rows.length === 0) {
    throw badFile('文件中没有数据行（示例行不会导入）', 'import_empty');
  }
  return rows;
}

/** The upload in pieces, so the unzipper inflates (synchronously) a little at a time instead of all at once. */
function* pieces(data: Buffer, size: number): Generator<Buffer> {
  for (let start = 0; start < data.length; start += size) {
    yield data.subarray(start, start + size);
  }
}

const tooManyRows = (): AppError =>
  new AppError(
    'import_too_many_rows',
    400,
    `文件数据行超过 ${LIMITS.importRowsMax} 行，单次最多导入 ${LIMITS.importRowsMax} 行，请拆分成多个文件分批导入`,
  );

// ---------------------------------------------------------------------------------------------
// Validating a row (pure)
// ---------------------------------------------------------------------------------------------

interface RowOutcome {
  row: number;
  /** The registry input, when the row has no error. */
  input: EnterpriseInput | null;
  /** The normalised code when it is itself valid (even if other columns are not): duplicates are checked on it. */
  uscc: string | null;
  errors: ImportRowError[];
}

const asText = (value: RawCell | undefined): string => (value === undefined ? '' : String(value).trim());

/** Checks one row and builds the registry input from it; database-wide checks (duplicates) come later. */
export function validateImportRow(raw: RawRow, lookups: ImportLookups, actor: Actor): RowOutcome {
  const errors: ImportRowError[] = [];
  const fail = (field: ImportColumn['field'], message: string) => {
    errors.push({ row: raw.row, column: headerOf(field), field: field === 'region' ? 'regionId' : field, message });
  };
  const text = (field: ImportColumn['field'], max: number): string => {
    const value = asText(raw.cells[field]);
    const column = COLUMN_BY_FIELD.get(field);
    if (value === '' && column?.required) {
      fail(field, `${headerOf(field)}不能为空`);
    } else if (value.length > max) {
      fail(field, `${headerOf(field)}不能超过 ${max} 个字`);
    }
    return value;
  };

  const name = text('name', LIMITS.nameMax);

  let uscc = '';
  const rawUscc = raw.cells.uscc;
  if (typeof rawUscc === 'number' && !Number.isSafeInteger(rawUscc)) {
    fail('uscc', '统一社会信用代码被 Excel 存成了数字（末几位已丢失），请将该列设为“文本”格式后重新填写');
  } else {
    uscc = normalizeUscc(text('uscc', 40));
    if (uscc !== '') {
      for (const problem of enterpriseFieldProblems({ uscc }, lookups.base)) {
        fail('uscc', problem.message);
      }
    }
  }

  let regionId = '';
  const regionText = text('region', 100);
  if (regionText !== '') {
    const resolved = lookups.resolveRegion(regionText);
    if ('problem' in resolved) {
      fail(
        'region',
        resolved.problem === 'ambiguous'
          ? `所属区域「${regionText}」有重名，请写作「上级区域/${regionText}」`
          : `所属区域「${regionText}」不存在，请从下拉列表中选择（如 东阿县、烟店镇）`,
      );
    } else if (!canManageInRegion(actor, resolved.region.path)) {
      fail('region', `所属区域「${regionText}」不在您的管辖范围（${actor.regionName}）内`);
    } else {
      regionId = resolved.region.id;
    }
  }

  const address = text('address', LIMITS.addressMax);

  let industry = '';
  const industryText = text('industry', 50);
  if (industryText !== '') {
    const code = lookups.industryCode(industryText);
    if (code) {
      industry = code;
    } else {
      fail('industry', `行业「${industryText}」不在行业目录中，请从下拉列表中选择`);
    }
  }

  let size = '';
  const sizeText = text('size', 10);
  if (sizeText !== '') {
    const found = SIZE_BY_TEXT.get(sizeText);
    if (found) {
      size = found;
    } else {
      fail('size', `规模「${sizeText}」无效，应为 大型、中型、小型、微型 之一`);
    }
  }

  const honours: Honour[] = [];
  for (const label of asText(raw.cells.honours)
    .split(/[、,，;；/\s]+/)
    .filter((h) => h !== '')) {
    const honour = HONOUR_BY_TEXT.get(label);
    if (!honour) {
      fail('honours', `未知的荣誉「${label}」，可选：${HONOURS.map((h) => HONOUR_LABELS[h]).join('、')}`);
    } else if (!honours.includes(honour)) {
      honours.push(honour);
    }
  }

  const legalRepresentative = text('legalRepresentative', 50);
  const contactName = text('contactName', 50);

  const contactPhone = text('contactPhone', 30);
  if (contactPhone !== '' && contactPhone.length <= 30 && !PHONE_PATTERN.test(contactPhone)) {
    fail('contactPhone', '联系电话格式不正确（5–30 位，只能包含数字、+、-、括号和空格）');
  }

  const contactEmail = text('contactEmail', 200);
  if (contactEmail !== '' && contactEmail.length <= 200 && !EMAIL_PATTERN.test(contactEmail)) {
    fail('contactEmail', `电子邮箱「${contactEmail}」格式不正确`);
  }

  let employees: number | null = null;
  const rawEmployees = raw.cells.employees;
  if (rawEmployees !== undefined) {
    const value = typeof rawEmployees === 'number' ? rawEmployees : Number(rawEmployees.replace(/[,，\s]/g, ''));
    if (!Number.isInteger(value) || value < 0 || value > 10_000_000) {
      fail('employees', `从业人数「${rawEmployees}」应为 0 到 10000000 之间的整数`);
    } else {
      employees = value;
    }
  }

  const validUscc = uscc !== '' && !errors.some((e) => e.field === 'uscc') ? uscc : null;
  if (errors.length > 0) {
    return { row: raw.row, input: null, uscc: validUscc, errors };
  }
  return {
    row: raw.row,
    uscc: validUscc,
    errors,
    input: {
      name,
      uscc,
      regionId,
      address,
      industry,
      size,
      honours,
      legalRepresentative: legalRepresentative === '' ? null : legalRepresentative,
      contactName,
      contactPhone,
      contactEmail: contactEmail === '' ? null : contactEmail,
      employees,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Jobs
// ---------------------------------------------------------------------------------------------

/**
 * What the job keeps between validation and commit, in import_jobs.report as two lines of JSON: the
 * errors, then the valid rows. Progress polls read only the first line, so they do not parse
 * megabytes of rows each time.
 */
interface ImportReport {
  errors: ImportRowError[];
  /** The valid rows waiting for commit; emptied once the job is done or failed. */
  rows: Array<{ row: number; input: EnterpriseInput }>;
}

export interface ImportLogger {
  error: (object: unknown, message: string) => void;
}

export interface UploadedImportFile {
  fileName: string;
  data: Buffer;
}

const KIND = 'enterprises';

function present(job: importRepo.ImportJobRow, errors: ImportRowError[]): ImportJob {
  return {
    id: job.id,
    status: job.status as ImportStatus,
    fileName: job.file_name,
    totalRows: Number(job.total_rows),
    processedRows: Number(job.processed_rows),
    validRows: Number(job.valid_rows),
    errorRows: Number(job.error_rows),
    importedRows: Number(job.imported_rows),
    errors,
    message: job.message,
  };
}

// JSON.stringify never emits a raw newline, so the first one separates the two documents.
const serializeReport = (report: ImportReport): string =>
  `${JSON.stringify(report.errors)}\n${JSON.stringify(report.rows)}`;

function reportErrors(text: string | undefined): ImportRowError[] {
  if (!text) {
    return [];
  }
  const end = text.indexOf('\n');
  return JSON.parse(end < 0 ? text : text.slice(0, end)) as ImportRowError[];
}

function parseReport(text: string | undefined): ImportReport {
  const end = text?.indexOf('\n') ?? -1;
  if (!text || end < 0) {
    return { errors: reportErrors(text), rows: [] };
  }
  return { errors: reportErrors(text), rows: JSON.parse(text.slice(end + 1)) as ImportReport['rows'] };
}

const EMPTY_REPORT = serializeReport({ errors: [], rows: [] });

/** The job if the actor may see it: its creator, or a city administrator. Others get 404. */
async function loadVisibleJob(db: Kysely<DB>, actor: Actor, jobId: string): Promise<importRepo.ImportJobRow> {
  const job = await importRepo.findImportJob(db, jobId);
  if (!job || job.kind !== KIND || (job.user_id !== actor.userId && !actor.roles.includes('city_admin'))) {
    throw notFound('导入任务');
  }
  if (
    (job.status === 'validating' || job.status === 'importing') &&
    Date.now() - Date.parse(job.updated_at) > STALE_AFTER_MS
  ) {
    // Nothing is running it any more (the server restarted); a commit's transaction was rolled back with it.
    const message = '导入任务已中断（服务重启或超时），未写入任何企业，请重新上传';
    const moved = await importRepo.transitionImportJob(db, jobId, job.status, {
      status: 'failed',
      message,
      report: EMPTY_REPORT,
      updated_at: nowIso(),
    });
    if (moved) {
      return { ...job, status: 'failed', message };
    }
    return (await importRepo.findImportJob(db, jobId)) ?? job;
  }
  return job;
}

/** The template: the data sheet with dropdowns, an example row, and a 说明 sheet. Regions are those the actor may import into. */
export async function buildImportTemplate(db: Kysely<DB>, ctx: RequestContext): Promise<Buffer> {
  const lookups = buildLookups(await regionLookups(db));
  const regions = lookups.regions.filter((r) => canManageInRegion(ctx.actor, r.path));
  const regionLabels = regions.map((r) => lookups.regionLabel(r));
  const industryNames = lookups.base.industries.map((i) => i.name);
  const sizeLabels = ENTERPRISE_SIZES.map((s) => ENTERPRISE_SIZE_LABELS[s]);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shangmi 商密';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('企业', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.field,
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    if (c.required) {
      headerRow.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
    }
  });

  const exampleRegion = regions.find((r) => r.kind !== 'city') ?? regions[0];
  const exampleIndustry = lookups.base.industries[0] ?? DEFAULT_INDUSTRIES[0];
  const first17 = `91${(exampleRegion?.code ?? '371500').slice(0, 6).padEnd(6, '0')}MA3C00001`;
  const example: Record<ImportColumn['field'], string | number> = {
    name: `${EXAMPLE_MARK}聊城示范科技有限公司`,
    uscc: first17 + usccCheckCharacter(first17),
    region: exampleRegion ? lookups.regionLabel(exampleRegion) : '',
    address: '山东省聊城市东阿县示范路1号',
    industry: exampleIndustry?.name ?? '',
    size: ENTERPRISE_SIZE_LABELS.small,
    honours: `${HONOUR_LABELS.specialized}、${HONOUR_LABELS.gazelle}`,
    legalRepresentative: '张三',
    contactName: '李四',
    contactPhone: '0635-3200001',
    contactEmail: 'contact@example.cn',
    employees: 120,
  };
  const exampleRow = sheet.addRow(example);
  exampleRow.font = { italic: true, color: { argb: 'FF808080' } };

  // The dropdown lists live in a hidden sheet: an inline list is limited to 255 characters.
  const options = workbook.addWorksheet('选项', { state: 'hidden' });
  const lists: Array<{ field: ImportColumn['field']; values: string[] }> = [
    { field: 'region', values: regionLabels },
    { field: 'industry', values: industryNames },
    { field: 'size', values: sizeLabels },
  ];
  // ExcelJS implements range validations (`dataValidations.add('C2:C20001', …)`) but its typings omit them.
  const validations = (
    sheet as unknown as { dataValidations: { add: (range: string, rule: ExcelJS.DataValidation) => void } }
  ).dataValidations;
  lists.forEach((list, i) => {
    const column = options.getColumn(i + 1);
    const letter = column.letter;
    options.getCell(1, i + 1).value = headerOf(list.field);
    list.values.forEach((value, j) => {
      options.getCell(j + 2, i + 1).value = value;
    });
    const target = sheet.getColumn(IMPORT_COLUMNS.findIndex((c) => c.field === list.field) + 1).letter;
    if (list.values.length > 0) {
      validations.add(`${target}2:${target}${LIMITS.importRowsMax + 1}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`'选项'!$${letter}$2:$${letter}$${list.values.length + 1}`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: headerOf(list.field),
        error: `请从下拉列表中选择${headerOf(list.field)}`,
      });
    }
  });

  const help = workbook.addWorksheet('说明');
  help.columns = [
    { header: '列', key: 'column', width: 18 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '说明', key: 'help', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of IMPORT_COLUMNS) {
    help.addRow({ column: column.header, required: column.required ? '必填' : '选填', help: column.help });
  }
  help.addRow({});
  const notes = [
    '带 * 的列必填；表头请保留在第一行，列的顺序可以调整。',
    `第 2 行是示例（企业名称以「${EXAMPLE_MARK}」开头的行不会导入），可以删除。`,
    `单个文件最多 ${LIMITS.importRowsMax} 行、${Math.round(LIMITS.importFileBytesMax / 1024 / 1024)} MB；只支持 .xlsx。`,
    '上传后系统先逐行校验并列出有问题的行（行号即 Excel 中的行号），确认后只导入校验通过的行，且全部导入或全部不导入。',
    `可选区域：${regionLabels.join('、')}`,
    `可选行业：${industryNames.join('、')}`,
  ];
  for (const note of notes) {
    help.addRow({ column: '提示', help: note });
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Reads the uploaded file (rejecting what is not an import file with a 400), records a job and
 * starts validating it in the background. `task` settles when validation has finished, never rejects.
 */
export async function startEnterpriseImport(
  db: Kysely<DB>,
  ctx: RequestContext,
  file: UploadedImportFile,
  logger: ImportLogger,
): Promise<{ jobId: string; task: Promise<void> }> {
  if (!/\.xlsx$/i.test(file.fileName)) {
    throw badFile(`只支持 .xlsx 文件，收到的是「${file.fileName}」`, 'import_not_xlsx');
  }
  const rows = await readImportRows(file.data);
  const jobId = newId();
  const at = nowIso();
  await importRepo.insertImportJob(db, {
    id: jobId,
    user_id: ctx.actor.userId,
    kind: KIND,
    status: 'validating',
    file_name: file.fileName.slice(0, 255),
    total_rows: rows.length,
    processed_rows: 0,
    valid_rows: 0,
    error_rows: 0,
    imported_rows: 0,
    report: EMPTY_REPORT,
    message: null,
    created_at: at,
    updated_at: at,
  });
  const task = validateJob(db, ctx.actor, jobId, rows).catch(async (error: unknown) => {
    logger.error({ err: error, jobId }, 'enterprise import validation failed');
    await importRepo
      .updateImportJob(db, jobId, {
        status: 'failed',
        message: '校验时发生内部错误，请重新上传；如仍失败请联系管理员',
        updated_at: nowIso(),
      })
      .catch((inner: unknown) => logger.error({ err: inner, jobId }, 'could not mark import job failed'));
  });
  return { jobId, task };
}

/** Validates rows in chunks, yielding to the event loop between chunks; writes nothing but the job. */
async function validateJob(db: Kysely<DB>, actor: Actor, jobId: string, rows: RawRow[]): Promise<void> {
  const lookups = buildLookups(await regionLookups(db));
  const firstRowOf = new Map<string, number>();
  const errors: ImportRowError[] = [];
  const valid: ImportReport['rows'] = [];
  let errorRows = 0;
  let errorsDropped = 0;
  for (let start = 0; start < rows.length; start += VALIDATE_CHUNK) {
    if (start > 0) {
      await nextMacrotask();
    }
    const outcomes = rows.slice(start, start + VALIDATE_CHUNK).map((raw) => validateImportRow(raw, lookups, actor));
    const codes = outcomes.flatMap((o) => (o.uscc === null ? [] : [o.uscc]));
    const existing = await findExistingUsccs(db, [...new Set(codes)]);
    for (const outcome of outcomes) {
      const code = outcome.uscc;
      if (code !== null) {
        const first = firstRowOf.get(code);
        if (first !== undefined) {
          outcome.errors.push({
            row: outcome.row,
            column: headerOf('uscc'),
            field: 'uscc',
            message: `统一社会信用代码与第 ${first} 行重复`,
          });
        } else {
          firstRowOf.set(code, outcome.row);
        }
        const holder = existing.get(code);
        if (holder !== undefined) {
          outcome.errors.push({
            row: outcome.row,
            column: headerOf('uscc'),
            field: 'uscc',
            message: `统一社会信用代码已被「${holder}」登记`,
          });
        }
      }
      if (outcome.errors.length > 0 || !outcome.input) {
        errorRows += 1;
        const room = Math.max(0, MAX_STORED_ERRORS - errors.length);
        errors.push(...outcome.errors.slice(0, room));
        errorsDropped += outcome.errors.length - Math.min(room, outcome.errors.length);
      } else {
        valid.push({ row: outcome.row, input: outcome.input });
      }
    }
    await importRepo.updateImportJob(db, jobId, {
      processed_rows: Math.min(rows.length, start + VALIDATE_CHUNK),
      valid_rows: valid.length,
      error_rows: errorRows,
      updated_at: nowIso(),
    });
  }
  const report: ImportReport = { errors, rows: valid };
  await importRepo.updateImportJob(db, jobId, {
    status: 'validated',
    processed_rows: rows.length,
    valid_rows: valid.length,
    error_rows: errorRows,
    report: serializeReport(report),
    message: errorsDropped > 0 ? `错误较多，仅列出前 ${MAX_STORED_ERRORS} 条；另有 ${errorsDropped} 条未列出` : null,
    updated_at: nowIso(),
  });
}

/** The job's progress and, once validated, its row errors. */
export async function getEnterpriseImport(db: Kysely<DB>, ctx: RequestContext, jobId: string): Promise<ImportJob> {
  const job = await loadVisibleJob(db, ctx.actor, jobId);
  const errors = job.status === 'validating' ? [] : reportErrors(await importRepo.findImportReport(db, jobId));
  return present(job, errors);
}

class CommitRefused extends Error {
  constructor(
    readonly detail: string,
    readonly errors: ImportRowError[],
  ) {
    super(detail);
  }
}

/**
 * Imports the job's valid rows, all or none, in one transaction; `task` settles when done. The
 * status moves validated → importing atomically, so a second commit (even a concurrent one) is a 409.
 */
export async function commitEnterpriseImport(
  db: Kysely<DB>,
  ctx: RequestContext,
  jobId: string,
  logger: ImportLogger,
): Promise<{ task: Promise<void> }> {
  const job = await loadVisibleJob(db, ctx.actor, jobId);
  if (job.user_id !== ctx.actor.userId) {
    throw forbidden('只有上传该文件的用户可以确认导入');
  }
  const status = job.status as ImportStatus;
  switch (status) {
    case 'validating':
      throw new AppError('import_not_ready', 409, '文件仍在校验中，请等校验完成后再确认导入');
    case 'importing':
    case 'done':
      throw new AppError('import_already_committed', 409, '该导入任务已经提交过，不能重复导入');
    case 'failed':
      throw new AppError('import_failed', 409, '该导入任务已失败，请修正文件后重新上传');
    case 'validated':
      break;
  }
  if (Number(job.valid_rows) === 0) {
    throw new AppError('import_nothing_valid', 400, '没有校验通过的行，无法导入；请修正错误后重新上传');
  }
  const claimed = await importRepo.transitionImportJob(db, jobId, 'validated', {
    status: 'importing',
    updated_at: nowIso(),
  });
  if (!claimed) {
    throw new AppError('import_already_committed', 409, '该导入任务已经提交过，不能重复导入');
  }
  const task = runCommit(db, ctx, jobId).catch(async (error: unknown) => {
    const refused = error instanceof CommitRefused ? error : null;
    if (!refused) {
      logger.error({ err: error, jobId }, 'enterprise import commit failed');
    }
    const errors = reportErrors(await importRepo.findImportReport(db, jobId).catch(() => undefined));
    await importRepo
      .updateImportJob(db, jobId, {
        status: 'failed',
        message: refused ? refused.detail : '导入时发生内部错误，未写入任何企业；请稍后重新上传',
        report: serializeReport({ errors: [...errors, ...(refused?.errors ?? [])], rows: [] }),
        updated_at: nowIso(),
      })
      .catch((inner: unknown) => logger.error({ err: inner, jobId }, 'could not mark import job failed'));
  });
  return { task };
}

async function runCommit(db: Kysely<DB>, ctx: RequestContext, jobId: string): Promise<void> {
  const report = parseReport(await importRepo.findImportReport(db, jobId));
  await nextMacrotask();
  const lookups = await regionLookups(db);
  // Regions, industries and the actor's reach were checked at validation; check again what may have changed since.
  const stale: ImportRowError[] = [];
  for (const { row, input } of report.rows) {
    for (const problem of enterpriseFieldProblems({ regionId: input.regionId, industry: input.industry }, lookups)) {
      stale.push({
        row,
        column: headerOf(problem.field === 'regionId' ? 'region' : 'industry'),
        field: problem.field,
        message: problem.message,
      });
    }
    if (!canManageInRegion(ctx.actor, lookups.regionPath(input.regionId) ?? '')) {
      stale.push({ row, column: headerOf('region'), field: 'regionId', message: '所属区域不在您的管辖范围内' });
    }
  }
  if (stale.length > 0) {
    throw new CommitRefused(
      `提交时有 ${stale.length} 处数据已不再有效（区域、行业或权限已变化），未导入任何企业；请重新上传`,
      stale,
    );
  }
  const at = nowIso();
  await nextMacrotask();
  await db.transaction().execute(async (trx) => {
    // Another import or a form may have registered one of these codes since validation.
    const codes = report.rows.map((r) => normalizeUscc(r.input.uscc));
    const taken = new Map<string, string>();
    for (let start = 0; start < codes.length; start += COMMIT_CHUNK * 5) {
      await nextMacrotask();
      for (const [code, holder] of await findExistingUsccs(trx, codes.slice(start, start + COMMIT_CHUNK * 5))) {
        taken.set(code, holder);
      }
    }
    if (taken.size > 0) {
      const conflicts = report.rows
        .filter((r) => taken.has(normalizeUscc(r.input.uscc)))
        .map((r) => ({
          row: r.row,
          column: headerOf('uscc'),
          field: 'uscc',
          message: `统一社会信用代码已被「${taken.get(normalizeUscc(r.input.uscc)) ?? ''}」登记（校验之后才登记）`,
        }));
      throw new CommitRefused(
        `提交时发现 ${conflicts.length} 行的统一社会信用代码已被登记（可能刚由他人录入），未导入任何企业；请删除这些行后重新上传`,
        conflicts,
      );
    }
    for (let start = 0; start < report.rows.length; start += COMMIT_CHUNK) {
      await nextMacrotask();
      await insertEnterprises(
        trx,
        report.rows.slice(start, start + COMMIT_CHUNK).map((r) => toInsert(r.input, at)),
      );
    }
    // One summarising audit record rather than one per enterprise: the chain's head is locked by every
    // audit write (FOR UPDATE on PostgreSQL), so 10 000 records would serialise every other audited
    // change in the city behind this import for seconds and lengthen the chain by one entry per row
    // for a single human decision. Written last so the head is locked only for the final moment of
    // the transaction. Which enterprises came in is answered by the record's entity id (the job) and
    // the job row (file, actor, counts); each enterprise's created_at equals the record's time.
    await writeAudit(trx, ctx, {
      action: 'import',
      entityType: 'enterprise_import',
      entityId: jobId,
      changedFields: ['enterprises'],
    });
    await importRepo.updateImportJob(trx, jobId, {
      status: 'done',
      imported_rows: report.rows.length,
      // The rows (names, phones) are no longer needed once imported; keep the error list for the user.
      report: serializeReport({ errors: report.errors, rows: [] }),
      message: `已导入 ${report.rows.length} 家企业`,
      updated_at: nowIso(),
    });
  });
}
