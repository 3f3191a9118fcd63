import QRCode from 'qrcode';
import { createPdf, pdfToBuffer, PDF_FONTS } from '../../lib/pdf';
import { renderPdfInWorker } from '../../lib/pdf-worker';

/** What the certificate prints: plain data, so that it can be posted to the PDF worker thread. */
export interface AttestationPdfData {
  enterpriseName: string;
  sha256: string;
  label: string | null;
  loggedAt: string;
  leafIndex: number;
  treeSize: number;
  rootHash: string;
  origin: string;
  publicKey: string;
  verifyUrl: string;
}

const beijingTime = (iso: string): string => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}（北京时间）`;
};

/** The attestation certificate (存证证书) in Chinese with a QR code to the public verification page. */
export function renderAttestationPdf(data: AttestationPdfData): Promise<Buffer> {
  return renderPdfInWorker({
    moduleUrl: import.meta.url,
    exportName: 'drawAttestationPdf' satisfies keyof typeof import('./attestations.pdf'),
    args: [data],
    inProcess: drawAttestationPdf,
  });
}

export async function drawAttestationPdf(data: AttestationPdfData): Promise<Buffer> {
  const doc = createPdf({
    size: 'A4',
    margin: 0,
    title: `电子文件存证证书 #${data.leafIndex}`,
    subject: `Attestation certificate, log entry ${data.leafIndex}, SHA-256 ${data.sha256}`,
  });
  const width = doc.page.width;
  const height = doc.page.height;
  const blue = '#1d3f72';
  const ink = '#1f1f1f';
  doc
    .lineWidth(2)
    .strokeColor(blue)
    .rect(28, 28, width - 56, height - 56)
    .stroke();

  doc.fillColor(blue).font(PDF_FONTS.bold).fontSize(26);
  doc.text('电子文件存证证书', 0, 70, { width, align: 'center', characterSpacing: 4 });
  doc.fillColor(ink).font(PDF_FONTS.regular).fontSize(10);
  doc.text('Certificate of File Attestation — Transparency Log', 0, 106, { width, align: 'center' });

  const left = 64;
  const textWidth = width - 2 * left;
  doc
    .fontSize(12)
    .text(
      `兹证明：${data.enterpriseName}于下列时间将一份电子文件的 SHA-256 指纹写入公开可验证的透明日志。文件本身未离开企业，日志中只有文件指纹、写入时间和对企业身份的加盐承诺。`,
      left,
      140,
      { width: textWidth, lineGap: 5 },
    );

  const rows: [string, string][] = [
    ['文件 SHA-256', data.sha256],
    ['文件名称/说明', data.label ?? '（未填写）'],
    ['存证时间', `${beijingTime(data.loggedAt)}\n${data.loggedAt}（UTC）`],
    ['日志序号', `#${data.leafIndex}（第 ${data.leafIndex + 1} 条）`],
    ['检查点', `树大小 ${data.treeSize}，根哈希 ${data.rootHash}`],
    ['日志标识', data.origin],
    ['日志公钥', data.publicKey],
  ];
  let y = doc.y + 22;
  for (const [label, value] of rows) {
    doc.font(PDF_FONTS.bold).fontSize(11).fillColor('#555555').text(label, left, y, { width: 100 });
    doc
      .font(PDF_FONTS.regular)
      .fontSize(label === '日志公钥' || label === '检查点' ? 9 : 11)
      .fillColor(ink);
    doc.text(value, left + 108, y, { width: textWidth - 108, lineBreak: true });
    y = Math.max(doc.y, y + 16) + 10;
  }

  const qrSize = 130;
  const qrY = y + 10;
  const png = await QRCode.toBuffer(data.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 4 * qrSize });
  doc.image(png, left, qrY, { width: qrSize, height: qrSize });
  doc.fontSize(10).fillColor(ink);
  doc.text(
    '核验方法：扫描二维码打开公开核验页面，选择原文件，页面在浏览器中计算哈希并用日志的包含证明和签名检查点核验（文件不会上传）。也可用下载的回执 JSON 离线核验：npx shangmi verify --receipt 回执.json 文件。',
    left + qrSize + 18,
    qrY + 4,
    { width: textWidth - qrSize - 18, lineGap: 4 },
  );
  doc
    .fontSize(7)
    .fillColor('#444444')
    .text(data.verifyUrl, left + qrSize + 18, doc.y + 8, { width: textWidth - qrSize - 18 });

  doc.fontSize(9).fillColor('#666666');
  doc.text(
    '本证书由商密平台根据透明日志自动生成。证明力来自日志的签名检查点与包含证明，任何人都可独立验证，不依赖本证书的纸面内容。',
    left,
    height - 96,
    { width: textWidth, lineGap: 3 },
  );
  return pdfToBuffer(doc);
}
