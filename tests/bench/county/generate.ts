/**
 * A synthetic county for `npm run bench`: 20 townships × 15 villages × 5 years of records, made from a
 * real township's ledger (白土乡 2023, tests/fixtures/baitu-2023) so the mix of kinds, types, states,
 * dates and numbers is a real one. Each township-year gets its share of the total, taken round-robin
 * from the ledger's dated records: copy r of a record moves to the year, to a village of the
 * township, and a few days later (by r) so the copies do not pile on the same dates.
 *
 * Growing the county from one size to a bigger one only adds records (copies numbered from where the
 * smaller size stopped), so one run can measure 100 000 records and then 1 000 000 in the same store.
 * Pure except `readTemplate` (reads the fixture); writing is in write.ts.
 */
import { parseLedger, type LedgerSheet } from '../../../src/domain/ledger/ledger';
import type { LedgerDoc } from '../../../src/domain/ledger/parse';
import { addDays } from '../../../src/domain/dates';
import { manualFigureId } from '../../../src/domain/records/manualFigure';
import { PERIODS } from '../../../src/domain/records/periods';
import { BAITU_2023, readCsvFolder } from '../../../scripts/ledger-files';

export const COUNTY = '500114';
/** Not 500114213: the real 白土乡 stays free, so the bench can import its ledger into the full store. */
export const townshipCode = (t: number): string => `${COUNTY}${300 + t}`;
export const villageCode = (t: number, v: number): string => `${townshipCode(t)}${200 + v}`;

export interface CountyShape {
  townships: number;
  villages: number;
  years: readonly number[];
}

export const COUNTY_SHAPE: CountyShape = { townships: 20, villages: 15, years: [2021, 2022, 2023, 2024, 2025] };

/** The people the bench signs in as (dev identity): all in township 1, its village 1 for the worker. */
export const BENCH_PEOPLE = {
  admin: 'o-bench-admin',
  county: 'o-bench-county',
  worker: 'o-bench-worker',
} as const;

/** The date that places a record in its year, per dated collection: the kind registry's own. */
const MAIN_DATE: Record<string, string> = Object.fromEntries(
  Object.entries(PERIODS).flatMap(([collection, period]) => (period ? [[collection, period.date]] : [])),
);
export const DATED_COLLECTIONS = Object.keys(MAIN_DATE);

const LEDGER_YEAR = 2023;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Template {
  township: string;
  /** The ledger's villages, in code order. */
  villages: string[];
  /** The dated records of every kind, interleaved as a ledger's year is (by date). */
  records: Array<{ collection: string; doc: LedgerDoc }>;
  people: LedgerDoc[];
  manualFigures: LedgerDoc[];
}

export function readTemplate(): Template {
  const parsed = parseLedger(readCsvFolder(BAITU_2023), new Map());
  if (parsed.problems.length) throw new Error(`template ledger has problems: ${JSON.stringify(parsed.problems[0])}`);
  const orgs = parsed.records.orgs ?? [];
  const township = String(orgs.find((o) => o.level === '乡镇')?._id);
  const records = DATED_COLLECTIONS.flatMap((collection) =>
    (parsed.records[collection as keyof typeof parsed.records] ?? []).map((doc) => ({ collection, doc })),
  );
  records.sort((a, b) => String(a.doc[MAIN_DATE[a.collection]]).localeCompare(String(b.doc[MAIN_DATE[b.collection]])));
  return {
    township,
    villages: orgs
      .filter((o) => o.level === '村')
      .map((o) => String(o._id))
      .sort(),
    records,
    people: parsed.records.people ?? [],
    manualFigures: parsed.records.manual_figures ?? [],
  };
}

/** How many records township-year `slot` holds when the county holds `total` (the shares differ by at most one). */
export function slotQuota(total: number, slot: number, slots: number): number {
  return Math.floor(total / slots) + (slot < total % slots ? 1 : 0);
}

export interface Unit {
  _id: string;
  code: string;
  name: string;
  level: '县' | '乡镇' | '村';
  parentCode: string | null;
  path: string[];
}

