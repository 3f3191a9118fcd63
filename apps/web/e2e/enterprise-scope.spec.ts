import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, login } from './helpers';

test('an enterprise user sees only their own enterprise, and another one is not found', async ({ page, request }) => {
  // The ids of some enterprises, read as the city administrator through the API (not the UI under test).
  const adminLogin = await request.post('/api/auth/login', {
    data: { username: 'city.admin', password: DEMO_PASSWORD },
  });
  expect(adminLogin.ok()).toBeTruthy();
  const all = await request.get('/api/enterprises', { params: { pageSize: 50 } });
  expect(all.ok()).toBeTruthy();
  const { items } = (await all.json()) as { items: { id: string; name: string }[] };

  await login(page, 'ent.a.user');
  const me = (await (await page.request.get('/api/auth/me')).json()) as { enterpriseId: string | null };
  expect(me.enterpriseId).toBeTruthy();

  // The dashboard shows their enterprise card.
  await expect(page.getByTestId('own-enterprise')).toBeVisible();

  // The registry list, scoped by the server, holds exactly their enterprise.
  await page.goto('/enterprises');
  const rows = page.getByTestId('enterprise-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  const own = items.find((item) => item.id === me.enterpriseId);
  if (own) {
    await expect(rows.first()).toContainText(own.name);
  }

  // Any other enterprise's page is "not found" for them: ids cannot be probed.
  const other = items.find((item) => item.id !== me.enterpriseId);
  expect(other).toBeDefined();
  await page.goto(`/enterprises/${other?.id ?? 'missing'}`);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByText('您访问的内容不存在，或您无权查看。')).toBeVisible();
});
