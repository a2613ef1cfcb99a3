/**
 * The report .docx as a reader sees it: rendered from 白土乡's 2023 figures, converted to PDF by
 * LibreOffice and read back with pdftotext; and its XML checked for the GB/T 9704 page and the 公文
 * fonts and sizes. The PDF half needs the Debian packages libreoffice-writer-nogui and poppler-utils
 * (and a CJK font such as fonts-noto-cjk): without them it fails, it does not skip. The PDFs and PNGs
 * of every page of the exact draft are kept in test-artifacts/report/. The exact draft carries a
 * 主送机关 and a 落款, as a township that chose them would print it.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { buildReport } from '@/domain/report';
import { renderReportDocx } from '../../../cloudfunctions/lib/report/docx';
import { baituInput } from '../../unit/domain/report/baitu-2023';
import { FONT_TABLE } from '../../../cloudfunctions/lib/report/font-table';

const LETTER = { addressee: '中共重庆市黔江区委', signDate: '2026-12-01' };
/** A township's own paragraph of Chinese only, long enough to fill several lines. */
const SHORTCOMINGS =
  '一是普法宣传的形式还比较单一，群众参与的积极性有待进一步提高，部分村的法律明白人作用发挥不够充分，需要在今后的工作中持续加强培训和指导，切实提高基层干部群众的法治意识和依法办事的能力水平。';

const run = promisify(execFile);
const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts', 'report');
const INSTALL = 'apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils';
const CONVERT_TIMEOUT_MS = 120_000;

function requireTool(command: string, pkg: string): void {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(
      `${command} was not found: this test converts the report .docx to PDF with LibreOffice and reads it with poppler. ` +
        `Install the Debian package ${pkg} (${INSTALL}).`,
    );
  }
}

