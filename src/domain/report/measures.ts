/**
 * Section 一 of the report, written from the figures in the sentences the township reports use
 * (shared/seeds, 白土乡's above all): "2023年，共受理各类矛盾纠纷221件，办结221件……". Every number goes
 * through formatFigure, so the 余 form and rate printing follow the one rule of INDICATORS.md; labels
 * come from the catalogue wherever the sentence reads them as they are.
 *
 * With 余 asked for, each figure follows the township's choice for it, or by default INDICATORS.md's:
 * quantities summed over records (份, 幅, 人次, 元: "发放宣传资料3000余份", "提供法律咨询服务500余人次" in
 * 白土乡's report) use it; counts of cases and events print exactly ("受理各类矛盾纠纷221件，办结221件",
 * "接访299次": 220余 and 220余 would hide that every case was closed) unless the township chooses 余
 * for them, as 陕州区's report does ("乡村两级共调解160余起"). Amounts print in 万元.
 *
 * A clause whose figure is missing is left out, and so is a count of 0 where "开展……0次" would only
 * read oddly; the few headline counts keep their 0, and rates always print (0% is a finding).
 */
import { FIGURE_BY_ID } from '../indicators/catalogue';
import { formatFigure } from '../indicators/format';
import { isRateUnit } from '../indicators/manual';
import { DISPUTE_TYPES, SIX_INTO_VENUES } from '../vocab';
import type { OrgLevel } from '../vocab';
import { areaWord, townshipMediatorLabel, unitWord } from './text';
import { usesYu, type CustomFigure, type PrintedFigure, type ReportOptions } from './types';

export interface MeasuresContext {
  orgName: string;
  orgLevel: OrgLevel;
  year: number;
  figures: Readonly<Record<string, number | null | undefined>>;
  options: ReportOptions;
  /** The township's own 其他指标 codes, with their label and unit. */
  customFigures: readonly CustomFigure[];
  /** The 法律六进 venues where events were held in the year (机关, 乡村 …). */
  sixIntoVenues: readonly string[];
}

/** One generated subsection before numbering; dropped when it has no sentence. */
export interface MeasureBlock {
  title: string;
  paragraphs: string[];
  figureIds: string[];
  printed: PrintedFigure[];
}

interface ClauseOptions {
  /** Words before the label: "开展", "共". */
  prefix?: string;
  /** The sentence's own wording where the catalogue label does not read in it. */
  label?: string;
  /** Print a 0 rather than leaving the clause out. */
  keepZero?: boolean;
}

/** Prints figures for one subsection and remembers which it printed. */
class Printer {
  readonly used: string[] = [];

  constructor(private readonly ctx: MeasuresContext) {}

  defOf(id: string): { label: string; unit: string } {
    const def = FIGURE_BY_ID.get(id) ?? this.ctx.customFigures.find((c) => c.id === id);
    if (!def) throw new Error(`report: unknown figure id ${id}`);
    return def;
  }

  /** The figure with its unit ("3046份", "3000余份", "96.8%"), or null when it is not to be printed. */
  print(id: string, keepZero = false): string | null {
    const def = this.defOf(id);
    const value = this.ctx.figures[id];
    if (value === null || value === undefined || !Number.isFinite(value)) return null;
    if (value === 0 && !keepZero && !isRateUnit(def.unit)) return null;
    if (!this.used.includes(id)) this.used.push(id);
    return formatFigure(value, def.unit, { yu: usesYu(this.ctx.options, id, def.unit), withUnit: true });
  }

  clause(id: string, options: ClauseOptions = {}): string | null {
    const printed = this.print(id, options.keepZero);
    if (printed === null) return null;
    const label = options.label ?? this.defOf(id).label;
    return `${options.prefix ?? ''}${label}${printed}`;
  }

  /** Every figure printed, with its unit and whether it printed with 余: what the console lets the township choose. */
  printed(): PrintedFigure[] {
    return this.used.map((id) => {
      const { label, unit } = this.defOf(id);
      return { id, label, unit, yu: usesYu(this.ctx.options, id, unit) };
    });
  }
}

const present = (clauses: readonly (string | null)[]): string[] => clauses.filter((c): c is string => c !== null);

