/**
 * The database declared once (cloudbase/database.json) against the code: it names exactly the
 * collections the application uses, each with the functions-only rule, and the queries the
 * functions make on a representative day — a village worker's list and to-do, the console's figures,
 * quality check and drill-down, a resident's village page and request, the handlers' queue — are each
 * served by a declared index. (Every other integration test on the app stack makes the same check
 * when it stops: tests/helpers/app-stack.ts.)
 */
import { truncateSync } from 'node:fs';
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { readQueryLog, unservedQueries } from '../../helpers/query-index-check';
import { COLLECTIONS } from '../../../cloudfunctions/lib/collections';
import { loadDatabaseSpec } from '../../../scripts/cloud/database-spec';
import { beijingDate } from '../../../src/domain/dates';
import type { QueryShape } from '../../../emulator/query-shape';

const now = new Date();
const year = Number(beijingDate(now).slice(0, 4));
let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack(now);
}, 60000);
afterAll(() => stack?.stop());

test('database.json declares every collection the application uses, each readable and writable only by functions', () => {
  const spec = loadDatabaseSpec();
  expect(spec.collections.map((c) => c.name).sort()).toEqual([...COLLECTIONS].sort());
  for (const c of spec.collections) expect(spec.rules[c.rule].acl).toBe('ADMINONLY');
  expect(spec.storage.rule.read).toBe(false);
  const unique = spec.collections.find((c) => c.name === 'requests')?.indexes.find((i) => i.unique);
  expect(unique?.keys).toEqual({ ref: 1 });
});

test('a day of function calls: every query on a declared collection is served by a declared index', async () => {
  const as = (openid: string) => (name: string, data: Record<string, unknown>) => stack.call(name, data, openid);
  const worker = as(DEMO.villageWorker);
  const admin = as(DEMO.admin);
  await worker('records', { action: 'list', kind: 'outreach', period: String(year) });
  await worker('records', { action: 'list', kind: 'dispute', state: '受理' });
  await worker('records', { action: 'todo' });
  await admin('records', { action: 'list', kind: 'petition', period: String(year), includeDeleted: true });
  await admin('figures', { action: 'get', period: String(year) });
  await admin('console', { action: 'overview', year });
  await admin('console', { action: 'quality', year });
  await admin('console', { action: 'byVillage', year, ids: ['outreach.events'] });
  await admin('console', { action: 'records', period: String(year), figure: 'outreach.events', part: 0, offset: 0, limit: 5 });
  await stack.call('public', { action: 'villages' });
  const shapes = readQueryLog(stack.queryLog);
  const collections = new Set(shapes.map((s: QueryShape) => s.collection));
  for (const c of ['outreach', 'disputes', 'petitions', 'orgs']) expect(collections).toContain(c);
  expect(shapes.some((s) => s.action === 'database.aggregateDocuments')).toBe(true);
  expect(unservedQueries(shapes)).toEqual([]);
});

test("a unit's figures read who reviews once, and not the caller's own unit again", async () => {
  truncateSync(stack.queryLog);
  await stack.call('figures', { action: 'get', period: String(year) }, DEMO.admin);
  const shapes = readQueryLog(stack.queryLog);
  const reads = (collection: string, action: string) => shapes.filter((s) => s.collection === collection && s.action === action).length;
  // Who reviews: once, for the summaries' buckets; the roster, units and 其他指标 count the same whoever reviews.
  expect(reads('supervision_settings', 'database.getDocument')).toBe(1);
  // The caller's unit, read with the caller, is the unit asked for: not read again.
  expect(reads('orgs', 'database.getDocument')).toBe(1);
  expect(reads('people', 'database.aggregateDocuments')).toBe(1);
});
