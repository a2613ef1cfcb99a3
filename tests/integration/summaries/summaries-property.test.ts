/**
 * Summaries equal the pipelines: a random history of record writes — creates, edits that move dates,
 * states, types and units, deletes, restores, removals, review decisions and imports of many rows at
 * once — each applied with its change handed to the record store's hook in the write's transaction;
 * then the figures read from summaries must equal the figures the catalogue's pipelines aggregate from
 * the records (the oracle), for every unit, several periods (whole years, a quarter, a month, ranges
 * with part-months) and every records mode, and `check` must find nothing to repair. Counties and
 * townships are read from township roll-ups kept in the same writes; the console's slices of one read
 * (by child unit, own records, month; a few figures' counters) must give the same figures too.
 *
 * Seeded: SUMMARY_SEED=<n> replays a run; a failure names its seed.
 */
import { localStack, type LocalStack } from '../ledger/stack';
import type { Database } from '../../../cloudfunctions/lib/cloudbase';
import { inTransaction } from '../../../cloudfunctions/lib/cloudbase';
import { updateDerived, type RecordChange } from '../../../cloudfunctions/lib/store/derived';
import { figureRows, rowsFromRecords, type FigureOptions } from '../../../cloudfunctions/lib/figures/compute';
import { checkSummaries, rebuildSummaries } from '../../../cloudfunctions/lib/summaries/rebuild';
import { SUMMARIES } from '../../../cloudfunctions/lib/summaries/store';
import { inScope, periodCounts, periodParts, rowsOfCounts } from '../../../cloudfunctions/lib/summaries/figures';
import { reviewTownships } from '../../../cloudfunctions/lib/supervision/settings';
import { splitPeriod, type MonthCounts } from '../../../src/domain/summaries';
import { CHART_FIGURES } from '../../../src/domain/console/series';
import { assemble } from '../../../src/domain/indicators';
import { pendingByFigure } from '../../../src/domain/supervision/pending';
import { mustParsePeriod, type Period } from '../../../src/domain/period';
import { KINDS, type RecordKind } from '../../../src/domain/records/kinds';
import { DISPUTE_STATES, DISPUTE_TYPES, OUTREACH_TYPES, OUTREACH_VENUES, PETITION_CHANNELS, PETITION_STATES, STUDY_TYPES } from '../../../src/domain/vocab';

const SEED = Number(process.env.SUMMARY_SEED ?? Date.now() % 1_000_000);
const STEPS = 80;

