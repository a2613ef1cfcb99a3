import { MIN_PRINT_WIDTH, PRINT_HINT, printFileName, printFont, printLayout, wrapText } from '../../../src/domain/public/print-code';

/** A stand-in for a canvas's measureText: a Chinese character is as wide as the font is high. */
const measure = (text: string, fontSize: number) => Array.from(text).reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.55), 0) * fontSize;

describe('the print picture of a village code', () => {
  const layout = printLayout({ village: '沙坝村', township: '白土乡' }, 860, measure);

  it('is wide enough to print and keeps the code at the size WeChat made it, centred', () => {
    expect(layout.width).toBeGreaterThanOrEqual(MIN_PRINT_WIDTH);
    expect(layout.code.size).toBe(860);
    expect(layout.code.x * 2 + layout.code.size).toBe(layout.width);
    expect(layout.code.y).toBeGreaterThan(0);
  });

  it('writes the village, then the township, then what scanning does, under the code and inside the picture', () => {
    expect(layout.lines.map((l) => l.text)).toEqual(['沙坝村', '白土乡', PRINT_HINT]);
    expect(layout.lines[0].bold).toBe(true);
    expect(layout.lines[0].fontSize).toBeGreaterThan(layout.lines[1].fontSize);
    let above = layout.code.y + layout.code.size;
    for (const line of layout.lines) {
      // The top of the letters is below what is above: nothing overlaps the code or the line before.
      expect(line.baseline - line.fontSize).toBeGreaterThanOrEqual(above);
      expect(line.centerX).toBe(layout.width / 2);
      expect(measure(line.text, line.fontSize)).toBeLessThanOrEqual(layout.width - 2 * layout.code.y);
      above = line.baseline;
    }
  });

  it('is taller than it is wide, with a margin under the last line as around the code', () => {
    expect(layout.height).toBeGreaterThan(layout.width);
    expect(layout.height - layout.lines[layout.lines.length - 1].baseline).toBeGreaterThanOrEqual(layout.code.y);
  });

  it('wraps a long village name over lines of the printed width, and cuts one that would not fit in three', () => {
    const long = printLayout({ village: '黄家坝社区居民委员会第二居民小组', township: '白土乡' }, 860, measure);
    const nameLines = long.lines.filter((l) => l.bold);
    expect(nameLines.length).toBe(2);
    expect(nameLines.map((l) => l.text).join('')).toBe('黄家坝社区居民委员会第二居民小组');
    for (const l of nameLines) expect(measure(l.text, l.fontSize)).toBeLessThanOrEqual(long.width - 2 * long.code.y);
    expect(long.height).toBeGreaterThan(layout.height);

    const endless = printLayout({ village: '村'.repeat(60), township: '白土乡' }, 860, measure);
    const cut = endless.lines.filter((l) => l.bold);
    expect(cut.length).toBe(3);
    expect(cut[2].text.endsWith('…')).toBe(true);
    expect(measure(cut[2].text, cut[2].fontSize)).toBeLessThanOrEqual(endless.width - 2 * endless.code.y);
  });

  it('draws a small code larger and a huge one smaller, never under the print width', () => {
    expect(printLayout({ village: '沙坝村', township: '白土乡' }, 280, measure).code.size).toBe(600);
    const big = printLayout({ village: '沙坝村', township: '白土乡' }, 1280, measure);
    expect(big.code.size).toBe(1000);
    expect(big.width).toBe(1200);
    expect(printLayout({ village: '沙坝村', township: '白土乡' }, 280, measure).width).toBe(MIN_PRINT_WIDTH);
  });

  it('leaves out an empty township instead of drawing an empty line', () => {
    expect(printLayout({ village: '沙坝村', township: ' ' }, 860, measure).lines.map((l) => l.text)).toEqual(['沙坝村', PRINT_HINT]);
  });

  it('names the font and the file', () => {
    expect(printFont({ fontSize: 90, bold: true })).toMatch(/^bold 90px .*sans-serif$/);
    expect(printFileName({ village: '沙坝村', township: '白土乡' })).toBe('白土乡-沙坝村-村二维码.png');
    expect(printFileName({ village: '沙坝/村 ', township: '' })).toBe('沙坝村-村二维码.png');
  });
});

describe('wrapText', () => {
  const chars = (t: string) => Array.from(t).length;
  it('breaks Chinese between characters and words at spaces', () => {
    expect(wrapText('一二三四五六七', 3, chars, 5)).toEqual(['一二三', '四五六', '七']);
    expect(wrapText('ab cd ef', 5, chars, 5)).toEqual(['ab cd', 'ef']);
    expect(wrapText('', 5, chars, 5)).toEqual([]);
  });
});
