import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

const CONTENT = '端到端测试配方：甲组分 41.5%、乙组分 27%、丙组分其余，75℃ 恒温搅拌 50 分钟后静置 10 小时出料。';

async function readinessScore(page: Page): Promise<number> {
  const panel = page.getByTestId('readiness-panel');
  await expect(panel).toBeVisible();
  return Number(await panel.getAttribute('data-score'));
}

async function pickOption(page: Page, title: string) {
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

test('an enterprise admin registers a core point, adds a person with an agreement, and readiness rises; others cannot reach it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now() % 100000;
  const pointName = `端到端核心配方${suffix}`;
  const personName = `测试工程师${suffix}`;

  // Register the point.
  await login(page, 'ent.a.admin');
  await expect(page.getByTestId('secret-attention')).toBeVisible();
  await page.locator('.ant-layout-sider').getByText('商业秘密', { exact: true }).click();
  await page.locator('.ant-layout-sider').getByRole('link', { name: '秘点清单' }).click();
  await expect(page.getByRole('heading', { name: '秘点清单' })).toBeVisible();
  await expect(page.getByRole('link', { name: '复方阿胶浆核心配方' })).toBeVisible();
  await page.getByRole('button', { name: '登记秘点' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('秘点名称').fill(pointName);
  await dialog.getByLabel('类别').click();
  await pickOption(page, '配方');
  await dialog.getByLabel('密级').click();
  await pickOption(page, '核心商密');
  await dialog.getByLabel('责任部门').fill('技术研发中心');
  await dialog.getByLabel('具体内容').fill(CONTENT);
  await dialog
    .getByRole('button', { name: '保 存' })
    .or(dialog.getByRole('button', { name: '保存' }))
    .click();

  // A core point: the confidentiality notice comes first, then the content.
  await expect(page.getByText('保密告知', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '我已知悉并承诺保密' }).click();
  await expect(page.getByTestId('point-content')).toHaveText(CONTENT);
  const pointUrl = page.url();
  expect(pointUrl).toMatch(/\/secrets\/points\/[0-9a-f-]{36}$/);
  const before = await readinessScore(page);
  await expect(page.getByTestId('readiness-panel')).toContainText('已划定知悉范围');

  // Add a person and their confidentiality agreement.
  await page.goto('/secrets/personnel');
  await page.getByRole('button', { name: '登记人员' }).click();
  const personDialog = page.getByRole('dialog');
  await personDialog.getByLabel('姓名').fill(personName);
  await personDialog.getByLabel('部门').fill('技术研发中心');
  await personDialog.getByLabel('岗位').fill('配方工程师');
  await personDialog.getByLabel('入职日期').fill('2024-03-01');
  await personDialog.getByLabel('入职日期').press('Enter');
  await personDialog
    .getByRole('button', { name: '保 存' })
    .or(personDialog.getByRole('button', { name: '保存' }))
    .click();
  await expect(page.getByRole('heading', { name: personName })).toBeVisible();
  await page.getByRole('button', { name: '登记协议' }).click();
  const agreementDialog = page.getByRole('dialog');
  await expect(agreementDialog.getByLabel('协议类型')).toBeVisible();
  await agreementDialog
    .getByRole('button', { name: '保 存' })
    .or(agreementDialog.getByRole('button', { name: '保存' }))
    .click();
  await expect(page.getByRole('cell', { name: '保密协议', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '有效', exact: true })).toBeVisible();

  // Put the person in the point's knowledge scope: readiness rises.
  await page.goto(pointUrl);
  await page.getByRole('tab', { name: /知悉人员/ }).click();
  await page.getByRole('button', { name: '调整知悉范围' }).click();
  await page.getByTestId('scope-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: personName }).click();
  await page.keyboard.press('Escape');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: '保 存' })
    .or(page.getByRole('dialog').getByRole('button', { name: '保存' }))
    .click();
  await expect(page.getByRole('cell', { name: personName })).toBeVisible();
  await expect.poll(() => readinessScore(page)).toBeGreaterThan(before);
  await expect(page.getByTestId('readiness-panel')).not.toContainText('已划定知悉范围');

  // The access log shows the reads.
  await page.getByRole('tab', { name: '访问日志' }).click();
  await expect(page.getByRole('cell', { name: '查看内容' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: '确认保密告知' })).toBeVisible();

  // ent.a.user is outside the knowledge scope: the point does not exist for them.
  await page.context().clearCookies();
  await login(page, 'ent.a.user');
  await page.goto(pointUrl);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByText(CONTENT)).toHaveCount(0);
  await page.goto('/secrets');
  await expect(page.getByRole('heading', { name: '秘点清单' })).toBeVisible();
  await expect(page.getByRole('link', { name: '驴皮供应商名录及采购价格' })).toBeVisible();
  await expect(page.getByRole('link', { name: pointName })).toHaveCount(0);

  // Another enterprise's admin and the city admin cannot reach it either.
  await page.context().clearCookies();
  await login(page, 'ent.b.admin');
  await page.goto(pointUrl);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByText(CONTENT)).toHaveCount(0);

  await page.context().clearCookies();
  await login(page, 'city.admin');
  await page.goto(pointUrl);
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByText(CONTENT)).toHaveCount(0);
});

test('an enterprise admin offboards someone who knows a core point: high risk, checklist, reminder letter', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'ent.a.admin');
  await page.goto('/secrets/offboardings');
  await expect(page.getByRole('heading', { name: '离职办理' })).toBeVisible();
  // The seeded departure of 周强 has overdue steps.
  await expect(page.getByRole('link', { name: '周强' })).toBeVisible();
  await page.getByRole('button', { name: '办理离职' }).click();
  const wizard = page.getByRole('dialog');
  // The people list loads as the wizard opens; on a busy machine a click can land while the dropdown is
  // still settling and select nothing. Pick again until the choice took (the next button enables).
  await expect(async () => {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) {
      await wizard.locator('.ant-select').click();
    }
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '孙丽' })
      .click({ timeout: 3_000 });
    await expect(wizard.getByRole('button', { name: '下一步' })).toBeEnabled({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await wizard.getByRole('button', { name: '下一步' }).click();
  const leaving = wizard.getByRole('textbox').first();
  await leaving.fill('2030-06-28');
  await leaving.press('Enter');
  await wizard.getByRole('button', { name: '下一步' }).click();
  await expect(wizard.getByText('该人员知悉核心商密，将标记为高风险离职')).toBeVisible();
  await wizard.getByRole('button', { name: '开始办理' }).click();

  await expect(page).toHaveURL(/\/secrets\/offboardings\/[0-9a-f-]{36}$/);
  await expect(page.getByText('高风险', { exact: true }).first()).toBeVisible();
  const checklist = page.getByRole('row', { name: /离职保密谈话/ });
  await checklist.getByRole('button', { name: /^完\s?成$/ }).click();
  const stepDialog = page.getByRole('dialog');
  await stepDialog.getByRole('textbox').fill('已谈话，签收保密承诺');
  await stepDialog
    .getByRole('button', { name: '完 成' })
    .or(stepDialog.getByRole('button', { name: '完成' }))
    .click();
  await expect(page.getByRole('row', { name: /离职保密谈话/ })).toContainText('已谈话，签收保密承诺');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '生成提醒函 (PDF)' }).click();
  expect((await download).suggestedFilename()).toBe('保密义务提醒函-孙丽.pdf');
});