/** mulberry32: small, fast and good enough to pick test data. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const maybe = <T>(p: number, value: () => T): T | undefined => (next() < p ? value() : undefined);
  return { next, int, pick, maybe };
}
const R = rng(SEED);

const COUNTY = 'P1';
const REVIEWING = 'P1T1';
const OTHER = 'P1T2';
const UNITS = [
  { code: COUNTY, level: '县', parentCode: null, path: [COUNTY] },
  { code: REVIEWING, level: '乡镇', parentCode: COUNTY, path: [COUNTY, REVIEWING] },
  { code: OTHER, level: '乡镇', parentCode: COUNTY, path: [COUNTY, OTHER] },
  { code: 'P1T1V1', level: '村', parentCode: REVIEWING, path: [COUNTY, REVIEWING, 'P1T1V1'] },
  { code: 'P1T1V2', level: '村', parentCode: REVIEWING, path: [COUNTY, REVIEWING, 'P1T1V2'] },
  { code: 'P1T2V1', level: '村', parentCode: OTHER, path: [COUNTY, OTHER, 'P1T2V1'] },
];
const RECORDING_UNITS = UNITS.filter((u) => u.level !== '县');

const KINDS_SUMMARISED: RecordKind[] = ['outreach', 'consultation', 'dispute', 'petition', 'reception', 'study'];
type Doc = Record<string, unknown> & { _id: string };

/** A day of 2023–2024, now and then the last or first of a month (the edges of periods). */
function day(): string {
  const y = R.pick([2023, 2024]);
  const m = 1 + R.int(12);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = R.pick([1, last, 1 + R.int(last)]);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
const count = () => R.int(50);
const money = () => R.int(100000) / 100;

/** The kind's own fields, random within the vocabularies (and now and then missing or odd). */
function fieldsOf(kind: RecordKind): Record<string, unknown> {
  switch (kind) {
    case 'outreach':
      return {
        date: day(),
        type: R.pick(OUTREACH_TYPES),
        venue: R.maybe(0.9, () => R.pick(OUTREACH_VENUES)),
        status: R.maybe(0.4, () => R.pick(['已举办', '计划'])),
        attendees: count(),
        materials: R.maybe(0.8, count),
        banners: count(),
        consultations: count(),
      };
    case 'consultation':
      return { date: day(), people: count() };
    case 'dispute': {
      const state = R.pick(DISPUTE_STATES);
      return { acceptDate: day(), state, disputeType: R.pick(DISPUTE_TYPES), closeDate: R.maybe(0.7, day), amount: R.maybe(0.7, money) };
    }
    case 'petition':
      return {
        registerDate: day(),
        state: R.pick(PETITION_STATES),
        channel: R.pick(PETITION_CHANNELS),
        closeDate: R.maybe(0.7, day),
        dueDate: R.maybe(0.8, day),
      };
    case 'reception':
      return { date: day(), people: count() };
    default:
      return { date: day(), type: R.pick(STUDY_TYPES), expected: count() + 10, attended: count(), passed: R.int(30) };
  }
}

const reviewState = () => R.maybe(0.5, () => R.pick(['待审核', '已通过', '退回']));

function newRecord(kind: RecordKind, n: number): Doc {
  const unit = R.pick(RECORDING_UNITS);
  const doc: Doc = { _id: `${kind}-${n}`, ...fieldsOf(kind), orgCode: unit.code, orgPath: unit.path, version: 1, deleted: false };
  const state = reviewState();
  if (state) doc.reviewState = state;
  return doc;
}

/** An edit: some fields redrawn (dates, states, types, amounts), sometimes the unit or review state too. */
function edited(kind: RecordKind, before: Doc): Doc {
  const fresh = fieldsOf(kind);
  const after: Doc = { ...before, version: Number(before.version) + 1 };
  for (const [key, value] of Object.entries(fresh)) {
    if (R.next() < 0.5) continue;
    if (value === undefined) delete after[key];
    else after[key] = value;
  }
  if (R.next() < 0.2) {
    const unit = R.pick(RECORDING_UNITS);
    Object.assign(after, { orgCode: unit.code, orgPath: unit.path });
  }
  if (R.next() < 0.3) {
    const state = reviewState();
    if (state) after.reviewState = state;
    else delete after.reviewState;
  }
  return after;
}

/** Writes the changes as the record store does: documents and summaries in one transaction. */
async function write(db: Database, changes: { kind: RecordKind; before: Doc | null; after: Doc | null }[]): Promise<void> {
  await inTransaction(db, async (tx) => {
    for (const { kind, before, after } of changes) {
      const ref = tx.collection(KINDS[kind].collection).doc(String((after ?? before)?._id));
      if (after) {
        const { _id, ...body } = after;
        void _id;
        await ref.set(body);
      } else {
        await ref.remove();
      }
    }
    await updateDerived(tx, changes as RecordChange[]);
  });
}

const live = new Map<string, { kind: RecordKind; doc: Doc }>();
let made = 0;
const log: string[] = [];

/** One step of the history, chosen at random. */
async function step(db: Database): Promise<void> {
  const existing = [...live.values()];
  const roll = R.next();
  if (existing.length < 5 || roll < 0.3) {
    const kind = R.pick(KINDS_SUMMARISED);
    const doc = newRecord(kind, made++);
    log.push(`create ${doc._id}`);
    await write(db, [{ kind, before: null, after: doc }]);
    live.set(doc._id, { kind, doc });
    return;
  }
  if (roll < 0.4) {
    // An import: several new rows and edits in one write.
    const changes: { kind: RecordKind; before: Doc | null; after: Doc | null }[] = [];
    for (let i = 0; i < 2 + R.int(6); i++) {
      const kind = R.pick(KINDS_SUMMARISED);
      changes.push({ kind, before: null, after: newRecord(kind, made++) });
    }
    for (const { kind, doc } of existing.slice(0, R.int(3))) if (!doc.deleted) changes.push({ kind, before: doc, after: edited(kind, doc) });
    log.push(`import ${changes.map((c) => c.after?._id).join(',')}`);
    await write(db, changes);
    for (const c of changes) if (c.after) live.set(c.after._id, { kind: c.kind, doc: c.after });
    return;
  }
  const { kind, doc } = R.pick(existing);
  let after: Doc | null;
  if (roll < 0.7) after = edited(kind, doc);
  else if (roll < 0.8) after = { ...doc, deleted: !doc.deleted, version: Number(doc.version) + 1 };
  else if (roll < 0.9) after = { ...doc, reviewState: R.pick(['已通过', '退回', '待审核']) };
  else after = null;
  log.push(`${after === null ? 'remove' : roll < 0.7 ? 'edit' : roll < 0.8 ? (doc.deleted ? 'restore' : 'delete') : 'review'} ${doc._id}`);
  await write(db, [{ kind, before: doc, after }]);
  if (after) live.set(doc._id, { kind, doc: after });
  else live.delete(doc._id);
}

const PERIODS = ['2023', '2024', '2023Q2', '2024-02', '2023-02-10..2023-05-20', '2023-11-30..2024-01-31', '2024-12-31..2024-12-31'].map(mustParsePeriod);
const MODES: FigureOptions[] = [{}, { records: 'everything' }, { records: 'pending' }, { scope: 'own' }];

/** Both paths' figures for one unit, period and mode: a description of the difference, or null. */
async function differenceAt(db: Database, code: string, period: Period, options: FigureOptions): Promise<string | null> {
  const pending = options.records === 'pending';
  const read = async (rows: Promise<Parameters<typeof assemble>[0]>) => (pending ? pendingByFigure(await rows) : assemble(await rows));
  const [fromSummaries, fromPipelines] = await Promise.all([
    read(figureRows(db, code, period, undefined, options)),
    read(rowsFromRecords(db, code, period, undefined, options)),
  ]);
  if (JSON.stringify(fromSummaries) === JSON.stringify(fromPipelines)) return null;
  const ids = Object.keys({ ...fromSummaries, ...fromPipelines }).filter((id) => fromSummaries[id] !== fromPipelines[id]);
  return `${code} ${period.text} ${JSON.stringify(options)}: ${ids.map((id) => `${id}: summaries ${fromSummaries[id]} ≠ pipelines ${fromPipelines[id]}`).join('; ')}`;
}

/**
 * The console's way (分村, 分月, trend): a unit's summaries read ONCE (a county's as township roll-ups,
 * a few figures' counters only), then each child's, the unit's own and each month's share taken out;
 * each must give the pipelines' figures for that child, own scope or month.
 */
async function sliceDifference(db: Database, unit: (typeof UNITS)[number], period: Period, ids?: readonly string[]): Promise<string | null> {
  const read = { orgCode: unit.code, orgPath: unit.path };
  const [parts, tree, reviewing] = await Promise.all([periodParts(db, read, period, ids), periodCounts(db, read, period, 'tree', ids), reviewTownships(db)]);
  const slices: Array<[string, FigureOptions, MonthCounts[], Period]> = [
    ...UNITS.filter((u) => u.parentCode === unit.code).map((u): [string, FigureOptions, MonthCounts[], Period] => [u.code, {}, inScope(parts, u.code), period]),
    [unit.code, { scope: 'own' }, inScope(parts, unit.code, 'own'), period],
    [unit.code, {}, parts, period],
    ...splitPeriod(period).months.map((month): [string, FigureOptions, MonthCounts[], Period] => [
      unit.code,
      {},
      tree.filter((c) => c.month === month),
      mustParsePeriod(month),
    ]),
  ];
  for (const [code, options, counts, slicePeriod] of slices) {
    const oracle = await rowsFromRecords(db, code, slicePeriod, ids, options);
    const want = assemble(oracle, ids);
    const got = assemble({ ...oracle, ...rowsOfCounts(counts, 'counted', reviewing) }, ids);
    if (JSON.stringify(got) !== JSON.stringify(want))
      return `slice ${code} of ${unit.code} ${slicePeriod.text} ${JSON.stringify(options)} ids ${ids ? ids.join(',') : 'all'}: summaries ${JSON.stringify(got)} ≠ pipelines ${JSON.stringify(want)}`;
  }
  return null;
}

/**
 * Figures by both paths for every unit, in each mode for a period drawn at random (and, at the end,
 * every period in the counting mode): the first difference, or null.
 */
async function firstDifference(db: Database, everyPeriod = false): Promise<string | null> {
  for (const unit of UNITS) {
    const cases: [Period, FigureOptions][] = MODES.map((options) => [R.pick(PERIODS), options]);
    if (everyPeriod) cases.push(...PERIODS.map((period): [Period, FigureOptions] => [period, {}]));
    for (const [period, options] of cases) {
      const difference = await differenceAt(db, unit.code, period, options);
      if (difference) return difference;
    }
    if (unit.level === '村') continue;
    const sliced = await sliceDifference(
      db,
      unit,
      R.pick(PERIODS.filter((p) => splitPeriod(p).partial.length === 0)),
      R.maybe(0.5, () => CHART_FIGURES),
    );
    if (sliced) return sliced;
  }
  return null;
}

let stack: LocalStack;

beforeAll(async () => {
  stack = await localStack();
  await stack.run(async (db) => {
    for (const { code, ...unit } of UNITS)
      await db
        .collection('orgs')
        .doc(code)
        .set({ code, name: code, ...unit });
    await db
      .collection('supervision_settings')
      .doc(REVIEWING)
      .set({ orgCode: REVIEWING, orgPath: [COUNTY, REVIEWING], cadence: 'monthly', dueDay: 5, review: true, version: 1 });
  });
}, 60000);
afterAll(() => stack?.close());

const withSeed = (what: string | null): string | null =>
  what === null ? null : `seed ${SEED} (SUMMARY_SEED=${SEED} to replay): ${what}\nlast steps: ${log.slice(-8).join(' | ')}`;

describe('summaries kept by every write', () => {
  it('should give the pipelines’ figures after any history of writes', async () => {
    await stack.run(async (db) => {
      for (let i = 0; i < STEPS; i++) {
        await step(db);
        if (i === STEPS / 2 - 1) expect(withSeed(await firstDifference(db))).toBeNull();
      }
      expect(withSeed(await firstDifference(db, true))).toBeNull();
      expect(withSeed((await checkSummaries(db)).map((d) => `${d.id}: stored ${d.stored} ≠ records ${d.expected}`).join('\n') || null)).toBeNull();
    });
  }, 60000);

  it('should rebuild lost or spoiled summaries from the records, and check should say where they were wrong', async () => {
    await stack.run(async (db) => {
      const before = await checkSummaries(db);
      expect(before).toEqual([]);
      const { data } = await db
        .collection(SUMMARIES)
        .where({ month: db.command.gte('2023-01') })
        .limit(2)
        .get();
      const [lost, spoiled] = data as Doc[];
      await db.collection(SUMMARIES).doc(lost._id).remove();
      await db
        .collection(SUMMARIES)
        .doc(spoiled._id)
        .update({ ok: { outreach_events: { n: 999 } } });
      await db
        .collection(SUMMARIES)
        .doc('P1-P1T2-P1T2V1_P1T2V1_1999-01')
        .set({ orgCode: 'P1T2V1', orgPath: [COUNTY, OTHER, 'P1T2V1'], month: '1999-01', ok: { outreach_events: { n: 1 } }, held: {} });
      expect((await checkSummaries(db)).map((d) => d.id).sort()).toEqual([lost._id, spoiled._id, 'P1-P1T2-P1T2V1_P1T2V1_1999-01'].sort());
      expect(await rebuildSummaries(db)).toEqual({ written: 2, removed: 1 });
      expect(await checkSummaries(db)).toEqual([]);
      expect(withSeed(await firstDifference(db))).toBeNull();
    });
  }, 60000);
});
