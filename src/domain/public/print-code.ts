/**
 * The print-ready picture of a village's mini-program code: the code on white with the village's
 * name, its township and one line saying what scanning does, drawn under it. Composed on the phone or
 * in the browser (a canvas), because the cloud functions have no Chinese font; this file only decides
 * where everything goes, so the drawing code stays a list of plain canvas calls.
 */

/** One line of text: drawn centred at `centerX`, `baseline` its alphabetic baseline. */
export interface PrintLine {
  text: string;
  fontSize: number;
  bold: boolean;
  color: string;
  centerX: number;
  baseline: number;
}

export interface PrintLayout {
  width: number;
  height: number;
  code: { x: number; y: number; size: number };
  lines: PrintLine[];
}

/** How wide `text` is at `fontSize` px (bold or not): the canvas's measureText, or a stand-in in tests. */
export type MeasureText = (text: string, fontSize: number, bold: boolean) => number;

/** What the picture says under the code. */
export interface PrintText {
  village: string;
  township: string;
}

/** The line every picture ends with: what a resident gets by scanning. */
export const PRINT_HINT = '微信扫码，找本村法律顾问、调解员';

/** At least this wide: about 8.5 cm at 300 dpi, the size of a notice on a village board. */
export const MIN_PRINT_WIDTH = 1000;

/** The code is drawn between these sizes (px); WeChat makes it 280–1280 px wide, ours 860. */
const MIN_CODE = 600;
const MAX_CODE = 1000;

/** A village name longer than this many lines is cut with an ellipsis (no name in the country is). */
const MAX_NAME_LINES = 3;

/** The colours: black for the name, greys for the rest; the code keeps its own. */
export const PRINT_COLORS = { background: '#ffffff', name: '#000000', township: '#333333', hint: '#555555' } as const;

/** The font list for Chinese on every platform the app runs on (phones, PC WeChat, browsers). */
export const PRINT_FONT_FAMILY = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** The canvas font string of a line. */
export function printFont(line: Pick<PrintLine, 'fontSize' | 'bold'>): string {
  return `${line.bold ? 'bold ' : ''}${line.fontSize}px ${PRINT_FONT_FAMILY}`;
}

/**
 * Where the code and each line go. `codePixels`: the code image's width as WeChat made it; it is
 * drawn at that size when it can be (a QR code scaled by an odd factor gets uneven modules).
 */
export function printLayout(text: PrintText, codePixels: number, measure: MeasureText): PrintLayout {
  const codeSize = Math.round(Math.min(MAX_CODE, Math.max(MIN_CODE, codePixels)));
  const side = Math.round(codeSize * 0.1);
  const width = Math.max(MIN_PRINT_WIDTH, codeSize + 2 * side);
  const textWidth = width - 2 * side;
  const code = { x: Math.round((width - codeSize) / 2), y: side, size: codeSize };

  const nameSize = Math.round(width * 0.085);
  const townshipSize = Math.round(width * 0.05);
  const hintSize = Math.round(width * 0.04);
  const blocks: Omit<PrintLine, 'centerX' | 'baseline'>[] = [
    ...wrapText(text.village.trim(), textWidth, (t) => measure(t, nameSize, true), MAX_NAME_LINES).map((t) => ({
      text: t,
      fontSize: nameSize,
      bold: true,
      color: PRINT_COLORS.name,
    })),
    ...wrapText(text.township.trim(), textWidth, (t) => measure(t, townshipSize, false), 1).map((t) => ({
      text: t,
      fontSize: townshipSize,
      bold: false,
      color: PRINT_COLORS.township,
    })),
    ...wrapText(PRINT_HINT, textWidth, (t) => measure(t, hintSize, false), 2).map((t) => ({
      text: t,
      fontSize: hintSize,
      bold: false,
      color: PRINT_COLORS.hint,
    })),
  ];

  // Each line takes 1.4 times its size; the code image brings its own white border above the first.
  let y = code.y + codeSize;
  const lines = blocks.map((block) => {
    const lineHeight = Math.round(block.fontSize * 1.4);
    const baseline = y + Math.round(block.fontSize * 1.1);
    y += lineHeight;
    return { ...block, centerX: Math.round(width / 2), baseline };
  });
  return { width, height: y + side, code, lines };
}

/**
 * Splits `text` into lines no wider than `maxWidth`, at spaces where it has any and otherwise between
 * characters (Chinese has no spaces); at most `maxLines`, the last one cut with "…" when more remains.
 */
export function wrapText(text: string, maxWidth: number, width: (text: string) => number, maxLines: number): string[] {
  if (text === '') return [];
  const units = /\s/.test(text) ? text.split(/(\s+)/).filter((u) => u !== '') : Array.from(text);
  const lines: string[] = [];
  let current = '';
  for (const unit of units) {
    const next = current + unit;
    if (current !== '' && width(next.trimEnd()) > maxWidth) {
      lines.push(current.trimEnd());
      current = unit.trimStart();
    } else {
      current = next;
    }
  }
  if (current.trim() !== '') lines.push(current.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last.length > 0 && width(`${last}…`) > maxWidth) last = Array.from(last).slice(0, -1).join('');
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** The file a print picture is saved as: `白土乡-沙坝村-村二维码.png`. */
export function printFileName(text: PrintText): string {
  const safe = (s: string) => s.trim().replace(/[\\/:*?"<>|\s]+/g, '');
  return [safe(text.township), safe(text.village), '村二维码'].filter((s) => s !== '').join('-') + '.png';
}
