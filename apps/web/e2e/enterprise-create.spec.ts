import { usccCheckCharacter, USCC_ALPHABET, USCC_MESSAGES } from '@shangmi/shared';
import { expect, test } from '@playwright/test';
import { login } from './helpers';

/** A valid USCC that no seeded enterprise has: a random 17-character body plus its check character. */
function freshUscc(): { valid: string; wrongCheck: string } {
  const digits = '0123456789';
  let body = '91371500';
  while (body.length < 17) {
    body += digits.charAt(Math.floor(Math.random() * digits.length));
  }
  const check = usccCheckCharacter(body);
  const wrong = USCC_ALPHABET.charAt((USCC_ALPHABET.indexOf(check) + 1) % USCC_ALPHABET.length);
  return { valid: `${body}${check}`, wrongCheck: `${body}${wrong}` };
}

test('city admin creates an enterprise, fixing a wrong credit code, and finds it in the list', async ({ page }) => {
  const { valid, wrongCheck } = freshUscc();
  const name = `聊城测试精密轴承有限公司${Date.now() % 100000}`;

  await login(page, 'city.admin');
  await page
    .getByRole('navigation')
    .or(page.locator('.ant-layout-sider'))
    .getByRole('link', { name: '企业名录' })
    .click();
  await expect(page.getByRole('heading', { name: '企业名录' })).toBeVisible();
  await page.getByRole('link', { name: '新建企业' }).click();
  await expect(page.getByRole('heading', { name: '新建企业' })).toBeVisible();

  const form = page.getByTestId('enterprise-form');
  await form.getByLabel('企业名称').fill(name);
  await form.getByLabel('统一社会信用代码').fill(wrongCheck.toLowerCase());
  await form.getByLabel('所属区域').click();
  await page.getByRole('tree').getByText('临清市', { exact: true }).click();
  // Type to filter the industry list, then take the highlighted match.
  await form.getByLabel('所属行业').fill('轴承');
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('industry-select')).toContainText('轴承');
  await form.getByLabel('注册地址').fill('山东省聊城市临清市烟店镇轴承产业园8号');
  await form.getByText('中型', { exact: true }).click();
  await form.getByLabel('专精特新').check();
  await form.getByLabel('联系人', { exact: true }).fill('王晓明');
  await form.getByLabel('联系电话').fill('0635-2345678');
  await form.getByRole('button', { name: /保\s*存/ }).click();

  // The check character is wrong: the Chinese message appears on the field and nothing typed is lost.
  await expect(form.getByText(USCC_MESSAGES.check_digit)).toBeVisible();
  await expect(form.getByLabel('企业名称')).toHaveValue(name);
  await expect(form.getByLabel('统一社会信用代码')).toHaveValue(wrongCheck);

  await form.getByLabel('统一社会信用代码').fill(valid);
  await form.getByRole('button', { name: /保\s*存/ }).click();

  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByTestId('enterprise-details')).toContainText(valid);

  await page.getByRole('link', { name: '企业名录' }).first().click();
  await page
    .getByRole('searchbox', { name: '企业名称 / 统一社会信用代码' })
    .or(page.getByLabel('企业名称 / 统一社会信用代码'))
    .fill(valid);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const rows = page.getByTestId('enterprise-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(name);
  await expect(rows.first()).toContainText(valid);
});

test('a duplicate credit code is reported by the server on the field, and nothing typed is lost', async ({ page }) => {
  await login(page, 'city.admin');
  const existing = (await (await page.request.get('/api/enterprises', { params: { pageSize: 1 } })).json()) as {
    items: { uscc: string }[];
  };
  const taken = existing.items[0]?.uscc ?? '';
  expect(taken).toHaveLength(18);

  await page.goto('/enterprises/new');
  const form = page.getByTestId('enterprise-form');
  await form.getByLabel('企业名称').fill('重复代码测试有限公司');
  await form.getByLabel('统一社会信用代码').fill(taken);
  await form.getByLabel('所属区域').click();
  await page.getByRole('tree').getByText('东阿县', { exact: true }).click();
  await form.getByLabel('所属行业').fill('化工');
  await page.keyboard.press('Enter');
  await form.getByLabel('注册地址').fill('山东省聊城市东阿县新城街道1号');
  await form.getByLabel('联系人', { exact: true }).fill('李娜');
  await form.getByLabel('联系电话').fill('13800000000');
  await form.getByRole('button', { name: /保\s*存/ }).click();

  await expect(page.getByTestId('form-error')).toContainText('保存失败');
  // The server's 409 names the field; its message appears under the credit code input.
  await expect(form.getByText(taken)).toBeVisible();
  await expect(form.getByLabel('企业名称')).toHaveValue('重复代码测试有限公司');
  await expect(form.getByLabel('联系电话')).toHaveValue('13800000000');
});