/** Clauses joined by "，" into one sentence opened by `lead`; null when no clause is left. */
function sentence(lead: string, clauses: readonly (string | null)[]): string | null {
  const kept = present(clauses);
  return kept.length === 0 ? null : `${lead}${kept.join('，')}。`;
}

function block(title: string, printer: Printer, sentences: readonly (string | null)[]): MeasureBlock {
  const kept = present(sentences);
  return { title, paragraphs: kept.length === 0 ? [] : [kept.join('')], figureIds: printer.used, printed: printer.printed() };
}

/** "法治考试参考率和合格率均达100%", as 白土乡 writes it when both rates agree. */
function examClause(p: Printer): string | null {
  const attended = p.print('study.exam_participation_rate');
  const passed = p.print('study.exam_pass_rate');
  if (attended !== null && passed !== null) {
    return attended === passed ? `法治考试参考率和合格率均达${attended}` : `法治考试参考率${attended}，合格率${passed}`;
  }
  if (attended !== null) return `法治考试参考率${attended}`;
  if (passed !== null) return `法治考试合格率${passed}`;
  return null;
}

function study(ctx: MeasuresContext): MeasureBlock {
  const p = new Printer(ctx);
  return block('加强理论学习，提升法治思维', p, [
    sentence('全年', [
      p.clause('study.center_group', { prefix: '开展' }),
      p.clause('study.lecture', { prefix: '举办' }),
      p.clause('study.training', { prefix: '开展' }),
      p.clause('study.exam_participants', { prefix: '组织', label: '参加法治考试' }),
      examClause(p),
    ]),
  ]);
}

function roster(ctx: MeasuresContext): MeasureBlock {
  const p = new Printer(ctx);
  const area = areaWord(ctx.orgName, ctx.orgLevel);
  const counts = present([
    p.clause('roster.legal_understanding'),
    p.clause('roster.village_mediators'),
    p.clause('roster.township_mediators', { label: townshipMediatorLabel(ctx.orgName, ctx.orgLevel) }),
  ]);
  // "现全乡共有法律明白人20人，村级调解员14人……".
  const people = sentence(`现${area}共有`, counts);
  return block('健全法治队伍，夯实基层基础', p, [people, villagesSentence(ctx, p, area)]);
}

/**
 * "全乡共有行政村7个，一村一法律顾问、网格化管理实现全覆盖" (菜园乡's "实现34个行政村网格化建设全覆盖"):
 * the villages with the adviser and grid coverage; a coverage short of 100% prints as its rate.
 */
function villagesSentence(ctx: MeasuresContext, p: Printer, area: string): string | null {
  const villages = p.clause('org.villages', { label: unitWord(ctx.orgName, ctx.orgLevel) === '街道' ? '社区' : '行政村' });
  const coverages: [string, string, string][] = [
    ['roster.adviser_coverage', '一村一法律顾问', '一村（社区）一法律顾问覆盖率'],
    ['roster.grid_coverage', '网格化管理', '网格化管理覆盖率'],
  ];
  const full: string[] = [];
  const partial: string[] = [];
  for (const [id, name, rateLabel] of coverages) {
    const value = ctx.figures[id];
    if (value === 1) {
      p.print(id);
      full.push(name);
    } else {
      const clause = p.clause(id, { label: rateLabel });
      if (clause !== null) partial.push(clause);
    }
  }
  const clauses = [full.length > 0 ? `${full.join('、')}实现全覆盖` : null, ...partial];
  return villages === null ? sentence(area, clauses) : sentence(`${area}共有`, [villages, ...clauses]);
}

