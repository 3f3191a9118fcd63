import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { login } from './helpers';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

test('an enterprise attests files hashed in the browser, and anyone verifies a receipt on the public page', async ({
  page,
  browser,
}, testInfo) => {
  const stamp = Date.now();
  const files = [
    { name: `配方-${stamp}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`秘方 ${stamp}：阿胶、黄酒、冰糖`) },
    {
      name: `图纸-${stamp}.bin`,
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(3 * 1024 * 1024 + 17, stamp % 251),
    },
  ];
  await login(page, 'ent.a.user');
  await page.locator('.ant-layout-sider').getByRole('link', { name: '文件存证' }).click();
  await expect(page.getByRole('heading', { name: '文件存证' })).toBeVisible();

  await page.getByTestId('file-attester').locator('input[type=file]').setInputFiles(files);
  const attester = page.getByTestId('file-attester');
  // The browser computed the same hashes as Node does.
  for (const file of files) {
    await expect(attester.getByText(`${sha256(file.buffer).slice(0, 16)}…`)).toBeVisible();
  }
  await page.getByTestId('attest-submit').click();
  await expect(attester.getByText('已存证')).toHaveCount(2);

  const table = page.getByTestId('attestation-table');
  await expect(table.getByRole('link', { name: files[0]!.name })).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: files[0]!.name });
  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: '回执 JSON' }).click();
  const download = await downloading;
  const receiptPath = testInfo.outputPath('receipt.json');
  await download.saveAs(receiptPath);
  const receipt = JSON.parse(fs.readFileSync(receiptPath, 'utf8')) as { leafIndex: number; entry: { sha256: string } };
  expect(receipt.entry.sha256).toBe(sha256(files[0]!.buffer));

  await table.getByRole('link', { name: files[0]!.name }).click();
  await expect(page.getByTestId('attestation-detail')).toContainText(sha256(files[0]!.buffer));

  // Anyone, without an account: file + receipt, checked in the browser.
  const visitor = await browser.newPage();
  await visitor.goto('/verify/attestation');
  await expect(visitor.getByRole('heading', { name: '存证核验' })).toBeVisible();
  await visitor.getByTestId('verify-file').locator('input[type=file]').setInputFiles(files[0]!);
  await visitor.getByTestId('verify-receipt').locator('input[type=file]').setInputFiles(receiptPath);
  await visitor.getByTestId('verify-run').click();
  const outcome = visitor.getByTestId('verify-outcome');
  await expect(outcome).toHaveAttribute('data-ok', 'true');
  await expect(outcome).toContainText('东阿示范阿胶股份有限公司');
  await expect(visitor.getByTestId('verify-consistency')).toContainText('一致');

  // Another file with the same receipt does not pass.
  await visitor
    .getByTestId('verify-file')
    .locator('input[type=file]')
    .setInputFiles({
      name: 'changed.txt',
      mimeType: 'text/plain',
      buffer: Buffer.concat([files[0]!.buffer, Buffer.from('!')]),
    });
  await visitor.getByTestId('verify-run').click();
  await expect(outcome).toHaveAttribute('data-ok', 'false');
  await expect(outcome).toContainText('不一致');

  // The QR code's link: the log index alone, the proof fetched from the public log.
  await visitor.goto(`/verify/attestation?leaf=${receipt.leafIndex}&sha256=${receipt.entry.sha256}`);
  await visitor.getByTestId('verify-file').locator('input[type=file]').setInputFiles(files[0]!);
  await visitor.getByTestId('verify-run').click();
  await expect(visitor.getByTestId('verify-outcome')).toHaveAttribute('data-ok', 'true');
  await visitor.close();
});
