// Builds PDF and DOCX test documents from text with real libraries (pdfkit, docx), so the
// readers are tested on files made the way real tools make them.
import PDFDocument from 'pdfkit';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

export interface PdfBlock {
  text: string;
  x: number;
  y: number;
  width: number;
  size?: number;
}

/** A PDF whose pages hold the given blocks (text wrapped within each block's width). */
export function makePdf(pages: PdfBlock[][], opts: { userPassword?: string; header?: string; footer?: (page: number, total: number) => string; shapesOnly?: boolean } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 40, autoFirstPage: false, ...(opts.userPassword ? { userPassword: opts.userPassword, ownerPassword: 'owner' } : {}) });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    pages.forEach((blocks, i) => {
      doc.addPage();
      if (opts.shapesOnly) {
        doc.rect(60, 60, 300, 200).fill('#333333');
        doc.circle(300, 500, 80).fill('#999999');
        return;
      }
      if (opts.header) doc.font('Helvetica').fontSize(8).text(opts.header, 40, 15, { width: 500, lineBreak: false });
      for (const b of blocks) doc.font('Helvetica').fontSize(b.size ?? 10).text(b.text, b.x, b.y, { width: b.width });
      if (opts.footer) doc.font('Helvetica').fontSize(8).text(opts.footer(i + 1, pages.length), 260, 810, { width: 100, lineBreak: false });
    });
    doc.end();
  });
}

/** A one-column PDF of plain text, split into pages of `linesPerPage` lines. */
export function textPdf(text: string, opts: { linesPerPage?: number; header?: string; footer?: (page: number, total: number) => string } = {}): Promise<Buffer> {
  const lines = text.split('\n');
  const per = opts.linesPerPage ?? 60;
  const pages: PdfBlock[][] = [];
  for (let i = 0; i < lines.length; i += per) pages.push([{ text: lines.slice(i, i + per).join('\n'), x: 50, y: 40, width: 495, size: 10 }]);
  return makePdf(pages, opts);
}

/** A DOCX with headings (lines in ALL CAPS or ending with ":"), bullet items ("- ") and paragraphs. */
export async function makeDocx(text: string): Promise<Buffer> {
  const children = text.split('\n').filter((l) => l.trim() !== '').map((line) => {
    const t = line.trim();
    if (/^[A-Z &/]{4,}$/.test(t) || t.endsWith(':')) return new Paragraph({ text: t.replace(/:$/, ''), heading: HeadingLevel.HEADING_2 });
    if (/^[-•]\s/.test(t)) return new Paragraph({ children: [new TextRun(t.slice(2))], bullet: { level: 0 } });
    return new Paragraph({ children: [new TextRun(t)] });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