function outreach(ctx: MeasuresContext): MeasureBlock {
  const p = new Printer(ctx);
  const events = p.clause('outreach.events');
  const kinds = present([
    p.clause('outreach.market_day'),
    p.clause('outreach.courtyard'),
    p.clause('outreach.lecture'),
    p.clause('outreach.theme_day'),
    p.clause('outreach.home_visit'),
  ]);
  let head: string | null = null;
  if (events !== null) head = kinds.length > 0 ? `${events}，其中${kinds.join('、')}` : events;
  else if (kinds.length > 0) head = `开展${kinds.join('、')}`;
  return block('加大普法宣传，营造法治氛围', p, [
    sentence('全年', [head, p.clause('outreach.materials'), p.clause('outreach.banners'), p.clause('outreach.consultations'), p.clause('outreach.attendees')]),
    // The venues by name ("法律进机关、进乡村、进学校"): "覆盖场所2类" alone reads as self-criticism.
    // 法治进校园 counts a venue, not a kind of event, so it stands beside the 其中 list, not in it.
    sentence('', [sixIntoClause(ctx, p), p.clause('outreach.school', { prefix: '开展', label: '法治进校园活动' })]),
  ]);
}

/** "深入开展“法律六进”活动，法律进机关、进乡村、进学校", the venues in the vocabulary's order. */
function sixIntoClause(ctx: MeasuresContext, p: Printer): string | null {
  const venues = SIX_INTO_VENUES.filter((v) => ctx.sixIntoVenues.includes(v));
  if (venues.length === 0) return null;
  p.print('outreach.six_into_venues');
  return `深入开展“法律六进”活动，法律${venues.map((v) => `进${v}`).join('、')}`;
}

/** The township's own 其他指标 as "<名称><数值><单位>", in a closing sentence of the section. */
function customSentence(ctx: MeasuresContext, p: Printer, after: string | null): string | null {
  return sentence(
    after === null ? '全年' : '此外，',
    ctx.customFigures.map((c) => p.clause(c.id)),
  );
}

function enforcement(ctx: MeasuresContext): MeasureBlock {
  const p = new Printer(ctx);
  const catalogued = sentence('全年', [
    p.clause('enforcement.permits', { prefix: '办理' }),
    p.clause('enforcement.penalties', { prefix: '实施' }),
    p.clause('manual.responsibility_letters'),
    p.clause('manual.disclosure_coverage', { label: '政务公开覆盖面达' }),
  ]);
  return block('坚持依法行政，压实法治责任', p, [catalogued, customSentence(ctx, p, catalogued)]);
}

/** "婚姻家庭纠纷", "邻里纠纷" … as the report names the catalogue's dispute types. */
const disputeTypeLabel = (type: string): string => (type === '劳动争议' ? type : type === '其他' ? '其他纠纷' : `${type}纠纷`);

function mediation(ctx: MeasuresContext): MeasureBlock {
  const p = new Printer(ctx);
  const accepted = p.clause('mediation.accepted', { prefix: '共', keepZero: true });
  const byType = present(DISPUTE_TYPES.map((t) => p.clause(`mediation.by_type.${t}`, { label: disputeTypeLabel(t) })));
  return block('依法化解矛盾纠纷，维护社会和谐稳定', p, [
    sentence(`${ctx.year}年，`, [
      accepted,
      p.clause('mediation.closed', { keepZero: true, label: accepted === null ? '共办结各类矛盾纠纷' : undefined }),
      p.clause('mediation.succeeded'),
      p.clause('mediation.success_rate'),
      p.clause('mediation.amount'),
    ]),
    byType.length > 0 ? `受理的矛盾纠纷中，${byType.join('、')}。` : null,
  ]);
}

function petitions(ctx: MeasuresContext): MeasureBlock {
  const p = new Printer(ctx);
  // 白土乡's report (INDICATORS.md's example): "处理上访诉求5件，办理5件" — the 诉求 received and those
  // closed, two figures that happen to be equal there.
  return block('规范信访工作，依法回应群众诉求', p, [
    sentence('全年', [
      p.clause('petition.receptions', { prefix: '开展' }),
      p.clause('petition.received_people'),
      p.clause('petition.registered', { label: '处理村级信访录入事项' }),
      p.clause('petition.visits', { label: '处理上访诉求' }),
      p.clause('petition.visits_closed', { label: '办理' }),
      p.clause('petition.on_time_rate'),
    ]),
  ]);
}

/** The generated subsections of section 一, in report order, those without a sentence left out. */
export function measureBlocks(ctx: MeasuresContext): MeasureBlock[] {
  return [study, roster, outreach, enforcement, mediation, petitions].map((build) => build(ctx)).filter((b) => b.paragraphs.length > 0);
}
