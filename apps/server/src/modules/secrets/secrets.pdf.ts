import { createPdf, pdfToBuffer, PDF_FONTS } from '../../lib/pdf';
import { renderPdfInWorker } from '../../lib/pdf-worker';

/** What the reminder letter prints: names and dates, never a secret point's content. */
export interface ReminderLetterData {
  enterpriseName: string;
  personName: string;
  department: string;
  post: string;
  leavingOn: string;
  declassificationUntil: string | null;
  /** Numbers and names of the points the person knew (labels only). */
  points: { number: string; name: string }[];
  nonCompete: { restrictedMonths: number; monthlyCompensationYuan: number; until: string } | null;
  issuedOn: string;
}

const chineseDate = (date: string): string => {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** The reminder letter of confidentiality obligations handed to a leaving employee (A4, Chinese). */
export function renderReminderLetter(data: ReminderLetterData): Promise<Buffer> {
  return renderPdfInWorker({
    moduleUrl: import.meta.url,
    exportName: 'drawReminderLetter' satisfies keyof typeof import('./secrets.pdf'),
    args: [data],
    inProcess: drawReminderLetter,
  });
}

export async function drawReminderLetter(data: ReminderLetterData): Promise<Buffer> {
  const doc = createPdf({
    title: `保密义务提醒函 ${data.personName}`,
    subject: 'Reminder of confidentiality obligations',
  });
  doc.font(PDF_FONTS.bold).fontSize(20).text('保密义务提醒函', { align: 'center' });
  doc.moveDown(1.2);
  doc.font(PDF_FONTS.regular).fontSize(12);
  doc.text(`${data.personName}（${data.department}，${data.post}）：`);
  doc.moveDown(0.6);
  const paragraphs = [
    `您将于${chineseDate(data.leavingOn)}与${data.enterpriseName}解除（终止）劳动关系。根据《中华人民共和国反不正当竞争法》第九条、《中华人民共和国劳动合同法》第二十三条及您签署的保密协议，现书面提醒您离职后仍须履行的保密义务：`,
    '一、对在职期间知悉的本单位商业秘密（包括但不限于下列秘点）继续承担保密义务，不得披露、使用或允许他人使用，保密义务不因劳动关系解除而终止，直至该信息为公众所知悉；',
    '二、离职前须交还全部涉密载体（纸质、电子、实物样品等），不得留存任何复制件；',
    '三、不得利用所知悉的商业秘密自营或者为他人经营与本单位同类的业务；',
    '四、违反上述义务的，本单位将依法追究其法律责任。',
  ];
  for (const p of paragraphs) {
    doc.text(p, { indent: 24, lineGap: 4 });
    doc.moveDown(0.4);
  }
  if (data.points.length > 0) {
    doc.moveDown(0.4);
    doc.font(PDF_FONTS.bold).text('您知悉的秘点（仅列编号和名称）：');
    doc.font(PDF_FONTS.regular);
    for (const point of data.points) {
      doc.text(`· ${point.number}  ${point.name}`, { indent: 24 });
    }
  }
  if (data.declassificationUntil) {
    doc.moveDown(0.6);
    doc.text(`脱密期：至${chineseDate(data.declassificationUntil)}止，期间不再接触涉密事项。`, { indent: 24 });
  }
  if (data.nonCompete) {
    doc.moveDown(0.6);
    doc.text(
      `竞业限制：自离职之日起${data.nonCompete.restrictedMonths}个月（至${chineseDate(data.nonCompete.until)}），` +
        `本单位按月支付经济补偿${data.nonCompete.monthlyCompensationYuan.toFixed(2)}元。` +
        '竞业限制期限不超过二年（《劳动合同法》第二十四条）。',
      { indent: 24, lineGap: 4 },
    );
  }
  doc.moveDown(2);
  doc.text(data.enterpriseName, { align: 'right' });
  doc.text(chineseDate(data.issuedOn), { align: 'right' });
  doc.moveDown(2);
  doc.text('本人已收到并知悉上述保密义务。  签收人：____________    日期：____________');
  return pdfToBuffer(doc);
}
