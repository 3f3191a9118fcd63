import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { Type } from 'typebox';

/**
 * PDF documents in Chinese. pdfkit's built-in fonts are Latin-only, so every document registers Noto
 * Sans SC (Simplified Chinese, SIL OFL) from the `@embedpdf/fonts-sc` package; pdfkit embeds only the
 * glyphs a document uses (a subset), so a one-page certificate stays small although the font file is 8 MB.
 */
export const PDF_FONTS = { regular: 'cjk', bold: 'cjk-bold' } as const;

const FONT_FILES = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;

/** The package exports only its metadata module; the .otf files sit in `fonts/` beside `dist/`. */
function fontDirectory(): string {
  const entry = fileURLToPath(import.meta.resolve('@embedpdf/fonts-sc'));
  return path.join(path.dirname(entry), '..', 'fonts');
}

let fontCache: { regular: Buffer; bold: Buffer } | null = null;

/** Reads the two font files once per process (about 17 MB in memory, read on the first PDF). */
function fonts(): { regular: Buffer; bold: Buffer } {
  if (!fontCache) {
    const dir = fontDirectory();
    fontCache = {
      regular: fs.readFileSync(path.join(dir, FONT_FILES.regular)),
      bold: fs.readFileSync(path.join(dir, FONT_FILES.bold)),
    };
  }
  return fontCache;
}

export interface PdfOptions {
  size?: string | [number, number];
  layout?: 'portrait' | 'landscape';
  margin?: number;
  title: string;
  subject?: string;
}

/** A document with the CJK fonts registered (`PDF_FONTS.regular` selected) and the metadata set. */
export function createPdf(options: PdfOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 56,
    info: {
      Title: options.title,
      Subject: options.subject ?? options.title,
      Creator: 'Shangmi 商密',
      Producer: 'Shangmi 商密',
      // A fixed date keeps the bytes of a document a function of its content.
      CreationDate: new Date(0),
    },
    autoFirstPage: true,
    compress: true,
  });
  const { regular, bold } = fonts();
  doc.registerFont(PDF_FONTS.regular, regular);
  doc.registerFont(PDF_FONTS.bold, bold);
  doc.font(PDF_FONTS.regular);
  return doc;
}

/** Ends the document and collects its bytes. */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export const PDF_MIME = 'application/pdf';

/** Response schema of a PDF download: a binary body, never serialised as JSON. */
export const PdfFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'PDF 文件' });
