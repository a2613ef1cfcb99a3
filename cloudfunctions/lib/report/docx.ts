/**
 * Renders the report draft (src/domain/report) as a .docx in 公文 style, GB/T 9704-2012: A4, 天头 37 mm,
 * 订口 28 mm (text area 156 × 225 mm, 22 lines), title 方正小标宋简体 二号, body
 * 仿宋_GB2312 三号, 一、 headings 黑体 and （一） headings 楷体_GB2312, page numbers "— 1 —" in 宋体 四号
 * outside the text area, right on odd pages and left on even ones.
 *
 * Word picks the font of Chinese text from w:eastAsia, so every run names its Chinese font there
 * (and hints eastAsia, so “” and ： are set in it too); digits and Latin letters in the body use Times
 * New Roman, as the provincial 公文 templates do. Where a font is not installed, the font table
 * (font-table.ts) names the next one to try (仿宋_GB2312 → 仿宋 → FangSong …); the layout stays.
 *
 * 主送机关 (when chosen) stands at the left under the title; the 落款 closes the text at the right:
 * 成文日期 four characters in from the right margin, 署名 centred above it.
 *
 * Node only (uses the docx package); depends on nothing but the pure report model.
 */
import { AlignmentType, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import type { ReportModel, ReportSignature } from '../../../src/domain/report';
import { xmlSafe } from '../../../src/domain/xml-safe';
import { withFontTable } from './font-table';

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Sizes in half-points, as w:sz writes them: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZES = { title: 44, body: 32, pageNumber: 28 } as const;

/** GB/T 9704 page: A4 and its margins, in millimetres. */
export const PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;

/**
 * Line pitch in twips: 22 lines fill the 225 mm text area at 28.95 pt (the 579 of the usual 公文
 * templates; 29 pt would push the 22nd line off the page).
 */
export const LINE_TWIPS = 579;

/** Millimetres to twips, rounded as Word writes A4 (11906 × 16838); docx's own helper floors. */
const twip = (mm: number): number => Math.round((mm * 1440) / 25.4);
const BODY_CHAR_TWIPS = SIZES.body * 10; // one 三号 character: 16 pt = 320 twips

/**
 * GB/T 9704's grid is 28 characters a line: the 156 mm text area (442.2 pt) holds 27 三号 characters
 * of 16 pt, so every run of the body and headings is condensed by 0.25 pt a character (w:spacing −5
 * twentieths of a point): 28 × 15.75 pt = 441 pt. A character grid (docGrid charSpace) would say the
 * same to Word, but LibreOffice reads it as a far wider pitch (about 19 a line).
 */
export const CHARS_PER_LINE = 28;
export const CHAR_SPACING = -5;

type Font = { ascii: string; hAnsi: string; eastAsia: string; cs: string; hint: string };
const font = (eastAsia: string, latin: string = eastAsia): Font => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' });

const exactLines = (twips = LINE_TWIPS) => ({ line: twips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
/** First line indented by two characters: in characters for Word, in twips for readers that ignore those. */
const twoCharIndent = { firstLineChars: 200, firstLine: 2 * BODY_CHAR_TWIPS };

function run(text: string, face: Font, size: number = SIZES.body): TextRun {
  const condensed = size === SIZES.body ? { characterSpacing: CHAR_SPACING } : {};
  return new TextRun({ text, font: face, size, sizeComplexScript: size, ...condensed });
}

interface Layout {
  /** Centred and not indented (the title); otherwise justified with the first line two characters in. */
  centred?: boolean;
  /** At the left margin, not indented (主送机关). */
  flush?: boolean;
  /** Set right, this many twips in from the right margin (落款). */
  right?: number;
  /** Stays on the page of the next paragraph (署名 with its date). */
  keepNext?: boolean;
  /** Headings stay on the page of the paragraph they head. */
  heading?: { outlineLevel: number };
  size?: number;
  lineTwips?: number;
}

function alignmentOf(layout: Layout) {
  if (layout.centred) return { alignment: AlignmentType.CENTER };
  if (layout.flush) return { alignment: AlignmentType.LEFT };
  if (layout.right !== undefined) return { alignment: AlignmentType.RIGHT, indent: { right: layout.right } };
  return { alignment: AlignmentType.BOTH, indent: twoCharIndent };
}

function para(text: string, face: Font, layout: Layout = {}): Paragraph {
  const options: IParagraphOptions = {
    ...alignmentOf(layout),
    spacing: exactLines(layout.lineTwips),
    ...(layout.heading ? { keepNext: true, outlineLevel: layout.heading.outlineLevel } : {}),
    ...(layout.keepNext ? { keepNext: true } : {}),
    children: [run(text, face, layout.size)],
  };
  return new Paragraph(options);
}

const bodyFont = font(FONTS.body, FONTS.latin);
const body = (text: string) => para(text, bodyFont);
const heading1 = (text: string) => para(text, font(FONTS.heading1), { heading: { outlineLevel: 0 } });
const heading2 = (text: string) => para(text, font(FONTS.heading2), { heading: { outlineLevel: 1 } });
const blankLine = () => new Paragraph({ spacing: exactLines(), children: [run('', bodyFont)] });
/** The title, in lines a little wider than the body's so a two-line title breathes. */
const title = (text: string) => para(text, font(FONTS.title), { centred: true, size: SIZES.title, lineTwips: 700 });

/** "— 1 —", one character in from the outer edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const face = font(FONTS.pageNumber);
  const size = SIZES.pageNumber;
  const oneChar = size * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: face, size, sizeComplexScript: size })],
      }),
    ],
  });
}

/** Width in characters of 三号 text: CJK one, digits and Latin letters (Times New Roman) about half. */
const charWidth = (text: string): number => [...text].reduce((w, c) => w + (/[\x00-\xff]/.test(c) ? 0.5 : 1), 0);

/**
 * The 落款 (GB/T 9704 7.3.5.2): a blank line, then 署名 centred over 成文日期, the date four characters
 * in from the right margin; without a date, 署名 stands there itself.
 */
function signatureLines(signature: ReportSignature): Paragraph[] {
  const pitch = BODY_CHAR_TWIPS + CHAR_SPACING;
  const dateRight = 4 * pitch;
  if (!signature.date) return [blankLine(), para(signature.signer, bodyFont, { right: dateRight })];
  const centring = ((charWidth(signature.date) - charWidth(signature.signer)) / 2) * pitch;
  return [
    blankLine(),
    para(signature.signer, bodyFont, { right: Math.max(0, Math.round(dateRight + centring)), keepNext: true }),
    para(signature.date, bodyFont, { right: dateRight }),
  ];
}

function content(model: ReportModel): Paragraph[] {
  const out: Paragraph[] = [title(model.title), blankLine()];
  if (model.addressee) out.push(para(model.addressee, bodyFont, { flush: true }));
  out.push(...model.opening.map(body));
  for (const section of model.sections) {
    out.push(heading1(section.heading), ...section.paragraphs.map(body));
    for (const sub of section.subsections ?? []) out.push(heading2(sub.heading), ...sub.paragraphs.map(body));
  }
  if (model.signature) out.push(...signatureLines(model.signature));
  return out;
}

export function reportDocument(report: ReportModel): Document {
  // Characters XML forbids would make Word refuse the file; text stored before input was cleaned may have them.
  const model = xmlSafe(report);
  return new Document({
    title: model.title,
    creator: '法治台账',
    description: '由法治台账根据本年度工作记录生成的报告初稿',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: bodyFont, size: SIZES.body, sizeComplexScript: SIZES.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exactLines() },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(PAGE_MM.width), height: twip(PAGE_MM.height) },
            margin: {
              top: twip(PAGE_MM.top),
              bottom: twip(PAGE_MM.bottom),
              left: twip(PAGE_MM.left),
              right: twip(PAGE_MM.right),
              header: twip(15),
              // The "— 1 —" line (about 5 mm high) sits 7 mm below the text area, as GB/T 9704 places it.
              footer: twip(PAGE_MM.bottom - 7 - 5),
              gutter: 0,
            },
          },
          // A line grid only; the 28 characters a line come from the runs' spacing (CHAR_SPACING).
          grid: { type: DocumentGridType.LINES, linePitch: LINE_TWIPS },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: content(model),
      },
    ],
  });
}

export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  return withFontTable(await Packer.toBuffer(reportDocument(model)));
}
