import { CERTIFICATE_STATUS_LABELS } from '@shangmi/shared';
import QRCode from 'qrcode';
import { createPdf, pdfToBuffer, PDF_FONTS } from '../../lib/pdf';
import { renderPdfInWorker } from '../../lib/pdf-worker';
import type { Certificate } from './certificates.service';

/** Who signs the certificate: the programme's office (聊城市 by default). */
export const CERTIFICATE_ISSUER = '聊城市商业秘密保护工作专班办公室';

/**
 * The address of the public verification page a certificate's QR code carries. `origin` is the
 * scheme, host and port the client used (behind a proxy: X-Forwarded-Proto/Host when trustProxy is on).
 */
export function verificationUrl(origin: string, number: string): string {
  return `${origin.replace(/\/+$/, '')}/verify/certificates/${encodeURIComponent(number)}`;
}

const chineseDate = (date: string): string => {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** What a certificate prints: plain data, so that it can be posted to the PDF worker thread. */
export interface CertificatePdfData {
  number: string;
  enterprise: { name: string; uscc: string };
  regionName: string;
  industryName: string;
  standardVersionLabel: string;
  guideVersionLabel: string | null;
  scoreBp: number;
  validFrom: string;
  validUntil: string;
  status: Certificate['status'];
  revokeReason: string | null;
}

/** Copies the printed fields, so nothing but strings and numbers crosses to the worker. */
export function certificatePdfData(certificate: Certificate): CertificatePdfData {
  return {
    number: certificate.number,
    enterprise: { name: certificate.enterprise.name, uscc: certificate.enterprise.uscc },
    regionName: certificate.regionName,
    industryName: certificate.industryName,
    standardVersionLabel: certificate.standardVersionLabel,
    guideVersionLabel: certificate.guideVersionLabel,
    scoreBp: certificate.scoreBp,
    validFrom: certificate.validFrom,
    validUntil: certificate.validUntil,
    status: certificate.status,
    revokeReason: certificate.revokeReason,
  };
}

/**
 * A4 landscape certificate in Chinese, with a QR code linking to the verification page. Rendered in
 * the PDF worker thread (lib/pdf-worker.ts), as font subsetting would block the event loop for up to
 * a second.
 */
export function renderCertificatePdf(certificate: Certificate, verifyUrl: string): Promise<Buffer> {
  return renderPdfInWorker({
    moduleUrl: import.meta.url,
    exportName: 'drawCertificatePdf' satisfies keyof typeof import('./certificates.pdf'),
    args: [certificatePdfData(certificate), verifyUrl],
    inProcess: drawCertificatePdf,
  });
}

/** Renders the certificate on the calling thread: the worker's side of renderCertificatePdf. */
export async function drawCertificatePdf(certificate: CertificatePdfData, verifyUrl: string): Promise<Buffer> {
  const doc = createPdf({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    title: `商业秘密保护贯标证书 ${certificate.number}`,
    // ASCII, so the number is findable in the file's plain-text metadata.
    subject: `Trade secret protection conformance certificate ${certificate.number}`,
  });
  const width = doc.page.width;
  const height = doc.page.height;
  const red = '#9f1c1c';
  const ink = '#1f1f1f';

  // Double frame.
  doc
    .lineWidth(3)
    .strokeColor(red)
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  doc
    .lineWidth(1)
    .rect(34, 34, width - 68, height - 68)
    .stroke();

  doc.fillColor(red).font(PDF_FONTS.bold).fontSize(34);
  doc.text('商业秘密保护贯标证书', 0, 72, { width, align: 'center', characterSpacing: 6 });
  doc.fillColor(ink).font(PDF_FONTS.regular).fontSize(11);
  doc.text('Certificate of Conformance — Trade Secret Protection', 0, 120, { width, align: 'center' });
  doc.fontSize(12).text(`证书编号：${certificate.number}`, 0, 144, { width, align: 'center' });

  const left = 90;
  const textWidth = width - 2 * left - 170;
  const standards = certificate.guideVersionLabel
    ? `《${certificate.standardVersionLabel}》及《${certificate.guideVersionLabel}》`
    : `《${certificate.standardVersionLabel}》`;
  doc.fontSize(16).font(PDF_FONTS.regular);
  doc.text('兹证明', left, 190, { width: textWidth });
  doc.font(PDF_FONTS.bold).fontSize(22).text(certificate.enterprise.name, left, 218, { width: textWidth });
  doc
    .font(PDF_FONTS.regular)
    .fontSize(13)
    .text(`统一社会信用代码：${certificate.enterprise.uscc}`, left, doc.y + 6, { width: textWidth });
  doc
    .fontSize(15)
    .text(
      `的商业秘密保护管理经自评与审核，符合${standards}的要求，评价得分 ${(certificate.scoreBp / 100).toFixed(1)} 分，特发此证。`,
      left,
      doc.y + 14,
      { width: textWidth, lineGap: 6 },
    );

  const rows: [string, string][] = [
    ['所属区域', certificate.regionName],
    ['所属行业', certificate.industryName],
    ['有效期', `${chineseDate(certificate.validFrom)} 至 ${chineseDate(certificate.validUntil)}`],
  ];
  let y = doc.y + 18;
  doc.fontSize(12);
  for (const [label, value] of rows) {
    doc.fillColor('#666666').text(label, left, y, { width: 80 });
    doc.fillColor(ink).text(value, left + 84, y, { width: textWidth - 84 });
    y += 22;
  }

  // QR code to the public verification page, bottom right.
  const qrSize = 130;
  const qrX = width - 90 - qrSize;
  const qrY = height - 90 - qrSize - 34;
  const png = await QRCode.toBuffer(verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 4 * qrSize });
  doc.image(png, qrX, qrY, { width: qrSize, height: qrSize });
  doc.fontSize(9).fillColor('#444444');
  doc.text('扫码核验证书状态', qrX - 20, qrY + qrSize + 6, { width: qrSize + 40, align: 'center' });
  doc.fontSize(7).text(verifyUrl, qrX - 60, qrY + qrSize + 20, { width: qrSize + 120, align: 'center' });

  doc.fillColor(ink).fontSize(13);
  doc.text(CERTIFICATE_ISSUER, left, height - 130, { width: 360 });
  doc.text(`发证日期：${chineseDate(certificate.validFrom)}`, left, height - 106, { width: 360 });

  if (certificate.status !== 'valid') {
    // A revoked or expired certificate printed later must not pass for a valid one.
    const label = CERTIFICATE_STATUS_LABELS[certificate.status];
    doc.save();
    doc.rotate(-20, { origin: [width / 2, height / 2] });
    doc.fillColor(red).opacity(0.25).font(PDF_FONTS.bold).fontSize(120);
    doc.text(label, 0, height / 2 - 80, { width, align: 'center' });
    doc.restore();
    if (certificate.status === 'revoked' && certificate.revokeReason) {
      doc.fillColor(red).font(PDF_FONTS.regular).fontSize(11);
      doc.text(`撤销原因：${certificate.revokeReason}`, left, height - 80, { width: width - 2 * left });
    }
  }
  return pdfToBuffer(doc);
}
