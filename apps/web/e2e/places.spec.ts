import { expect, test } from '@playwright/test';
import { login } from './helpers';

test('an anonymous visitor filters the public station directory by county', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('public-links').getByRole('link', { name: '服务站点名录' }).click();
  await expect(page.getByRole('heading', { name: '商业秘密保护服务站点名录' })).toBeVisible();
  await expect(page.getByTestId('public-station').first()).toBeVisible();

  await page.getByLabel('所在区域').click();
  await page.locator('.ant-select-item-option[title="东阿县"]').click();
  await expect(page).toHaveURL(/regionId=/);
  const cards = page.getByTestId('public-station');
  await expect(cards.filter({ hasText: '东阿县铜城市场监管所商业秘密保护服务站' })).toBeVisible();
  // Only 东阿县's stations remain.
  await expect(cards.filter({ hasText: '临清市' })).toHaveCount(0);
  await expect(cards.filter({ hasText: '东阿县铜城市场监管所商业秘密保护服务站' })).toContainText('投诉受理');
});

test('an anonymous visitor sees the map and the counts per region', async ({ page }) => {
  await page.goto('/public/map');
  await expect(page.getByRole('heading', { name: '服务站点与示范基地分布图' })).toBeVisible();
  await expect(page.getByTestId('places-map').locator('canvas')).toBeVisible();
  const counts = page.getByTestId('region-counts');
  await expect(counts.getByRole('row', { name: /东阿县/ })).toBeVisible();
  await expect(counts).toContainText('合计');
});

test('city admin creates a station, fixing a coordinate outside the city, and finds it in the list', async ({
  page,
}) => {
  const name = `聊城测试商业秘密保护服务点${Date.now() % 100000}`;
  await login(page, 'city.admin');
  await page.locator('.ant-layout-sider').getByRole('link', { name: '服务站点' }).click();
  await expect(page.getByRole('heading', { name: '服务站点' })).toBeVisible();
  await page.getByRole('button', { name: '新建服务站点' }).click();

  const form = page.getByTestId('station-form');
  await form.getByLabel('名称', { exact: true }).fill(name);
  await form.getByLabel('承办类型').click();
  await page.locator('.ant-select-item-option[title="社区服务中心"]').click();
  await form.getByLabel('所在区域').click();
  await page.getByRole('tree').getByText('冠县', { exact: true }).click();
  await form.getByLabel('地址', { exact: true }).fill('山东省聊城市冠县清泉街道社区服务中心');
  await expect(form.getByTestId('coordinate-hint')).toContainText('115.2');
  await form.getByLabel('经度').fill('117.5');
  await form.getByLabel('纬度').fill('36.48');
  await form.getByLabel('法律咨询').check();
  await form.getByLabel('投诉受理').check();
  await form.getByLabel('开放时间').fill('工作日 9:00-17:00');
  await form.getByLabel('联系人', { exact: true }).fill('李娜');
  await form.getByLabel('联系电话', { exact: true }).fill('0635-5201234');
  await form.getByLabel('姓名 1').fill('李娜');
  await form.getByLabel('职务 1').fill('站长');
  await form.getByLabel('电话 1').fill('13806351234');
  await form.getByRole('button', { name: /保\s*存/ }).click();

  // The longitude is east of the city: the server's Chinese message appears on the field, values stay.
  await expect(form.getByText(/经度应在 115\.2–116\.6 之间/)).toBeVisible();
  await expect(form.getByLabel('名称', { exact: true })).toHaveValue(name);

  await form.getByLabel('经度').fill('115.45');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByTestId('station-details')).toContainText('115.4500');

  await page.getByRole('link', { name: '服务站点' }).first().click();
  await page.getByRole('searchbox', { name: '站点名称、地址' }).fill(name);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('station-table').getByRole('link', { name })).toBeVisible();
});
