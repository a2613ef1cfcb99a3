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
import { decode, deepClone, type Doc } from './ejson';
import { invalidParam } from './errors';
import { compile } from './query';
import type { Store } from './store';

/** Stages that never write into the documents they receive (checked against mingo 7). */
const NON_MUTATING = new Set([
  '$match', '$sort', '$skip', '$limit', '$count', '$group', '$sortByCount', '$bucket', '$bucketAuto', '$project', '$replaceRoot', '$sample',
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

export function runPipeline(store: Store, collection: string, stages: Stage[]): Doc[] {
  const capped = stages.some((s) => '$limit' in s) ? stages : [...stages, { $limit: DEFAULT_AGGREGATE_LIMIT }];
  return runUncapped(store, collection, capped);
}

function runUncapped(store: Store, collection: string, stages: Stage[]): Doc[] {
  const coll = store.collection(collection);
  let first = 0;
  const predicates: Array<(d: Doc) => boolean> = [];
  while (first < stages.length && '$match' in stages[first]) {
    predicates.push(compile(stages[first].$match as Record<string, unknown>));
    first++;
  }
  let input: Doc[] = [];
  for (const e of coll.values()) if (predicates.every((p) => p(e.doc))) input.push(e.doc);
  const rest = stages.slice(first);
  if (rest.length === 0) return input;
  if (!rest.every((s) => NON_MUTATING.has(Object.keys(s)[0]))) input = input.map(deepClone);
  const resolver = (name: string): Doc[] =>
    store.hasCollection(name) ? [...store.collection(name).values()].map((e) => deepClone(e.doc)) : [];
  return new Aggregator(rest, { collectionResolver: resolver }).run(input) as Doc[];
}
