import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { LIMITS, USCC_MESSAGES } from '@shangmi/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticUscc } from '../src/seed/synthetic';
import { createTestApp, type Session, type TestApp } from './helpers';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = [
  '企业名称*',
  '统一社会信用代码*',
  '所属区域*',
  '详细地址*',
  '行业*',
  '规模*',
  '荣誉',
  '法定代表人',
  '联系人*',
  '联系电话*',
  '电子邮箱',
  '从业人数',
];

type Cell = string | number | null;

/** One enterprise row in template column order, with overrides by header (without the *). */
function row(name: string, uscc: string, overrides: Partial<Record<string, Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    企业名称: name,
    统一社会信用代码: uscc,
    所属区域: '东阿县',
    详细地址: '山东省聊城市东阿县导入路1号',
    行业: '化工',
    规模: '小型',
    荣誉: '专精特新、瞪羚',
    法定代表人: '张三',
    联系人: '李四',
    联系电话: '0635-3200001',
    电子邮箱: 'contact@example.cn',
    从业人数: 120,
  };
  return HEADER.map((h) => {
    const key = h.replace('*', '');
    return key in overrides ? (overrides[key] ?? null) : (base[key] ?? null);
  });
}

/** An .xlsx built the way a user's Excel would hold it: a header row, then rows (null = an empty row). */
async function workbook(rows: Array<Cell[] | null>, header: string[] = HEADER): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业');
  sheet.addRow(header);
  for (const values of rows) {
    sheet.addRow(values ?? []);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function multipart(fileName: string, data: Buffer, contentType = XLSX_MIME) {
  const boundary = `----shangmi${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, data, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface ImportJobBody {
  id: string;
  status: string;
  fileName: string;
  totalRows: number;
  processedRows: number;
  validRows: number;
  errorRows: number;
  importedRows: number;
  errors: Array<{ row: number; column: string; field: string; message: string }>;
  message: string | null;
}

async function upload(session: Session, fileName: string, data: Buffer, contentType?: string) {
  return session.inject({ method: 'POST', url: '/api/enterprises/import', ...multipart(fileName, data, contentType) });
}

/** Polls the job until it has left the running states (small files take milliseconds). */
async function settle(session: Session, jobId: string): Promise<ImportJobBody> {
  for (let i = 0; i < 500; i += 1) {
    const res = await session.get(`/api/enterprises/import/${jobId}`);
    expect(res.statusCode).toBe(200);
    const job = res.json<ImportJobBody>();
    if (job.status !== 'validating' && job.status !== 'importing') {
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`job ${jobId} did not settle`);
}

async function uploadAndValidate(session: Session, data: Buffer, fileName = '企业名录.xlsx'): Promise<ImportJobBody> {
  const res = await upload(session, fileName, data);
  expect(res.statusCode, res.body).toBe(202);
  return settle(session, res.json<{ jobId: string }>().jobId);
}

describe('Excel import of enterprises', () => {
  let t: TestApp;
  let admin: Session;
  let donge: Session;
  let linqing: Session;
  let usccOfDemoEnterprise: string;

  const countEnterprises = async () =>
    Number(
      (
        await t.db
          .selectFrom('enterprises')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const names = async (like: string) =>
    (await t.db.selectFrom('organizations').select('name').where('name', 'like', like).orderBy('name').execute()).map(
      (r) => r.name,
    );

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('city.admin');
    donge = await t.login('county.donge');
    linqing = await t.login('county.linqing');
    usccOfDemoEnterprise = (
      await t.db
        .selectFrom('enterprises as e')
        .innerJoin('organizations as o', 'o.id', 'e.id')
        .select('e.uscc')
        .where('o.name', '=', '东阿示范阿胶股份有限公司')
        .executeTakeFirstOrThrow()
    ).uscc;
  });
  afterAll(async () => t.close());

  it('serves a template with Chinese headers, an example row, dropdowns and a 说明 sheet', async () => {
    const res = await admin.get('/api/enterprises/import/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('企业导入模板.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('企业');
    expect(sheet).toBeDefined();
    expect((sheet?.getRow(1).values as Cell[]).slice(1)).toEqual(HEADER);
    expect(sheet?.getCell('A2').text).toContain('（示例）');
    expect(sheet?.getCell('C2').dataValidation).toMatchObject({ type: 'list' });
    expect(sheet?.getCell('E500').dataValidation).toMatchObject({ type: 'list' });
    expect(sheet?.getCell('F2').dataValidation).toMatchObject({ type: 'list' });
    const options = book.getWorksheet('选项');
    const regionOptions = (options?.getColumn(1).values ?? []).slice(2);
    expect(regionOptions).toContain('东阿县');
    expect(regionOptions).toContain('烟店镇');
    expect((options?.getColumn(3).values ?? []).slice(2)).toEqual(['大型', '中型', '小型', '微型']);
    const help = book.getWorksheet('说明');
    expect(help?.getCell('A2').value).toBe('企业名称');

    // A county administrator's template offers only their own regions.
    const county = await donge.get('/api/enterprises/import/template');
    const countyBook = new ExcelJS.Workbook();
    await countyBook.xlsx.load(county.rawPayload as unknown as ArrayBuffer);
    const countyRegions = (countyBook.getWorksheet('选项')?.getColumn(1).values ?? []).slice(2);
    expect(countyRegions).toContain('东阿县');
    expect(countyRegions).toContain('铜城街道');
    expect(countyRegions).not.toContain('临清市');

    // The template as downloaded (only the example row) has nothing to import.
    const empty = await upload(admin, '模板.xlsx', res.rawPayload);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toContain('没有数据行');
  });

  it('validates a mixed file row by row, writes nothing, then imports exactly the valid rows once', async () => {
    const good1 = syntheticUscc('371524', 810001);
    const good2 = syntheticUscc('371581', 810002);
    const badCheck = syntheticUscc('371524', 810003);
    const wrongCheck = badCheck.slice(0, 17) + (badCheck.endsWith('0') ? '1' : '0');
    const data = await workbook([
      row('导入测试甲有限公司', good1),
      row('导入测试乙有限公司', ` ${good2.toLowerCase()} `, {
        所属区域: '烟店镇',
        行业: '轴承',
        规模: '中型',
        荣誉: null,
        从业人数: null,
        电子邮箱: null,
      }),
      row('导入测试丙有限公司', wrongCheck),
      row('导入测试丁有限公司', good1),
      row('导入测试戊有限公司', usccOfDemoEnterprise),
      row('导入测试己有限公司', syntheticUscc('371524', 810006), { 所属区域: '火星区' }),
      null,
      row('导入测试庚有限公司', syntheticUscc('371524', 810008), {
        联系电话: '电话：见官网',
        电子邮箱: 'not-an-email',
        从业人数: '一百',
        荣誉: '专精特新、五星',
        规模: '超大型',
        联系人: null,
      }),
    ]);
    const before = await countEnterprises();
    const job = await uploadAndValidate(admin, data);
    expect(job).toMatchObject({
      status: 'validated',
      fileName: '企业名录.xlsx',
      totalRows: 7,
      processedRows: 7,
      validRows: 2,
      errorRows: 5,
      importedRows: 0,
      message: null,
    });
    expect(job.errors).toEqual([
      { row: 4, column: '统一社会信用代码', field: 'uscc', message: USCC_MESSAGES.check_digit },
      { row: 5, column: '统一社会信用代码', field: 'uscc', message: '统一社会信用代码与第 2 行重复' },
      {
        row: 6,
        column: '统一社会信用代码',
        field: 'uscc',
        message: '统一社会信用代码已被「东阿示范阿胶股份有限公司」登记',
      },
      {
        row: 7,
        column: '所属区域',
        field: 'regionId',
        message: '所属区域「火星区」不存在，请从下拉列表中选择（如 东阿县、烟店镇）',
      },
      { row: 9, column: '规模', field: 'size', message: '规模「超大型」无效，应为 大型、中型、小型、微型 之一' },
      {
        row: 9,
        column: '荣誉',
        field: 'honours',
        message: '未知的荣誉「五星」，可选：单项冠军、专精特新、瞪羚、龙头、领军',
      },
      { row: 9, column: '联系人', field: 'contactName', message: '联系人不能为空' },
      {
        row: 9,
        column: '联系电话',
        field: 'contactPhone',
        message: '联系电话格式不正确（5–30 位，只能包含数字、+、-、括号和空格）',
      },
      { row: 9, column: '电子邮箱', field: 'contactEmail', message: '电子邮箱「not-an-email」格式不正确' },
      { row: 9, column: '从业人数', field: 'employees', message: '从业人数「一百」应为 0 到 10000000 之间的整数' },
    ]);
    // Validation wrote nothing to the registry.
    expect(await countEnterprises()).toBe(before);
    expect(await names('导入测试%')).toEqual([]);

    const commit = await admin.post(`/api/enterprises/import/${job.id}/commit`);
    expect(commit.statusCode, commit.body).toBe(202);
    const done = await settle(admin, job.id);
    expect(done).toMatchObject({ status: 'done', importedRows: 2, validRows: 2, errorRows: 5 });
    expect(done.errors).toHaveLength(10);
    expect(await countEnterprises()).toBe(before + 2);
    expect(await names('导入测试%')).toEqual(['导入测试乙有限公司', '导入测试甲有限公司']);

    const list = await admin.get(`/api/enterprises?q=${encodeURIComponent('导入测试')}&sort=uscc`);
    const items = list.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(items).toHaveLength(2);
    expect(items.find((e) => e.uscc === good1)).toMatchObject({
      name: '导入测试甲有限公司',
      regionName: '东阿县',
      industry: 'chemical',
      size: 'small',
      honours: ['gazelle', 'specialized'],
      legalRepresentative: '张三',
      contactEmail: 'contact@example.cn',
      employees: 120,
      synthetic: false,
    });
    expect(items.find((e) => e.uscc === good2)).toMatchObject({
      regionName: '烟店镇',
      industry: 'bearing',
      size: 'medium',
      honours: [],
      contactEmail: null,
      employees: null,
    });

    // One summarising audit record for the import.
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'entity_id', 'actor_username', 'changed_fields'])
      .where('entity_type', '=', 'enterprise_import')
      .execute();
    expect(audit).toEqual([
      {
        action: 'import',
        entity_type: 'enterprise_import',
        entity_id: job.id,
        actor_username: 'city.admin',
        changed_fields: '["enterprises"]',
      },
    ]);

    const again = await admin.post(`/api/enterprises/import/${job.id}/commit`);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(await countEnterprises()).toBe(before + 2);
  });

  it('lets a county administrator import only into their own region, and hides the job from others', async () => {
    const data = await workbook([
      row('导入县级甲有限公司', syntheticUscc('371524', 820001), { 所属区域: '铜城街道' }),
      row('导入县级乙有限公司', syntheticUscc('371581', 820002), { 所属区域: '临清市' }),
    ]);
    const job = await uploadAndValidate(donge, data);
    expect(job).toMatchObject({ status: 'validated', totalRows: 2, validRows: 1, errorRows: 1 });
    expect(job.errors).toEqual([
      { row: 3, column: '所属区域', field: 'regionId', message: '所属区域「临清市」不在您的管辖范围（东阿县）内' },
    ]);

    // Another county's administrator cannot see it (404, as if it did not exist); the city administrator can.
    const other = await linqing.get(`/api/enterprises/import/${job.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect((await linqing.post(`/api/enterprises/import/${job.id}/commit`)).statusCode).toBe(404);
    expect((await admin.get(`/api/enterprises/import/${job.id}`)).statusCode).toBe(200);
    // A role without the import permission is refused before anything else.
    const station = await t.login('station.donge');
    expect((await station.get(`/api/enterprises/import/${job.id}`)).statusCode).toBe(403);

    const commit = await donge.post(`/api/enterprises/import/${job.id}/commit`);
    expect(commit.statusCode).toBe(202);
    expect(await settle(donge, job.id)).toMatchObject({ status: 'done', importedRows: 1 });
    expect(await names('导入县级%')).toEqual(['导入县级甲有限公司']);
  });

  it('refuses to commit a job without valid rows (400) and leaves it committable by nobody', async () => {
    const job = await uploadAndValidate(admin, await workbook([row('导入全错有限公司', '123')]));
    expect(job).toMatchObject({ status: 'validated', validRows: 0, errorRows: 1 });
    expect(job.errors).toEqual([{ row: 2, column: '统一社会信用代码', field: 'uscc', message: USCC_MESSAGES.length }]);
    const commit = await admin.post(`/api/enterprises/import/${job.id}/commit`);
    expect(commit.statusCode).toBe(400);
    expect(commit.json().detail).toContain('没有校验通过的行');
    expect(await names('导入全错%')).toEqual([]);
  });

  it('fails the whole commit when a code was registered after validation (all or nothing)', async () => {
    const late = syntheticUscc('371524', 830002);
    const job = await uploadAndValidate(
      admin,
      await workbook([row('导入后到甲有限公司', syntheticUscc('371524', 830001)), row('导入后到乙有限公司', late)]),
    );
    expect(job).toMatchObject({ status: 'validated', validRows: 2 });
    const created = await admin.post('/api/enterprises', {
      name: '抢先登记有限公司',
      uscc: late,
      regionId: (await t.db.selectFrom('regions').select('id').where('code', '=', '371524').executeTakeFirstOrThrow())
        .id,
      address: '东阿县抢先路1号',
      industry: 'chemical',
      size: 'small',
      contactName: '王五',
      contactPhone: '0635-7654321',
    });
    expect(created.statusCode).toBe(201);
    expect((await admin.post(`/api/enterprises/import/${job.id}/commit`)).statusCode).toBe(202);
    const failed = await settle(admin, job.id);
    expect(failed.status).toBe('failed');
    expect(failed.importedRows).toBe(0);
    expect(failed.message).toContain('未导入任何企业');
    expect(failed.errors).toEqual([
      {
        row: 3,
        column: '统一社会信用代码',
        field: 'uscc',
        message: '统一社会信用代码已被「抢先登记有限公司」登记（校验之后才登记）',
      },
    ]);
    expect(await names('导入后到%')).toEqual([]);
    expect((await admin.post(`/api/enterprises/import/${job.id}/commit`)).statusCode).toBe(409);
  });

  it('answers bad files with a 4xx problem in Chinese and creates no job', async () => {
    const jobsBefore = Number(
      (
        await t.db
          .selectFrom('import_jobs')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const expectProblem = async (res: Awaited<ReturnType<typeof upload>>, status: number, detail: string) => {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toContain(detail);
    };

    await expectProblem(
      await upload(admin, '名录.csv', Buffer.from('企业名称,统一社会信用代码\n甲,1\n'), 'text/csv'),
      400,
      '只支持 .xlsx',
    );
    await expectProblem(
      await upload(admin, '名录.xlsx', Buffer.from('企业名称,统一社会信用代码\n甲,1\n')),
      400,
      '不是 .xlsx 格式',
    );
    await expectProblem(
      await upload(admin, '名录.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])),
      400,
      '不支持 Excel 97-2003',
    );
    const real = await workbook([row('导入损坏有限公司', syntheticUscc('371524', 840001))]);
    await expectProblem(
      await upload(admin, '损坏.xlsx', real.subarray(0, Math.floor(real.length / 2))),
      400,
      '文件已损坏',
    );
    await expectProblem(
      await upload(
        admin,
        '缺列.xlsx',
        await workbook([['导入缺列有限公司', syntheticUscc('371524', 840002)]], ['企业名称*', '统一社会信用代码*']),
      ),
      400,
      '缺少必填列：所属区域、详细地址、行业、规模、联系人、联系电话',
    );
    const tooMany = new ExcelJS.Workbook();
    const sheet = tooMany.addWorksheet('企业');
    sheet.addRow(HEADER);
    for (let i = 0; i <= LIMITS.importRowsMax; i += 1) {
      sheet.addRow([`导入超量${i}`]);
    }
    await expectProblem(
      await upload(admin, '超量.xlsx', Buffer.from(await tooMany.xlsx.writeBuffer())),
      400,
      `单次最多导入 ${LIMITS.importRowsMax} 行`,
    );

    const json = await admin.post('/api/enterprises/import', { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.headers['content-type']).toContain('application/problem+json');

    const jobsAfter = Number(
      (
        await t.db
          .selectFrom('import_jobs')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(jobsAfter).toBe(jobsBefore);
    expect(await names('导入损坏%')).toEqual([]);
  });

  it('answers an unknown job id with 404', async () => {
    const res = await admin.get('/api/enterprises/import/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
  });
});
