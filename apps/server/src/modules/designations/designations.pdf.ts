import {
  DESIGNATION_KIND_LABELS,
  DESIGNATION_STATUS_LABELS,
  type DesignationKind,
  type DesignationStatus,
} from '@shangmi/shared';
import QRCode from 'qrcode';
import { createPdf, pdfToBuffer, PDF_FONTS } from '../../lib/pdf';
import { renderPdfInWorker } from '../../lib/pdf-worker';

/** Who confers the designation: the programme's office (聊城市 by default). */
export const DESIGNATION_ISSUER = '聊城市商业秘密保护工作专班办公室';

/** What the designation certificate prints: plain data, posted to the PDF worker thread. */
export interface DesignationPdfData {
  number: string;
  kind: DesignationKind;
  subjectName: string;
  countyName: string;
  designatedOn: string;
  status: DesignationStatus;
  revokedOn: string | null;
}

const chineseDate = (date: string): string => {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** The public directory's address for the designation (the QR code on the certificate). */
export function directoryUrl(origin: string, number: string): string {
  return `${origin.replace(/\/+$/, '')}/public/designations?q=${encodeURIComponent(number)}`;
}

/** A4 landscape designation certificate (授牌证书) in Chinese, rendered in the PDF worker. */
export function renderDesignationPdf(data: DesignationPdfData, url: string): Promise<Buffer> {
  return renderPdfInWorker({
    moduleUrl: import.meta.url,
    exportName: 'drawDesignationPdf' satisfies keyof typeof import('./designations.pdf'),
    args: [data, url],
    inProcess: drawDesignationPdf,
  });
}

export async function drawDesignationPdf(data: DesignationPdfData, url: string): Promise<Buffer> {
  const title = `聊城市商业秘密保护${DESIGNATION_KIND_LABELS[data.kind]}`;
  const doc = createPdf({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    title: `${title} ${data.number}`,
    subject: `Trade secret protection demonstration designation ${data.number}`,
  });
  const width = doc.page.width;
  const height = doc.page.height;
  const red = '#9f1c1c';
  const ink = '#1f1f1f';
  doc
    .lineWidth(3)
    .strokeColor(red)
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  doc
    .lineWidth(1)
    .rect(34, 34, width - 68, height - 68)
    .stroke();

  doc.fillColor(red).font(PDF_FONTS.bold).fontSize(30);
  doc.text(title, 0, 80, { width, align: 'center', characterSpacing: 4 });
  doc.fillColor(ink).font(PDF_FONTS.regular).fontSize(12);
  doc.text(`编号：${data.number}`, 0, 130, { width, align: 'center' });

  const left = 100;
  const textWidth = width - 2 * left - 150;
  doc.font(PDF_FONTS.bold).fontSize(24).text(data.subjectName, left, 190, { width: textWidth });
  doc
    .font(PDF_FONTS.regular)
    .fontSize(15)
    .text(
      `经申报、县级初审、专家评审和社会公示，被命名为“聊城市商业秘密保护${DESIGNATION_KIND_LABELS[data.kind]}”。`,
      left,
      doc.y + 16,
      { width: textWidth, lineGap: 6 },
    );
  doc
    .fontSize(12)
    .fillColor('#666666')
    .text(`所在县（市、区）：${data.countyName}`, left, doc.y + 16, { width: textWidth });
  doc.text('实行动态管理，每年复核。', left, doc.y + 6, { width: textWidth });

  const qrSize = 120;
  const qrX = width - 90 - qrSize;
  const qrY = height - 90 - qrSize - 34;
  const png = await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 1, width: 4 * qrSize });
  doc.image(png, qrX, qrY, { width: qrSize, height: qrSize });
  doc.fontSize(9).fillColor('#444444');
  doc.text('扫码在公开名录中查询', qrX - 20, qrY + qrSize + 6, { width: qrSize + 40, align: 'center' });

  doc.fillColor(ink).fontSize(13);
  doc.text(DESIGNATION_ISSUER, left, height - 130, { width: 380 });
  doc.text(`授牌日期：${chineseDate(data.designatedOn)}`, left, height - 106, { width: 380 });

  if (data.status === 'revoked') {
    doc.save();
    doc.rotate(-20, { origin: [width / 2, height / 2] });
    doc.fillColor(red).opacity(0.25).font(PDF_FONTS.bold).fontSize(110);
    doc.text(DESIGNATION_STATUS_LABELS[data.status], 0, height / 2 - 70, { width, align: 'center' });
    doc.restore();
    if (data.revokedOn) {
      doc.fillColor(red).font(PDF_FONTS.regular).fontSize(11);
      doc.text(`撤销日期：${chineseDate(data.revokedOn)}`, left, height - 80, { width: width - 2 * left });
    }
  }
  return pdfToBuffer(doc);
}
