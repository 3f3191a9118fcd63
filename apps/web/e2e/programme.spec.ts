import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

async function openMenu(page: Page, entry: string) {
  const sider = page.locator('.ant-layout-sider');
  const link = sider.getByRole('link', { name: entry, exact: true });
  if (!(await link.isVisible())) {
    await sider.getByText('工作方案', { exact: true }).click();
  }
  await link.click();
}

test('the city admin sees the plan’s targets 10/100/60/1000 and its milestones', async ({ page }) => {
  await login(page, 'city.admin');
  await openMenu(page, '推进看板');
  await expect(page.getByRole('heading', { name: /推进看板/ })).toBeVisible();
  await expect(page.getByTestId('target-base')).toHaveText('/ 10个');
  await expect(page.getByTestId('target-station')).toHaveText('/ 100个');
  await expect(page.getByTestId('target-enterprise')).toHaveText('/ 60家');
  await expect(page.getByTestId('target-conforming')).toHaveText('/ 1000家');
  const milestones = page.getByTestId('milestones');
  for (const due of ['2023-12-31', '2024-12-31', '2025-09-30']) {
    await expect(milestones).toContainText(due);
  }
  await expect(milestones).toContainText('示范指导站（点）');
  // Every county and zone is in the region table, and a count links to the records behind it.
  const regions = page.getByTestId('region-table');
  await expect(regions.getByRole('row', { name: /东阿县/ })).toBeVisible();
  await expect(regions.getByRole('row', { name: /临清市/ })).toBeVisible();
  await expect(
    regions
      .getByRole('row', { name: /东阿县/ })
      .getByRole('link')
      .first(),
  ).toHaveAttribute('href', /\/designations\?kind=base&county=.+&asOf=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId('progress-chart')).toBeVisible();

  await openMenu(page, '方案内容');
  await expect(page.getByTestId('plan-targets')).toHaveText(
    '示范基地10个、示范指导站（点）100个、示范企业60家、贯标企业1000家',
  );
  await expect(page.getByTestId('plan-milestones')).toContainText('2025-09-30');
});

test('a county admin sees only their own region', async ({ page }) => {
  await login(page, 'county.donge');
  await openMenu(page, '推进看板');
  await expect(page.getByText('本辖区：东阿县')).toBeVisible();
  const regions = page.getByTestId('region-table');
  await expect(regions.getByRole('row', { name: /东阿县/ })).toBeVisible();
  await expect(regions.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(regions).not.toContainText('临清市');
  // Their allocation is their target (2 of the city's 10 bases in the suggested split).
  await expect(page.getByTestId('target-base')).toHaveText('/ 2个');
});

test('a department officer reports on their unit’s work item and the office sees it', async ({ page }) => {
  const title = `线索移送机制${Date.now() % 100000}`;
  await login(page, 'city.admin');
  await openMenu(page, '责任清单');
  await page.getByRole('button', { name: '新增工作事项' }).click();
  const modal = page.locator('.ant-modal').filter({ hasText: '新增工作事项' });
  await modal.getByLabel('事项').fill(title);
  await modal.getByLabel('责任单位').click();
  await modal.getByLabel('责任单位').fill('市公安局');
  await page.locator('.ant-select-item-option[title="市公安局"]').click();
  await modal.getByLabel('完成时限').click();
  await modal.getByLabel('完成时限').fill('2099-12-31');
  await modal.getByLabel('完成时限').press('Enter');
  await modal.getByRole('button', { name: /提\s*交/ }).click();
  const table = page.getByTestId('work-item-table');
  await expect(table.getByRole('row', { name: new RegExp(title) })).toContainText('未开始');
  await page.locator('[data-testid="current-user"]').click();
  await page.getByText('退出登录').click();

  await login(page, 'dept.police');
  await openMenu(page, '责任清单');
  await page.getByTestId('work-item-table').getByRole('link', { name: title }).click();
  await page.getByLabel('进展情况').fill('已起草移送办法，正在征求市检察院意见');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.getByTestId('work-item-reports')).toContainText('已起草移送办法');
  await page.locator('[data-testid="current-user"]').click();
  await page.getByText('退出登录').click();

  await login(page, 'city.admin');
  await openMenu(page, '责任清单');
  const row = page.getByTestId('work-item-table').getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('推进中');
  await row.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('work-item-reports')).toContainText('市公安局');
  await expect(page.getByTestId('work-item-reports')).toContainText('已起草移送办法，正在征求市检察院意见');
});
