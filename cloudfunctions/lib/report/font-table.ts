/**
 * The .docx font table (word/fontTable.xml) of the report. The docx package writes it empty (it only
 * fills it for embedded fonts), and then Word on a PC without 仿宋_GB2312 — a stock Windows has 仿宋 —
 * falls back to its default font. Each entry names the font's Chinese charset (GB2312, 86), family and
 * pitch, and w:altName the next font to try, in chains: 仿宋_GB2312 → 仿宋 → FangSong, 方正小标宋简体 →
 * 华文中宋 → 宋体 → SimSun, 楷体_GB2312 → 楷体 → KaiTi, 黑体 → SimHei.
 */
import JSZip from 'jszip';

export interface FontEntry {
  name: string;
  /** The font to use when this one is not installed. */
  altName?: string;
  family: 'roman' | 'modern' | 'swiss' | 'script' | 'auto';
  pitch: 'fixed' | 'variable';
  /** Windows charset: 86 is GB2312 (Simplified Chinese), 00 ANSI. */
  charset: '86' | '00';
}

const cjk = (name: string, altName: string, family: FontEntry['family'] = 'modern'): FontEntry => ({ name, altName, family, pitch: 'fixed', charset: '86' });

export const FONT_TABLE: readonly FontEntry[] = [
  cjk('仿宋_GB2312', '仿宋'),
  cjk('仿宋', 'FangSong'),
  cjk('方正小标宋简体', '华文中宋', 'auto'),
  cjk('华文中宋', '宋体', 'auto'),
  cjk('宋体', 'SimSun', 'auto'),
  cjk('楷体_GB2312', '楷体'),
  cjk('楷体', 'KaiTi'),
  cjk('黑体', 'SimHei'),
  { name: 'Times New Roman', family: 'roman', pitch: 'variable', charset: '00' },
];

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function fontTableXml(fonts: readonly FontEntry[] = FONT_TABLE): string {
  const entries = fonts.map(
    (f) =>
      `<w:font w:name="${escape(f.name)}">${f.altName ? `<w:altName w:val="${escape(f.altName)}"/>` : ''}` +
      `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${entries.join('')}</w:fonts>`
  );
}

/** The .docx with its font table replaced by ours; every other part stays as the docx package wrote it. */
export async function withFontTable(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  if (!zip.file('word/fontTable.xml')) throw new Error('the .docx has no word/fontTable.xml to fill');
  zip.file('word/fontTable.xml', fontTableXml());
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