export function countyUnits(shape: CountyShape = COUNTY_SHAPE): Unit[] {
  const units: Unit[] = [{ _id: COUNTY, code: COUNTY, name: '黔江区', level: '县', parentCode: null, path: [COUNTY] }];
  for (let t = 1; t <= shape.townships; t += 1) {
    const township = townshipCode(t);
    units.push({ _id: township, code: township, name: `基准${t}乡`, level: '乡镇', parentCode: COUNTY, path: [COUNTY, township] });
    for (let v = 1; v <= shape.villages; v += 1) {
      const village = villageCode(t, v);
      units.push({ _id: village, code: village, name: `${t}乡${v}村`, level: '村', parentCode: township, path: [COUNTY, township, village] });
    }
  }
  return units;
}

/**
 * Where a template record's unit goes in township t: the township itself, or one of its villages —
 * the template's village moved on by `spread`, so that every village gets records at any size.
 */
function placeOf(template: Template, shape: CountyShape, orgCode: string, t: number, spread: number): { orgCode: string; orgPath: string[] } {
  const township = townshipCode(t);
  const j = template.villages.indexOf(orgCode);
  if (j < 0) return { orgCode: township, orgPath: [COUNTY, township] };
  const village = villageCode(t, ((j + spread + t) % shape.villages) + 1);
  return { orgCode: village, orgPath: [COUNTY, township, village] };
}

/** The same day `years` later (29 February becomes the 28th: the target year may have none). */
function shiftYear(date: string, years: number): string {
  const [y, m, d] = date.split('-');
  return `${Number(y) + years}-${m}-${m === '02' && d === '29' ? '28' : d}`;
}

// A million records move a few hundred dates by a few hundred amounts: remember the answers.
const moved = new Map<string, string>();
function moveDate(date: string, years: number, days: number): string {
  const key = `${date}|${years}|${days}`;
  let out = moved.get(key);
  if (out === undefined) moved.set(key, (out = addDays(shiftYear(date, years), days)));
  return out;
}

/** Every date of the record moved by `years` and then `days`; other values as they are. */
function moveDates(doc: LedgerDoc, years: number, days: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) out[key] = typeof value === 'string' && ISO_DATE.test(value) ? moveDate(value, years, days) : value;
  return out;
}

/**
 * Record `i` of township t's year: the template record i mod n, copy r = i div n, moved into the
 * year (a few days on, within the year), into its unit. About one in 200 is deleted (in the bin), and
 * cases still running at the end of the county's last year are open, as they would be.
 */
export function countyRecord(template: Template, shape: CountyShape, t: number, year: number, i: number): { collection: string; doc: Record<string, unknown> } {
  const { collection, doc } = template.records[i % template.records.length];
  const r = Math.floor(i / template.records.length);
  const years = year - LEDGER_YEAR;
  const movedMain = shiftYear(String(doc[MAIN_DATE[collection]]), years);
  // A few days on, but never out of the record's year.
  let days = (r * 3 + t) % 23;
  if (moveDate(movedMain, 0, days).slice(0, 4) !== movedMain.slice(0, 4)) days = -days;
  const moved = moveDates(doc, years, days);
  const asOf = `${shape.years[shape.years.length - 1]}-12-31`;
  if (typeof moved.closeDate === 'string' && moved.closeDate > asOf) {
    delete moved.closeDate;
    delete moved.amount;
    moved.state = collection === 'petitions' ? '办理中' : '调解中';
  }
  const place = placeOf(template, shape, String(doc.orgCode), t, i);
  const mainDate = String(moved[MAIN_DATE[collection]]);
  const stamp = `${moveDate(mainDate, 0, r % 3)}T0${r % 10}:30:00.000Z`;
  return {
    collection,
    doc: {
      ...moved,
      _id: `${String(doc._id)}-${t}-${year}-${r}`,
      ...place,
      recordedBy: `bench-${place.orgCode}`,
      recorderName: typeof doc.recorderName === 'string' ? doc.recorderName : '基准录入员',
      recordedAt: stamp,
      updatedAt: stamp,
      version: 1,
      deleted: (i * 7919 + t) % 200 === 0,
    },
  };
}

