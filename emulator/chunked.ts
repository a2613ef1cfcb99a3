/**
 * The start of a pipeline run in slices that give the event loop back (work.ts): stages that treat
 * each document on its own ($match, $addFields, $project …) run slice by slice, and so does a first
 * `$group` whose accumulators each take one expression ($sum, $avg, $min, $max, $first, $last, $push,
 * $addToSet). For the `$group`, each slice evaluates the group key and every accumulator's expression
 * per document (a `$project`); sums are added up as they come, other values are gathered per group
 * in document order and mingo's own accumulators run on them at the end — the same values in the
 * same order as mingo's `$group` over the whole input, so the same answer. Group keys other than strings, numbers, booleans
 * and null (objects, dates: equality by mingo's hashing) fall back to mingo's `$group` in one go.
 */
import { Aggregator } from 'mingo';
import { deepClone, isPlainObject, type Doc } from './ejson';
import type { Work } from './work';

type Stage = Record<string, unknown>;

const PER_DOCUMENT = new Set(['$match', '$addFields', '$set', '$project', '$unset', '$replaceRoot', '$replaceWith']);
const ONE_EXPRESSION = new Set(['$sum', '$avg', '$min', '$max', '$first', '$last', '$push', '$addToSet']);
/** Documents per slice: a slice of a figures pipeline (dozens of expressions each) stays near 10 ms. */
const SLICE = 512;
const GROUP_KEY = '__g';

const stageName = (s: Stage): string => Object.keys(s)[0];
/** An expression as a `$project` value: operators and field paths as they are, literals as literals. */
function expr(e: unknown): unknown {
  if (typeof e === 'string' && e.startsWith('$')) return e;
  if (isPlainObject(e) && Object.keys(e).length === 1 && Object.keys(e)[0].startsWith('$')) return e;
  if (isPlainObject(e)) return { $let: { vars: {}, in: e } };
  return { $literal: e };
}

/** The accumulators of a `$group` we can gather, as [output field, accumulator, expression]. */
function gatherable(group: unknown): Array<[string, string, unknown]> | undefined {
  if (!isPlainObject(group) || !('_id' in group)) return undefined;
  const out: Array<[string, string, unknown]> = [];
  for (const [field, acc] of Object.entries(group)) {
    if (field === '_id') continue;
    if (!isPlainObject(acc) || Object.keys(acc).length !== 1) return undefined;
    const op = Object.keys(acc)[0];
    if (!ONE_EXPRESSION.has(op)) return undefined;
    out.push([field, op, acc[op]]);
  }
  return out;
}

const simpleKey = (k: unknown): boolean =>
  k === null || typeof k === 'string' || typeof k === 'boolean' || (typeof k === 'number' && !Number.isNaN(k) && !Object.is(k, -0));

/**
 * Runs the leading per-document stages (and a gatherable `$group` after them) of `stages` on
 * `input` in slices; `next` is the index of the first stage not run. With `clone`, every document is
 * deep-copied before a stage sees it (mingo writes into its inputs).
 */
export async function runSliced(stages: Stage[], input: Doc[], clone: boolean, work: Work): Promise<{ docs: Doc[]; next: number }> {
  let n = 0;
  while (n < stages.length && PER_DOCUMENT.has(stageName(stages[n]))) n++;
  const perDoc = stages.slice(0, n);
  const accs = n < stages.length && stageName(stages[n]) === '$group' ? gatherable(stages[n].$group) : undefined;
  // One slice needs no slicing: mingo's own $group then (the gathering costs a little more).
  if (accs && input.length > SLICE) {
    const grouped = await gather(perDoc, stages[n].$group as Stage, accs, input, clone, work);
    if (grouped) return { docs: grouped, next: n + 1 };
  }
  if (n === 0) return { docs: input, next: 0 };
  const docs: Doc[] = [];
  for (let i = 0; i < input.length; i += SLICE) {
    for (const d of runStages(perDoc, input.slice(i, i + SLICE), clone)) docs.push(d);
    if (i + SLICE < input.length) await work.maybePause();
  }
  return { docs, next: n };
}

function runStages(stages: Stage[], slice: Doc[], clone: boolean): Doc[] {
  const docs = clone ? slice.map(deepClone) : slice;
  return stages.length === 0 ? docs : (new Aggregator(stages).run(docs) as Doc[]);
}

/** The `$group` by gathering; undefined when a group key is not simple (then mingo groups). */
async function gather(
  perDoc: Stage[],
  group: Stage,
  accs: Array<[string, string, unknown]>,
  input: Doc[],
  clone: boolean,
  work: Work,
): Promise<Doc[] | undefined> {
  // `$sum` keeps a running total, added in document order from 0 as mingo adds (so the same
  // number); `$sum` of a constant is mingo's count × constant. Other accumulators gather values.
  const constant = accs.map(([, op, e]) => op === '$sum' && typeof e === 'number');
  const running = accs.map(([, op], i) => op === '$sum' && !constant[i]);
  const project: Stage = { _id: 0, [GROUP_KEY]: expr(group._id) };
  accs.forEach(([, , e], i) => {
    if (!constant[i]) project[`v${i}`] = expr(e);
  });
  const stages = [...perDoc, { $project: project }];
  const groups = new Map<unknown, { rows: Doc[]; sums: number[]; count: number }>();
  for (let i = 0; i < input.length; i += SLICE) {
    for (const row of runStages(stages, input.slice(i, i + SLICE), clone)) {
      const key = row[GROUP_KEY] ?? null;
      if (!simpleKey(key)) return undefined;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { rows: [], sums: accs.map(() => 0), count: 0 }));
      g.count++;
      for (let a = 0; a < accs.length; a++) {
        if (!running[a]) continue;
        const v = row[`v${a}`];
        if (typeof v === 'number' && !Number.isNaN(v)) g.sums[a] += v;
        delete row[`v${a}`];
      }
      g.rows.push(row);
    }
    if (i + SLICE < input.length) await work.maybePause();
  }
  const final: Stage = { _id: null };
  accs.forEach(([field, op], i) => {
    if (!running[i] && !constant[i]) final[field] = { [op]: `$v${i}` };
  });
  const gathered = Object.keys(final).length > 1;
  const out: Doc[] = [];
  for (const [key, g] of groups) {
    const [row] = gathered ? (new Aggregator([{ $group: final }]).run(g.rows) as Doc[]) : [{} as Doc];
    const doc: Doc = { _id: key };
    accs.forEach(([field, , e], i) => {
      doc[field] = constant[i] ? g.count * (e as number) : running[i] ? g.sums[i] : row[field];
    });
    out.push(doc);
    await work.maybePause();
  }
  return out;
}
