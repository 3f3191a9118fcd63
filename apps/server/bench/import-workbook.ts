import ExcelJS from 'exceljs';
import { DEFAULT_INDUSTRIES } from '@shangmi/shared';
import { syntheticUscc } from '../src/seed/synthetic';

const REGIONS = [
  { name: '东阿县', code: '371524' },
  { name: '临清市', code: '371581' },
  { name: '莘县', code: '371522' },
  { name: '冠县', code: '371525' },
  { name: '烟店镇', code: '371581' },
];
const SIZES = ['大型', '中型', '小型', '微型'];

/**
 * An import file as a user would fill the template: `count` valid rows with unique codes. Serials start
 * far above those `seed --scale` uses, so no row collides with the seeded registry.
 */
export async function benchImportWorkbook(count: number, serialStart = 5_000_000): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业');
  sheet.addRow([
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
  ]);
  for (let i = 0; i < count; i += 1) {
    const region = REGIONS[i % REGIONS.length] ?? { name: '东阿县', code: '371524' };
    const industry = DEFAULT_INDUSTRIES[i % DEFAULT_INDUSTRIES.length];
    sheet.addRow([
      `基准导入测试${i + 1}号有限公司`,
      syntheticUscc(region.code, serialStart + i),
      region.name,
      `山东省聊城市${region.name}基准路${(i % 300) + 1}号`,
      industry?.name ?? '化工',
      SIZES[i % SIZES.length],
      i % 7 === 0 ? '专精特新、瞪羚' : null,
      '张三',
      '李四',
      `0635-${String(3_000_000 + i).padStart(7, '0')}`,
      i % 3 === 0 ? `contact${i}@example.cn` : null,
      10 + (i % 2000),
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