/**
 * The records a county of `to` records has beyond one of `from` (0: all of them), interleaved as they
 * would have been entered: year by year, each township's next few records in turn.
 */
export function* countyRecords(
  template: Template,
  to: number,
  from = 0,
  shape: CountyShape = COUNTY_SHAPE,
): Generator<{ collection: string; doc: Record<string, unknown> }> {
  const slots = shape.townships * shape.years.length;
  const STEP = 50;
  for (const [y, year] of shape.years.entries()) {
    const ranges = Array.from({ length: shape.townships }, (_, k) => {
      const slot = y * shape.townships + k;
      return { t: k + 1, next: slotQuota(from, slot, slots), end: slotQuota(to, slot, slots) };
    });
    for (let more = true; more;) {
      more = false;
      for (const range of ranges) {
        const stop = Math.min(range.end, range.next + STEP);
        for (; range.next < stop; range.next += 1) yield countyRecord(template, shape, range.t, year, range.next);
        if (range.next < range.end) more = true;
      }
    }
  }
}

/** Each township's roster: the template's people, in its villages as the records are (three copies of the villages' people). */
export function countyPeople(template: Template, shape: CountyShape = COUNTY_SHAPE): Record<string, unknown>[] {
  const people: Record<string, unknown>[] = [];
  for (let t = 1; t <= shape.townships; t += 1) {
    for (let r = 0; r < 3; r += 1) {
      for (const person of template.people) {
        const atVillage = template.villages.includes(String(person.orgCode));
        if (!atVillage && r > 0) continue;
        const place = placeOf(template, shape, String(person.orgCode), t, template.villages.length * r);
        people.push({ ...person, _id: `${String(person._id)}-${t}-${r}`, ...place, orgLevel: atVillage ? '村' : '乡镇' });
      }
    }
  }
  const village = villageCode(1, 1);
  people.push({
    _id: 'BENCH-FLMBR',
    name: '基准明白人',
    role: '法律明白人',
    startDate: '2021-01-01',
    orgCode: village,
    orgPath: [COUNTY, townshipCode(1), village],
    orgLevel: '村',
  });
  return people;
}

/** The template township's 其他指标 for every township and year. */
export function countyManualFigures(template: Template, shape: CountyShape = COUNTY_SHAPE): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let t = 1; t <= shape.townships; t += 1) {
    for (const year of shape.years) {
      for (const figure of template.manualFigures) {
        const orgCode = townshipCode(t);
        const code = String(figure.code);
        out.push({ ...figure, _id: manualFigureId({ orgCode, year, code }), orgCode, orgPath: [COUNTY, orgCode], year });
      }
    }
  }
  return out;
}

export function benchAccounts(): Record<string, unknown>[] {
  return [
    { _id: BENCH_PEOPLE.admin, name: '基准乡管理员', role: '乡镇管理员', orgCode: townshipCode(1) },
    { _id: BENCH_PEOPLE.county, name: '基准县查看员', role: '县级查看', orgCode: COUNTY },
    { _id: BENCH_PEOPLE.worker, name: '基准明白人', role: '法律明白人', orgCode: villageCode(1, 1), personId: 'BENCH-FLMBR' },
  ];
}

/** Sheets whose first column is not a record's 编号: kept once in a larger ledger. */
const ONCE = new Set(['组织机构', '其他指标']);

/**
 * The template township's ledger `copies` times over: each record sheet's rows repeated, copy c > 1
 * with 编号 `<编号>-C<c>`; units and 其他指标 once. What the bench imports into the full store (the
 * township is not in the county, so every row is new).
 */
export function largeLedger(sheets: readonly LedgerSheet[], copies: number): LedgerSheet[] {
  return sheets.map((sheet) => {
    if (ONCE.has(sheet.name)) return sheet;
    const [header, ...rows] = sheet.rows;
    const out = [header];
    for (let c = 1; c <= copies; c += 1) for (const row of rows) out.push(c === 1 ? row : [`${String(row[0])}-C${c}`, ...row.slice(1)]);
    return { name: sheet.name, rows: out };
  });
}
