import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, login } from './helpers';

/** Signs out by dropping the session cookie and signs in as someone else. */
async function switchUser(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await login(page, username);
}

interface AnswerSession {
  csrf: string;
  request: APIRequestContext;
}

async function apiLogin(request: APIRequestContext, username: string): Promise<AnswerSession> {
  const response = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { csrfToken: string };
  return { csrf: body.csrfToken, request };
}

/**
 * Test helper (not a UI shortcut): answers all but `leave` requirements of the enterprise's assessment in
 * the campaign through the API, as if the user had filled them in earlier. Returns the assessment id and
 * the codes left for the user to answer in the browser.
 */
async function answerMostViaApi(
  session: AnswerSession,
  campaignName: string,
  leave: number,
): Promise<{ id: string; remaining: string[]; total: number }> {
  const list = (await (await session.request.get('/api/assessments?page=1&pageSize=50')).json()) as {
    items: { id: string; campaign: { name: string } | null }[];
  };
  const summary = list.items.find((item) => item.campaign?.name === campaignName);
  expect(summary, 'the campaign opened an assessment for the enterprise').toBeDefined();
  const id = summary?.id ?? '';
  const assessment = (await (await session.request.get(`/api/assessments/${id}`)).json()) as {
    requirements: { code: string }[];
  };
  const codes = assessment.requirements.map((requirement) => requirement.code);
  for (const code of codes.slice(0, codes.length - leave)) {
    const response = await session.request.put(`/api/assessments/${id}/answers/${encodeURIComponent(code)}`, {
      headers: { 'X-CSRF-Token': session.csrf },
      data: { answer: 'conform', notes: '已建立相应制度并执行' },
    });
    expect(response.ok(), `saving ${code}`).toBe(true);
  }
  return { id, remaining: codes.slice(codes.length - leave), total: codes.length };
}

function answerCard(page: Page, code: string): Locator {
  return page.getByTestId(`answer-${code}`);
}

/** Radio buttons hide their input; a person clicks the button's label. */
async function choose(scope: Locator, label: string): Promise<void> {
  await scope
    .locator('label.ant-radio-button-wrapper')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click();
}

