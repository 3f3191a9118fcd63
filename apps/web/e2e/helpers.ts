import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Shangmi@2025';

/** Signs in through the login form, as a person would, and waits for the dashboard. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page
    .getByRole('button', { name: '登 录' })
    .or(page.getByRole('button', { name: '登录' }))
    .click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}
