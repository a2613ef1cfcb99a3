/**
 * What the commands print, as pure functions of their results: the import summary and problems, and
 * the figures as a table grouped like the catalogue. Kept apart so unit tests read them without a stack.
 */
import type { ImportReport } from '../../cloudfunctions/lib/ledger/import';
import type { LedgerProblem } from '../../src/domain/ledger/parse';
import { FIGURE_BY_ID, FIGURE_GROUPS, FIGURES, formatFigure, type FigureGroup, type Figures } from '../../src/domain/indicators';

/**
 * `普法活动 第5行 类型：…`. The domain's message already starts with the place (so that it reads on
 * its own elsewhere); here the place is printed in columns, so that prefix is dropped.
 */
export function problemLine(p: LedgerProblem): string {
  const prefix = p.column ? `${p.sheet}第${p.row}行「${p.column}」：` : `${p.sheet}第${p.row}行：`;
  const detail = p.message.startsWith(prefix) ? p.message.slice(prefix.length) : p.message;
  const where = p.row > 0 ? `${p.sheet} 第${p.row}行` : p.sheet;
  return p.column ? `${where} ${p.column}：${detail}` : `${where}：${detail}`;
}

export interface Printed {
  out: string[];
  err: string[];
}

export function importReportText(source: string, report: ImportReport): Printed {
  const out: string[] = [];
  const err: string[] = [];
  const mode = report.dryRun ? '（试导入，不写入）' : '';
  out.push(`导入 ${source}${mode}`);
  for (const s of report.sheets) out.push(`  ${s.sheet}：新增 ${s.added}，更新 ${s.updated}，未变 ${s.unchanged}`);
  if (report.sheets.length === 0) out.push('  没有可导入的表格');
  if (report.warnings.length) {
    out.push(`提示（${report.warnings.length} 条）：`);
    for (const w of report.warnings) out.push(`  ${problemLine(w)}`);
  }
  if (!report.ok) {
    err.push(`发现 ${report.problems.length} 个问题，没有写入任何数据：`);
    for (const p of report.problems) err.push(`  ${problemLine(p)}`);
  } else if (report.dryRun) {
    out.push('试导入没有发现问题；去掉 --dry-run 即可正式导入。');
  } else {
    out.push('导入完成。');
  }
  return { out, err };
}

export interface FigureLabel {
  label: string;
  unit: string;
}

/**
 * The figures as a readable table: one block per catalogue group, each line the report's label and
 * the value with its unit. `extra` labels the township's own 其他指标 codes.
 */
export function figuresTable(title: string, figures: Figures, extra: ReadonlyMap<string, FigureLabel> = new Map(), note?: string): string[] {
  const lines = [title];
  if (note) lines.push(note);
  const byGroup = new Map<FigureGroup, Array<{ label: string; text: string }>>();
  const add = (group: FigureGroup, label: string, value: number | null | undefined, unit: string) => {
    const list = byGroup.get(group) ?? [];
    list.push({ label, text: formatFigure(value, unit, { withUnit: true }) });
    byGroup.set(group, list);
  };
  for (const f of FIGURES) if (f.id in figures) add(f.group, f.id.startsWith('mediation.by_type.') ? `其中${f.label}纠纷` : f.label, figures[f.id], f.unit);
  for (const [id, value] of Object.entries(figures)) {
    if (FIGURE_BY_ID.has(id)) continue;
    const info = extra.get(id);
    add('其他指标', info?.label ?? id, value, info?.unit ?? '');
  }
  for (const group of FIGURE_GROUPS) {
    const list = byGroup.get(group);
    if (!list?.length) continue;
    lines.push(`【${group}】`);
    const width = Math.max(...list.map((l) => textWidth(l.label)));
    for (const l of list) lines.push(`  ${l.label}${'　'.repeat(Math.ceil((width - textWidth(l.label)) / 2))}  ${l.text}`);
  }
  return lines;
}

/** Terminal columns: CJK characters take two. */
function textWidth(text: string): number {
  return text.length + (text.match(/[^\x00-\xff]/g)?.length ?? 0);
}