async function expectSaved(card: Locator): Promise<void> {
  await expect(card.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

test('a campaign, a self-assessment returned once and resubmitted, a certificate that verifies publicly', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const campaignName = `东阿县阿胶企业贯标 ${Date.now() % 100000}`;

  // 1. The county administrator launches a campaign for 东阿县's 阿胶 enterprises.
  await login(page, 'county.donge');
  await page.goto('/campaigns');
  await page.getByRole('link', { name: '发起贯标活动' }).click();
  const form = page.getByTestId('campaign-form');
  await form.getByLabel('活动名称').fill(campaignName);
  await expect(form.getByLabel('标准版本')).toBeVisible();
  await form.getByLabel('区域', { exact: true }).click();
  await page.getByRole('tree').getByText('东阿县', { exact: true }).click();
  await page.keyboard.press('Escape');
  await form.getByLabel('行业', { exact: true }).click();
  await page.locator('.ant-select-item-option[title="阿胶/中医药"]').click();
  await page.keyboard.press('Escape');
  await expect(form.getByTestId('match-count')).toContainText('家正常状态的企业');
  await form.getByRole('button', { name: '发起活动' }).click();
  await expect(page.getByRole('heading', { name: campaignName })).toBeVisible();
  await expect(page.getByTestId('region-progress')).toBeVisible();
  await expect(page.getByTestId('assessment-table')).toContainText('东阿示范阿胶股份有限公司');

  // 2. Most requirements were answered earlier (test helper); the user answers the last three in the UI.
  const session = await apiLogin(request, 'ent.a.user');
  const { id, remaining, total } = await answerMostViaApi(session, campaignName, 3);
  const [first, second, third] = remaining as [string, string, string];

  await switchUser(page, 'ent.a.user');
  await page.getByTestId('conformance-todo').getByRole('link', { name: campaignName }).click();
  await expect(page).toHaveURL(new RegExp(`/assessments/${id}$`));
  await page.getByTestId('answer-filter').getByText('未作答').click();

  await choose(answerCard(page, first), '符合');
  await expectSaved(answerCard(page, first));

  // A save that fails keeps what was typed, in the page and in the browser's storage.
  await page.route(`**/api/assessments/${id}/answers/${second}`, (route) => route.abort());
  await choose(answerCard(page, second), '部分符合');
  await answerCard(page, second).getByLabel(`${second} 说明`).fill('保密制度已起草，待总经理办公会审议');
  await expect(answerCard(page, second).getByTestId('save-state')).toHaveAttribute('data-state', 'failed');
  await page.unroute(`**/api/assessments/${id}/answers/${second}`);
  await page.reload();
  await expect(page.getByTestId('restored-drafts')).toContainText(second);
  await page.getByTestId('restored-drafts').getByRole('button', { name: '全部重试保存' }).click();
  await page.getByTestId('answer-filter').getByText('有差距').click();
  await expectSaved(answerCard(page, second));
  await expect(answerCard(page, second).getByLabel(`${second} 说明`)).toHaveValue('保密制度已起草，待总经理办公会审议');
  await page.getByTestId('answer-filter').getByText('未作答').click();

  // 不适用 needs a reason before it is saved.
  await choose(answerCard(page, third), '不适用');
  await expect(answerCard(page, third).getByTestId('save-state')).toHaveAttribute('data-state', 'needs-reason');
  await answerCard(page, third).getByLabel(`${third} 不适用理由`).fill('本企业无该项业务');
  await expectSaved(answerCard(page, third));
  await expect(page.getByTestId('score-answered')).toHaveText(new RegExp(`${total}\\s*/\\s*${total}`));

  // 3. The enterprise administrator submits.
  await switchUser(page, 'ent.a.admin');
  await page.goto(`/assessments/${id}`);
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('locked')).toBeVisible();

  // 4. The service station returns one requirement with a comment.
  await switchUser(page, 'station.donge');
  await page.goto('/reviews');
  await page.getByTestId('assessment-table').getByRole('link', { name: '东阿示范阿胶股份有限公司' }).click();
  const returnedRow = page.getByTestId(`review-${second}`);
  await choose(returnedRow, '退回');
  await page.getByRole('button', { name: '其余全部通过' }).click();
  await page.getByRole('button', { name: '提交审核结论' }).click();
  await expect(page.getByText(`退回须填写审核意见：${second}`)).toBeVisible();
  await returnedRow.getByLabel(`${second} 审核意见`).fill('请上传经审议通过的保密制度文件');
  await page.getByRole('button', { name: '提交审核结论' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交审核结论' }).click();
  await expect(page.getByText('已退回企业修改')).toBeVisible();

  // 5. The enterprise sees the comment, fixes the requirement and resubmits.
  await switchUser(page, 'ent.a.admin');
  await page.goto(`/assessments/${id}`);
  await expect(page.getByTestId('returned-banner')).toBeVisible();
  await page.getByTestId('answer-filter').getByText('退回项').click();
  await expect(answerCard(page, second).getByTestId('reviewer-comment')).toContainText(
    '请上传经审议通过的保密制度文件',
  );
  await choose(answerCard(page, second), '符合');
  await answerCard(page, second).getByLabel(`${second} 说明`).fill('保密制度已审议通过并印发');
  await expectSaved(answerCard(page, second));
  await page.getByRole('button', { name: '重新提交' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '重新提交' }).click();
  await expect(page.getByTestId('locked')).toBeVisible();

  // 6. The reviewer accepts everything: a certificate is issued.
  await switchUser(page, 'station.donge');
  await page.goto(`/reviews/${id}`);
  await page.getByRole('button', { name: '其余全部通过' }).click();
  await page.getByRole('button', { name: '提交审核结论' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交审核结论' }).click();
  const issued = page.getByTestId('issued-certificate-number');
  await expect(issued).toBeVisible();
  const number = ((await issued.textContent()) ?? '').replace(/^.*：/, '').trim();
  expect(number).not.toBe('');

  // 7. Anyone can verify it on the public page, without signing in.
  await page.context().clearCookies();
  await page.goto(`/verify/certificates/${encodeURIComponent(number)}`);
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'valid');
  await expect(page.getByTestId('verify-status')).toContainText('有效');
  await expect(page.getByTestId('verify-details')).toContainText('东阿示范阿胶股份有限公司');
});
