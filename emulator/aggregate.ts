/**
 * aggregateDocuments: the SDK's `stages: [{stageKey, stageValue: "<EJSON>"}]` run by mingo.
 *
 * Leading `$match` stages are evaluated here with mingo's Query so only matching documents enter the
 * pipeline. mingo mutates its input documents in several stages ($addFields, $set, $unset, $unwind,
 * $lookup …), and the inputs are the store's shared document objects, so unless every stage is known
 * not to mutate, the (already filtered) inputs are deep-copied first. `$lookup`/`$graphLookup`/
 * `$unionWith` read other collections' committed documents; a missing one is an empty collection,
 * as in MongoDB. `$out`/`$merge` are refused: their writes would not be durable.
 *
 * Like CloudBase, a pipeline without a `$limit` stage answers at most 20 rows (PROTOCOL.md,
 * "aggregate().end(): 20 unless .limit() is set"): code that groups into more rows than that must
 * say how many it wants, or it silently loses rows in production.
 */
import { Aggregator } from 'mingo';
import { decode, deepClone, isPlainObject, type Doc } from './ejson';
import { invalidParam } from './errors';
import { compile } from './query';
import type { Store } from './store';
import { runSliced } from './chunked';
import { uncancellable, type Work } from './work';

/** Stages that never write into the documents they receive (checked against mingo 7). */
export const NON_MUTATING = new Set([
  '$match',
  '$sort',
  '$skip',
  '$limit',
  '$count',
  '$group',
  '$sortByCount',
  '$bucket',
  '$bucketAuto',
  '$project',
  '$replaceRoot',
  '$sample',
]);

type Stage = Record<string, unknown>;

/** Rows CloudBase returns from a pipeline that sets no `$limit`. */
export const DEFAULT_AGGREGATE_LIMIT = 20;

export function parseStages(raw: unknown, now: number): Stage[] {
  if (!Array.isArray(raw)) throw invalidParam('stages must be an array');
  return raw.map((s) => {
    const st = s as { stageKey?: unknown; stageValue?: unknown };
    if (typeof st?.stageKey !== 'string' || !st.stageKey.startsWith('$')) throw invalidParam('invalid stage');
    if (st.stageKey === '$out' || st.stageKey === '$merge') throw invalidParam(`${st.stageKey} is not supported by the local gateway`);
    const value = typeof st.stageValue === 'string' ? decode(st.stageValue, now) : st.stageValue;
    return { [st.stageKey]: value };
  });
}

/**
 * Runs a pipeline. Leading `$match` stages pick the input through the store's indexes; a `$sort` (and
 * `$skip`/`$limit`) right after them walks a declared index when one gives that order, so a page
 * costs its page. Otherwise the input is filtered, then per-document stages and a first `$group` run
 * in slices (chunked.ts) that give the event loop back; the rest runs in mingo at once.
 */
export async function runPipeline(store: Store, collection: string, stages: Stage[], work: Work = uncancellable()): Promise<Doc[]> {
  const capped = stages.some((s) => '$limit' in s) ? stages : [...stages, { $limit: DEFAULT_AGGREGATE_LIMIT }];
  return runUncapped(store, collection, capped, work);
}

/** The criteria of the leading `$match` stages, as one filter. */
function leadingMatch(stages: Stage[]): { criteria: Record<string, unknown> | undefined; count: number } {
  let count = 0;
  while (count < stages.length && '$match' in stages[count]) count++;
  const parts = stages.slice(0, count).map((s) => s.$match as Record<string, unknown>);
  return { criteria: count === 0 ? undefined : count === 1 ? parts[0] : { $and: parts }, count };
}

/** `$sort` then `$limit`, or `$sort`, `$skip`, `$limit`: how many sorted documents the rest needs. */
function sortedPrefix(rest: Stage[]): { sort: Array<[string, number]>; need: number } | undefined {
  const sort = rest[0]?.$sort;
  if (!isPlainObject(sort) || Object.keys(sort).length === 0) return undefined;
  const skip = '$skip' in (rest[1] ?? {}) ? Number(rest[1].$skip) : 0;
  const limit = rest[skip > 0 || '$skip' in (rest[1] ?? {}) ? 2 : 1]?.$limit;
  if (!Number.isInteger(skip) || skip < 0 || typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) return undefined;
  // mingo sorts descending only for -1; anything else ascends.
  return { sort: Object.entries(sort).map(([f, d]) => [f, d === -1 ? -1 : 1]), need: skip + limit };
}

async function runUncapped(store: Store, collection: string, stages: Stage[], work: Work): Promise<Doc[]> {
  store.collection(collection);
  const { criteria, count } = leadingMatch(stages);
  const match = compile(criteria);
  const rest = stages.slice(count);
  let input: Doc[] | undefined;
  const prefix = sortedPrefix(rest);
  if (prefix) {
    const walked = store.sortedCandidates(collection, criteria, prefix.sort, match);
    if (walked) {
      input = [];
      if (prefix.need > 0) {
        for (const [, d] of walked) {
          if (!match(d)) continue;
          input.push(d);
          if (input.length >= prefix.need) break;
        }
      }
    }
  }
  input ??= (await work.filter(store.candidates(collection, criteria), ([, d]) => match(d))).map(([, d]) => d);
  if (rest.length === 0) return input;
  const resolver = (name: string): Doc[] => (store.hasCollection(name) ? [...store.collection(name).values()].map((e) => deepClone(e.doc)) : []);
  // mingo writes into the documents of several stages: copy the store's documents first unless no stage does.
  const clone = !rest.every((s) => NON_MUTATING.has(Object.keys(s)[0]));
  const { docs, next } = await runSliced(rest, input, clone, work);
  const tail = rest.slice(next);
  if (tail.length === 0) return docs;
  const safe = next === 0 && clone ? docs.map(deepClone) : docs;
  return new Aggregator(tail, { collectionResolver: resolver }).run(safe) as Doc[];
}
