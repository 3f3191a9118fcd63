import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

const ENTERPRISE = '东阿示范阿胶股份有限公司';
const DAY_MS = 86_400_000;

// The server started by playwright.config.ts reads this file to shift "today" (re-read when its mtime changes).
const clockFile = join(process.env.SHANGMI_E2E_DATA_DIR ?? '', 'clock.json');
let clockBumps = 0;

function setClock(offsetDays: number): void {
  writeFileSync(clockFile, JSON.stringify({ offsetDays }));
  // Make sure the mtime differs from the previous write even within the same millisecond.
  clockBumps += 1;
  const when = new Date(Date.now() + clockBumps * 1000);
  utimesSync(clockFile, when, when);
}

/** Today in China Standard Time, as the server counts it without a shift. */
function realToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** Signs in as someone else on the same page (the previous session's cookie is dropped). */
async function signInAs(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await login(page, username);
}

const okButton = (page: Page) => page.locator('.ant-popconfirm').getByRole('button', { name: /^确\s*定$/ });

test.afterAll(() => {
  setClock(0);
});

test('an enterprise applies, the county passes it, three experts score, an objection holds designation until answered, then it is public', async ({
  page,
}) => {
  test.setTimeout(150_000);
  setClock(0);

  // 1. The enterprise applies for itself.
  await login(page, 'ent.a.admin');
  await page.goto('/applications');
  await expect(page.getByRole('heading', { name: '示范创建申报' })).toBeVisible();
  await page.getByRole('button', { name: '发起申报' }).click();
  await expect(page.getByTestId('own-subject')).toHaveText(ENTERPRISE);
  await page.getByLabel('申报说明').fill('企业建立了完整的商业秘密管理体系，申报示范企业。');
  await page.getByRole('button', { name: '创建申报' }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const applicationUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId('application-status')).toHaveText('草稿');

  // Facts the platform already knows are shown apart from what the applicant writes.
  await expect(page.getByTestId('platform-record').first()).toContainText('平台记录');

  const cards = page.locator('[data-testid^="material-"]');
  const count = await cards.count();
  expect(count).toBeGreaterThan(0);
  const codes: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const card = cards.nth(i);
    const code = ((await card.getAttribute('data-testid')) ?? '').replace('material-', '');
    codes.push(code);
    await card.getByLabel(`材料说明 ${code}`).fill(`关于指标 ${code} 的落实情况说明`);
    const save = card.getByRole('button', { name: '保存说明' });
    await save.click();
    await expect(page.getByTestId(`material-${code}`).getByRole('button', { name: '保存说明' })).toBeDisabled();
  }
  // An attachment for the first criterion.
  const first = page.getByTestId(`material-${codes[0]}`);
  await first.locator('input[type=file]').setInputFiles({
    name: '保密制度.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('商业秘密保护管理制度（节选）：涉密人员签订保密协议，每年培训不少于 8 学时。\n', 'utf8'),
  });
  await expect(page.getByTestId(`material-${codes[0]}`).getByRole('button', { name: /保密制度\.txt/ })).toBeVisible();

  await page.getByRole('button', { name: '提交申报' }).click();
  await okButton(page).click();
  await expect(page.getByTestId('application-status')).toHaveText('待初审');

  // 2. The county passes it.
  await signInAs(page, 'county.donge');
  await page.goto(applicationUrl);
  const review = page.getByTestId('county-review');
  await review.getByLabel('通过').check();
  await review.getByLabel('初审意见').fill('材料齐全，同意推荐');
  await review.getByRole('button', { name: /^确\s*定$/ }).click();
  await expect(page.getByTestId('application-status')).toHaveText('初审通过');

  // 3. The city assigns three experts; the one with a declared tie cannot be chosen.
  await signInAs(page, 'city.admin');
  await page.goto(applicationUrl);
  await page.getByRole('button', { name: '指派评审专家' }).click();
  const dialog = page.getByRole('dialog', { name: '指派评审专家' });
  await expect(dialog.getByRole('checkbox', { name: /赵敏/ })).toBeDisabled();
  await expect(dialog.getByTestId('expert-conflict')).toContainText('须回避');
  for (const name of ['李明', '张华', '王强']) {
    await dialog.getByRole('checkbox', { name: new RegExp(name) }).check();
  }
  await dialog.getByRole('button', { name: '确定指派' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('专家评审中');
  await expect(page.getByTestId('expert-panel')).toContainText('已提交 0 / 3');

  // 4. Each expert scores every item and submits; none sees the others' scores before all are in.
  const experts = [
    { username: 'expert.demo', score: 12 },
    { username: 'expert.law', score: 13 },
    { username: 'expert.tech', score: 14.5 },
  ];
  for (const [index, expert] of experts.entries()) {
    await signInAs(page, expert.username);
    await page.goto(applicationUrl);
    const scoring = page.getByTestId('scoring');
    for (const code of codes) {
      await scoring.getByLabel(`得分 ${code}`).fill(String(expert.score));
    }
    await scoring.getByLabel(`评语 ${codes[0]}`).fill('材料完整，制度健全');
    await expect(scoring.getByTestId('my-total')).toHaveText(`合计 ${expert.score * codes.length} 分`);
    await scoring.getByRole('button', { name: '提交评分' }).click();
    await okButton(page).click();
    await expect(page.getByText('评分已提交').first()).toBeVisible();
    if (index < experts.length - 1) {
      // Only their own row is visible to an expert until everyone has submitted.
      await expect(page.getByTestId('expert-panel').locator('tbody tr.ant-table-row')).toHaveCount(1);
    }
  }
  await expect(page.getByTestId('application-status')).toHaveText('评审完成');
  const expected = (experts.reduce((sum, e) => sum + e.score, 0) * codes.length) / experts.length;
  await expect(page.getByTestId('final-score')).toContainText(String(Math.round(expected * 10) / 10));

  // 5. The city approves: the public notice opens.
  await signInAs(page, 'city.admin');
  await page.goto(applicationUrl);
  const decision = page.getByTestId('decision-form');
  await decision.getByLabel('同意命名（进入公示）').check();
  await expect(decision.getByLabel('公示期（工作日）')).toHaveValue('5');
  await decision.getByLabel('决定依据').fill('专家评审得分达到示范标准，经工作专班会商同意');
  await decision.getByRole('button', { name: '作出决定' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('公示中');
  const period = (await page.getByTestId('notice-period').textContent()) ?? '';
  const [noticeStart, noticeEnd] = period.split('~').map((part) => part.trim());
  expect(noticeStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(noticeEnd).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // 6. Into the notice period: an anonymous visitor objects on the public page.
  setClock(daysBetween(realToday(), noticeStart!));
  await page.context().clearCookies();
  await page.goto('/public/notices');
  await expect(page.getByRole('heading', { name: '示范创建拟命名公示' })).toBeVisible();
  const notice = page.getByTestId('public-notice').filter({ hasText: ENTERPRISE });
  await notice.getByRole('button', { name: '提出异议' }).click();
  const objection = notice.getByTestId('objection-form');
  await objection.getByLabel('姓名（单位）').fill('王某');
  await objection.getByLabel('联系方式').fill('13800000000');
  await objection.getByLabel('异议内容').fill('该企业去年曾因侵犯他人商业秘密被投诉，请核实。');
  await objection.getByRole('button', { name: /^提\s*交$/ }).click();
  await expect(page.getByText('异议已提交，工作专班办公室将书面答复')).toBeVisible();

  // 7. The city sees designation blocked by the open objection and answers it in writing.
  await signInAs(page, 'city.admin');
  await page.goto(applicationUrl);
  const card = page.getByTestId('notice-card');
  await expect(card.getByTestId('designation-blocked')).toContainText('异议');
  await expect(card.getByRole('button', { name: /^授\s*牌$/ })).toBeDisabled();
  const open = card.getByTestId('objection').filter({ hasText: '侵犯他人商业秘密' });
  await expect(open).toContainText('待答复');
  await open.getByLabel('书面答复').fill('经核查，该投诉已于2025年调解结案，不构成违法记录，异议不成立。');
  await open.getByRole('button', { name: '提交答复' }).click();
  await expect(open).toContainText('已答复');
  // Still within the notice period: designation waits for its end.
  await expect(card.getByTestId('designation-blocked')).toContainText('公示期');
  await expect(card.getByRole('button', { name: /^授\s*牌$/ })).toBeDisabled();

  // 8. Past the notice end, the city designates.
  setClock(daysBetween(realToday(), noticeEnd!) + 1);
  await page.reload();
  await expect(page.getByTestId('designation-blocked')).toHaveCount(0);
  await page.getByRole('button', { name: /^授\s*牌$/ }).click();
  await okButton(page).click();
  await expect(page.getByTestId('application-status')).toHaveText('已授牌');
  await page.getByTestId('designation-link').click();
  await expect(page.getByTestId('designation-number')).toHaveText(/^聊商秘示〔\d{4}〕企\d{3}号$/);
  const number = (await page.getByTestId('designation-number').textContent()) ?? '';

  // 9. It appears in the public directory.
  await page.context().clearCookies();
  await page.goto('/public/designations');
  await expect(page.getByRole('heading', { name: '商业秘密保护示范名录' })).toBeVisible();
  await page.getByRole('searchbox', { name: '名称' }).fill(ENTERPRISE);
  await page.keyboard.press('Enter');
  const entry = page.getByTestId('public-designation').filter({ hasText: ENTERPRISE });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(number);
  await expect(entry).toContainText('示范企业');

  setClock(0);
});

test('designations list with Excel export, detail with PDF; a county nominates a station; an expert declares and withdraws a tie', async ({
  page,
}) => {
  await login(page, 'city.admin');
  await page.locator('.ant-layout-sider').getByRole('link', { name: '示范命名' }).click();
  await expect(page.getByRole('heading', { name: '示范命名' })).toBeVisible();
  // The programme dashboard links here with its filters in the URL.
  await page.goto('/designations?kind=station&status=active');
  const table = page.getByTestId('designation-table');
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText('示范指导站（点）');
  await expect(table).not.toContainText('已撤销');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^示范命名-.*\.xlsx$/);
  await table.locator('tbody tr.ant-table-row').first().getByRole('link').first().click();
  await expect(page.getByTestId('designation-number')).toHaveText(/聊商秘示/);
  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载授牌证书' }).click();
  expect((await pdf).suggestedFilename()).toMatch(/^授牌证书-.*\.pdf$/);
  await page.goto('/designations/reviews');
  await expect(page.getByRole('heading', { name: '年度复核' })).toBeVisible();
  await expect(page.getByRole('button', { name: '生成本年度复核任务' })).toBeVisible();

  // A county nominates a station of its own region.
  await signInAs(page, 'county.donge');
  await page.goto('/applications/new');
  await page.getByText('示范指导站（点）', { exact: true }).click();
  await page.getByLabel('申报对象').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '东阿县' }).first().click();
  await page.getByRole('button', { name: '创建申报' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('草稿');
  await expect(page.getByText('县级推荐')).toBeVisible();

  // An expert declares a tie with an organisation, then withdraws it. (Experts do not read the enterprise
  // registry, so the organisation list offers them associations, stations, departments and providers.)
  await signInAs(page, 'expert.industry');
  await page.goto('/expert-ties');
  await page.getByRole('button', { name: '申报关联' }).click();
  const dialog = page.getByRole('dialog', { name: '申报关联' });
  await dialog.getByLabel('关联单位').fill('铜城');
  await page.locator('.ant-select-item-option').filter({ hasText: '东阿县铜城市场监管所商业秘密保护服务站' }).click();
  await dialog.getByLabel('关联情况').fill('曾任该服务站兼职法律顾问');
  await dialog.getByRole('button', { name: /^确\s*定$/ }).click();
  const row = page
    .getByTestId('tie-table')
    .locator('tbody tr.ant-table-row')
    .filter({ hasText: '东阿县铜城市场监管所商业秘密保护服务站' });
  await expect(row).toContainText('曾任该服务站兼职法律顾问');
  await row.getByRole('button', { name: '撤回' }).click();
  await okButton(page).click();
  await expect(row).toHaveCount(0);

  // The public directory filters by kind and service.
  await page.context().clearCookies();
  await page.goto('/public/designations?kind=station&service=rights_assistance');
  const cards = page.getByTestId('public-designation');
  await expect(cards.first()).toBeVisible();
  await expect(cards.first()).toContainText('维权援助');
});