/** The PDF's text with every space and line break removed: pdftotext breaks lines mid-sentence. */
const pdfText = (pdf: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

const twips = (mm: number): number => (mm * 1440) / 25.4;

/** The attributes of the first `<tag …/>` in xml, as numbers or strings. */
function attrs(xml: string, tag: string): Record<string, string> {
  const m = new RegExp(`<${tag}\\b([^>]*)/?>`).exec(xml);
  if (!m) throw new Error(`no <${tag}> in the XML`);
  return Object.fromEntries([...m[1].matchAll(/(\w+:\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
}

const paragraphs = (xml: string): string[] => xml.match(/<w:p\b[^>]*>.*?<\/w:p>/gs) ?? [];
function paragraphWith(xml: string, text: string): string {
  const found = paragraphs(xml).find((p) => p.includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
}

describe('the report .docx of 白土乡 2023', () => {
  const work = mkdtempSync(join(tmpdir(), 'report-docx-'));
  const files = { exact: join(work, 'baitu-2023.docx'), yu: join(work, 'baitu-2023-yu.docx') };
  const pdfOf = (docx: string) => docx.replace(/\.docx$/, '.pdf');
  let docx: Buffer;

  beforeAll(async () => {
    docx = await renderReportDocx(buildReport(baituInput({ letter: LETTER, texts: { shortcomings: SHORTCOMINGS } })));
    writeFileSync(files.exact, docx);
    writeFileSync(files.yu, await renderReportDocx(buildReport(baituInput({ options: { yu: true } }))));
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe('converted to PDF by LibreOffice', () => {
    const profile = join(tmpdir(), `lo-profile-${randomUUID()}`);

    beforeAll(async () => {
      requireTool('soffice', 'libreoffice-writer-nogui');
      requireTool('pdftotext', 'poppler-utils');
      // A profile of its own, so runs in parallel (or a desktop LibreOffice) do not lock each other out.
      const { stdout, stderr } = await run(
        'soffice',
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, files.exact, files.yu],
        { timeout: CONVERT_TIMEOUT_MS },
      );
      for (const file of Object.values(files)) {
        if (!existsSync(pdfOf(file))) throw new Error(`LibreOffice wrote no PDF for ${file}:\n${stdout}\n${stderr}`);
      }
      mkdirSync(ARTIFACTS, { recursive: true });
      for (const file of Object.values(files)) {
        copyFileSync(file, join(ARTIFACTS, basename(file)));
        copyFileSync(pdfOf(file), join(ARTIFACTS, basename(pdfOf(file))));
      }
      execFileSync('pdftoppm', ['-png', '-r', '60', pdfOf(files.exact), join(ARTIFACTS, 'baitu-2023-page')]);
    }, CONVERT_TIMEOUT_MS + 30_000);

    afterAll(() => rmSync(profile, { recursive: true, force: true }));

    it('should read the figures of the real report', () => {
      const text = pdfText(pdfOf(files.exact));
      expect(text).toContain('白土乡2023年度法治政府建设情况报告');
      expect(text).toContain('共受理各类矛盾纠纷221件，办结221件');
      expect(text).toContain('现全乡共有法律明白人20人');
      expect(text).toContain('发放宣传资料3046份');
      expect(text).toContain('三、党政主要负责人履行推进法治建设第一责任人职责情况');
      expect(text).not.toContain('3000余份');
    });

    it('should print the 主送机关 under the title and the 落款 with the date in Chinese form at the end', () => {
      const text = pdfText(pdfOf(files.exact));
      expect(text).toMatch(/^白土乡2023年度法治政府建设情况报告中共重庆市黔江区委：2023年，白土乡/);
      expect(text).toMatch(/白土乡2026年12月1日(—\d+—)*$/);
      // The 落款 is set right: its words start in the right half of the A4 page (595 pt wide).
      const words = [
        ...execFileSync('pdftotext', ['-bbox', pdfOf(files.exact), '-'], { encoding: 'utf8' }).matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g),
      ];
      const xOf = (word: string) => Number(words.filter((w) => w[2] === word).at(-1)?.[1]);
      expect(xOf('2026')).toBeGreaterThan(595 / 2);
      expect(xOf('白土乡')).toBeGreaterThan(xOf('2026'));
    });

    it('should set 28 characters on a full line (GB/T 9704)', () => {
      const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfOf(files.exact), '-'], { encoding: 'utf8' }).split('\n');
      // Lines of Chinese characters only (digits are half width, which would blur the count).
      const chinese = lines.map((l) => l.trim()).filter((l) => l !== '' && [...l].every((c) => c.charCodeAt(0) > 0xff));
      const widest = Math.max(...chinese.map((l) => [...l].length));
      expect(widest).toBe(28);
    });

    it('should read 3000余份 when the 余 option is on', () => {
      const text = pdfText(pdfOf(files.yu));
      expect(text).toContain('3000余份');
      expect(text).toContain('共受理各类矛盾纠纷221件，办结221件');
    });

    it('should come out on A4 pages', () => {
      const info = execFileSync('pdfinfo', [pdfOf(files.exact)], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
    });
  });

  describe('its WordprocessingML', () => {
    let document: string;
    let footers: string[];
    let settings: string;
    let fontTable: string;

    beforeAll(async () => {
      const zip = await JSZip.loadAsync(docx);
      const read = async (name: string) => {
        const file = zip.file(name);
        if (!file) throw new Error(`no ${name} in the .docx`);
        return file.async('string');
      };
      document = await read('word/document.xml');
      settings = await read('word/settings.xml');
      fontTable = await read('word/fontTable.xml');
      footers = await Promise.all(zip.file(/^word\/footer\d*\.xml$/).map((f) => f.async('string')));
    });

    it('should lay out an A4 page with the margins of GB/T 9704', () => {
      const size = attrs(document, 'w:pgSz');
      const margin = attrs(document, 'w:pgMar');
      const near = (value: string, mm: number) => expect(Math.abs(Number(value) - twips(mm))).toBeLessThanOrEqual(1);
      near(size['w:w'], 210);
      near(size['w:h'], 297);
      near(margin['w:top'], 37);
      near(margin['w:bottom'], 35);
      near(margin['w:left'], 28);
      near(margin['w:right'], 26);
    });

    it('should set the title in 方正小标宋 二号, centred', () => {
      const title = paragraphs(document)[0];
      expect(title).toContain('白土乡2023年度法治政府建设情况报告');
      expect(attrs(title, 'w:rFonts')['w:eastAsia']).toMatch(/^方正小标宋/);
      expect(attrs(title, 'w:sz')['w:val']).toBe('44');
      expect(attrs(title, 'w:jc')['w:val']).toBe('center');
    });

    it('should set the body in 仿宋_GB2312 三号, fixed lines of 28–29 pt, first line two characters in', () => {
      const body = paragraphWith(document, '共受理各类矛盾纠纷221件');
      expect(attrs(body, 'w:rFonts')['w:eastAsia']).toBe('仿宋_GB2312');
      expect(attrs(body, 'w:sz')['w:val']).toBe('32');
      const spacing = attrs(body, 'w:spacing');
      expect(spacing['w:lineRule']).toBe('exact');
      expect(Number(spacing['w:line'])).toBeGreaterThanOrEqual(28 * 20);
      expect(Number(spacing['w:line'])).toBeLessThanOrEqual(29 * 20);
      expect(attrs(body, 'w:ind')['w:firstLineChars']).toBe('200');
    });

    it('should set 一、 headings in 黑体 and （一） headings in 楷体, both 三号', () => {
      const h1 = paragraphWith(document, '一、主要举措和成效');
      const h2 = paragraphWith(document, '（一）加强理论学习');
      expect(attrs(h1, 'w:rFonts')['w:eastAsia']).toBe('黑体');
      expect(attrs(h2, 'w:rFonts')['w:eastAsia']).toBe('楷体_GB2312');
      expect(attrs(h1, 'w:sz')['w:val']).toBe('32');
      expect(attrs(h2, 'w:sz')['w:val']).toBe('32');
    });

    it('should name a fallback for each 公文 font in the font table', () => {
      const altOf = (name: string) => new RegExp(`<w:font w:name="${name}"><w:altName w:val="([^"]+)"/>`).exec(fontTable)?.[1];
      const chain = (name: string): string[] => {
        const next = altOf(name);
        return next ? [name, ...chain(next)] : [name];
      };
      expect(chain('仿宋_GB2312')).toEqual(['仿宋_GB2312', '仿宋', 'FangSong']);
      expect(chain('方正小标宋简体')).toEqual(['方正小标宋简体', '华文中宋', '宋体', 'SimSun']);
      expect(chain('楷体_GB2312')).toEqual(['楷体_GB2312', '楷体', 'KaiTi']);
      expect(chain('黑体')).toEqual(['黑体', 'SimHei']);
      // Every font a run names is in the table, with the GB2312 charset for the Chinese ones.
      const named = new Set([...document.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]));
      for (const name of named) expect([name, fontTable.includes(`w:name="${name}"`)]).toEqual([name, true]);
      expect(fontTable).toMatch(/<w:font w:name="仿宋_GB2312">.*?<w:charset w:val="86"\/>/);
      expect(FONT_TABLE.length).toBeGreaterThan(8);
    });

    it('should set the 主送机关 at the left margin and the 落款 at the right', () => {
      const to = paragraphWith(document, '中共重庆市黔江区委：');
      expect(attrs(to, 'w:jc')['w:val']).toBe('left');
      expect(to).not.toContain('w:firstLineChars');
      const date = paragraphWith(document, '2026年12月1日');
      expect(attrs(date, 'w:jc')['w:val']).toBe('right');
      expect(Number(attrs(date, 'w:ind')['w:right'])).toBe(4 * (320 - 5));
      const signer = paragraphs(document).at(-2) ?? '';
      expect(signer).toContain('>白土乡<');
      expect(Number(attrs(signer, 'w:ind')['w:right'])).toBeGreaterThan(4 * (320 - 5));
    });

    it('should number the pages "— 1 —" in 宋体 四号, on odd and even pages', () => {
      expect(settings).toContain('w:evenAndOddHeaders');
      expect(footers).toHaveLength(2);
      for (const footer of footers) {
        expect(footer).toMatch(/PAGE/);
        expect(footer).toContain('— ');
        expect(attrs(footer, 'w:rFonts')['w:eastAsia']).toBe('宋体');
        expect(attrs(footer, 'w:sz')['w:val']).toBe('28');
      }
    });
  });
});
