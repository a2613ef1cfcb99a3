/**
 * Malformed and hostile payloads at every function (property-based, fast-check): random JSON, wrong
 * types, huge strings, prototype-pollution keys, `$`-operator objects, deep nesting, arrays where
 * objects belong, ids with path and regex characters, odd numbers, unknown actions and kinds. Every
 * answer must be a catalogued error in Chinese with nothing internal in it — or, for the rare valid
 * read, a success — and no call may change the data: a digest of every collection is the same after
 * the run as before.
 */
import fc from 'fast-check';
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { digestAll, hasChinese, recordOf, UNIT } from '../../helpers/records-world';
import { RECORD_KINDS } from '../../../src/domain/records/kinds';
import { ERRORS } from '../../../cloudfunctions/lib/errors';

let stack: AppStack;
let before: Record<string, string>;

beforeAll(async () => {
  stack = await startAppStack(new Date(), { functions: 'gateway' });
  before = await digestAll(await stack.db());
}, 60000);
afterAll(() => stack?.stop());

/** Each function's actions; the ones that only read may legitimately succeed on a valid payload. */
const ACTIONS: Record<string, { reads: string[]; writes: string[] }> = {
  session: { reads: ['whoami'], writes: ['bind'] },
  records: { reads: ['get', 'list', 'listMine', 'history', 'todo'], writes: ['create', 'update', 'remove', 'restore'] },
  figures: { reads: ['get'], writes: [] },
  admin: { reads: [], writes: ['issueInvite'] },
  public: { reads: ['townships', 'village', 'article', 'mine', 'templates'], writes: ['submit', 'subscribe'] },
  requests: { reads: ['queue', 'contacts', 'articles', 'villageCode'], writes: ['accept', 'convert', 'close', 'setContact', 'saveArticle'] },
  supervision: {
    reads: ['settings', 'month', 'tasks', 'completeness', 'reviewQueue'],
    writes: ['saveSettings', 'submit', 'remind', 'approve', 'approveMonth', 'return'],
  },
};
const FUNCTIONS = Object.keys(ACTIONS);
const CALLERS = [undefined, DEMO.villageWorker, DEMO.mediator, DEMO.cadre, DEMO.admin, DEMO.county, 'o-stranger-0001'];

// ---- hostile values ------------------------------------------------------------------------------

const parsed = (json: string) => JSON.parse(json) as unknown;
const operators = fc.constantFrom<unknown>(
  { $ne: null },
  { $gt: '' },
  { $regex: '.*' },
  { $where: 'sleep(5000)' },
  { $in: ['500114213', '500114214'] },
  { $exists: true },
  { $or: [{}, { deleted: true }] },
  { $expr: { $eq: [1, 1] } },
);
const polluted = fc.constantFrom(
  parsed('{"__proto__": {"role": "乡镇管理员", "isAdmin": true}}'),
  parsed('{"constructor": {"prototype": {"role": "乡镇管理员"}}}'),
  parsed('{"__proto__": null, "prototype": {}, "toString": "x", "hasOwnProperty": 1}'),
);
const strangeIds = fc.constantFrom(
  '../../etc/passwd',
  '..',
  '.',
  '/',
  'a/b/c',
  '.*',
  '^.*$',
  '(a+)+$',
  '[',
  '\\',
  '%2e%2e%2f',
  '$ne',
  '$where',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '\u0000',
  ' ',
  '',
  '😀😀😀😀😀😀',
  "'; DROP TABLE records; --",
  '<script>alert(1)</script>',
  'x'.repeat(129),
  'TJ00087/../TJ00088',
  'outreach:500114213:2023',
);
const oddNumbers = fc.oneof(
  fc.constantFrom<unknown>(-1, 0, -0, 0.5, 1.5, 1e308, -1e308, 2 ** 53 + 2, 2 ** 31, -(2 ** 31), 1e-300),
  // NaN and ±Infinity travel as null in JSON, as they would from the app.
  fc.double(),
);
const hugeString = fc.tuple(fc.integer({ min: 1000, max: 12000 }), fc.constantFrom('张', 'a', '0', '$', '\u0000', '<')).map(([n, c]) => c.repeat(n));
const nested = (depth: number, leaf: unknown, asArray: boolean): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
};
const deep = fc.tuple(fc.integer({ min: 20, max: 1500 }), fc.boolean(), operators).map(([depth, asArray, leaf]) => nested(depth, leaf, asArray));

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: operators },
  { weight: 2, arbitrary: polluted },
  { weight: 2, arbitrary: strangeIds },
  { weight: 2, arbitrary: oddNumbers },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }) },
);

/**
 * A record that looks right but never is: a valid record of some kind with one field made hostile and
 * a field no schema has (a meta field the server owns, or a pollution key), so nothing can be written.
 */
const KINDS_LIST = [...RECORD_KINDS];
const hostileRecord = fc
  .tuple(
    fc.constantFrom(...KINDS_LIST),
    fc.constantFrom(UNIT.township, UNIT.baituVillage, UNIT.santangVillage),
    fc.nat(),
    hostile,
    fc.constantFrom('__proto__', 'constructor', 'orgPath', 'recordedBy', 'version', 'deleted', '_id', '$set', 'handlerIds.0'),
    hostile,
  )
  .map(([kind, org, pick, value, key, extra]) => {
    const record = recordOf(kind, org);
    const fields = Object.keys(record);
    record[fields[pick % fields.length]] = value;
    // Written as JSON text so that "__proto__" is an own key, as it is when it arrives over the wire.
    return parsed(`${JSON.stringify(record).slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(extra) ?? 'null'}}`);
  });

const kinds = fc.constantFrom<unknown>(...KINDS_LIST);
/** Codes that exist but are outside the caller's reach, or do not exist: never one a valid write could use. */
const foreignCodes = fc.constantFrom<unknown>('500114', '500114213299', '000000', '999999999999', '5001142132011');
/** Codes a read may use: the caller's own among them. */
const readCodes = fc.constantFrom<unknown>(UNIT.township, UNIT.baituVillage, UNIT.santangVillage, '500114', '500114213299', '000000');
const periods = fc.constantFrom<unknown>('2026', '2026H1', '2026H3', '2026Q5', '2026-13', '1989', '2026-01-01..2025-01-01', '..', '9999Q1', '2026-02-30');
const months = fc.constantFrom<unknown>('2026-01', '2026-13', '1989-12', '2100-01', '$ne', '');
const refs = fc.constantFrom<unknown>('ZX-20260101-0001', 'TJ-99999999-999999', 'ZX-00000000-0000');
/** A resident's request that looks right but has a field no schema has, so it is never stored. */
const hostileRequest = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'submitterOpenid', 'state', '$where'), hostile)
  .map(([key, extra]) =>
    parsed(
      `${JSON.stringify({ key: 'k'.repeat(24), kind: '调解', villageCode: UNIT.baituVillage, name: '张建明', phone: '13812345678', description: '邻居占了我家的宅基地', consent: true }).slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(extra) ?? 'null'}}`,
    ),
  );

/** A plausible event of each action (no valid write among them), for hostile values to be put into. */
const TEMPLATES: Record<string, Record<string, fc.Arbitrary<Record<string, unknown>>>> = {
  session: { whoami: fc.constant({}), bind: fc.record({ code: fc.oneof(strangeIds, fc.string({ minLength: 4, maxLength: 20 })) }) },
  records: {
    create: fc.record({ kind: kinds, record: hostileRecord }),
    update: fc.record({ kind: kinds, record: hostileRecord, baseVersion: fc.integer({ min: 1, max: 5 }) }),
    get: fc.record({ kind: kinds, id: strangeIds }),
    list: fc.record(
      {
        kind: kinds,
        org: readCodes,
        period: periods,
        state: fc.constantFrom('受理', '$ne', '办结'),
        mine: fc.boolean(),
        includeDeleted: fc.boolean(),
        offset: fc.nat(5000),
        limit: fc.integer({ min: 1, max: 100 }),
      },
      { requiredKeys: ['kind'] },
    ),
    listMine: fc.record({ kind: kinds }),
    remove: fc.record({ kind: kinds, id: strangeIds, baseVersion: fc.integer({ min: 1, max: 5 }) }),
    restore: fc.record({ kind: kinds, id: strangeIds, baseVersion: fc.integer({ min: 1, max: 5 }) }),
    history: fc.record({ kind: kinds, id: strangeIds }),
    todo: fc.constant({}),
  },
  figures: {
    get: fc.record(
      {
        org: readCodes,
        period: periods,
        ids: fc.array(fc.constantFrom('outreach.events', '__proto__', 'constructor', 'toString', '$where', ''), { maxLength: 4 }),
      },
      { requiredKeys: ['period'] },
    ),
  },
  admin: {
    issueInvite: fc.record({
      name: fc.string({ minLength: 1, maxLength: 30 }),
      role: fc.constantFrom('法律明白人', '乡镇管理员', '县级查看'),
      orgCode: foreignCodes,
    }),
  },
  public: {
    townships: fc.constant({}),
    village: fc.record({ code: readCodes }),
    article: fc.record({ id: strangeIds }),
    submit: fc.record({ request: hostileRequest }),
    mine: fc.record({ keys: fc.array(fc.constantFrom('k'.repeat(24), 'a'.repeat(64), '__proto__'), { maxLength: 3 }) }),
    templates: fc.constant({}),
    // Never a template the app offers: a valid subscription is a write, and nothing here is a valid write.
    subscribe: fc.record({ template: fc.constantFrom<unknown>('answer ', 'Deadline', '$ne', '__proto__', { $in: ['answer', 'deadline'] }, ['deadline']) }),
  },
  requests: {
    queue: fc.record({ state: fc.constantFrom('待处理', '已受理', '$ne') }, { requiredKeys: [] }),
    accept: fc.record({ ref: refs }),
    convert: fc.record({ ref: refs, as: fc.constantFrom('dispute', 'consultation', 'petition') }, { requiredKeys: ['ref'] }),
    close: fc.record({ ref: refs }),
    contacts: fc.record({ org: readCodes }, { requiredKeys: [] }),
    setContact: fc.record({ personId: strangeIds, publishPhone: fc.boolean(), serviceHours: fc.string({ maxLength: 100 }) }, { requiredKeys: ['personId'] }),
    articles: fc.constant({}),
    saveArticle: fc.record({ article: hostile }),
    villageCode: fc.record({ code: readCodes }),
  },
  supervision: {
    settings: fc.record({ org: readCodes }, { requiredKeys: [] }),
    saveSettings: fc.record({ org: foreignCodes, dueDay: fc.integer({ min: -1, max: 40 }), review: fc.boolean(), baseVersion: fc.nat(3) }),
    month: fc.record({ month: months }),
    // Months not begun or not months at all: never a valid submission.
    submit: fc.record({ month: fc.constantFrom<unknown>('2100-12', '9999-01', '2026-13', '2026-1', '$ne') }),
    tasks: fc.constant({}),
    completeness: fc.record({ org: readCodes, year: fc.integer({ min: 1980, max: 2110 }) }, { requiredKeys: ['year'] }),
    remind: fc.record({ village: foreignCodes, month: months }),
    reviewQueue: fc.record({ org: readCodes, village: readCodes, month: months }, { requiredKeys: [] }),
    approve: fc.record({
      items: fc.array(fc.record({ kind: kinds, id: strangeIds, version: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 3 }),
    }),
    approveMonth: fc.record({ village: foreignCodes, month: months }),
    return: fc.record({ kind: kinds, id: strangeIds, version: fc.integer({ min: 1, max: 5 }), reason: fc.string({ maxLength: 50 }) }),
  },
};
const PLACES = [
  'action',
  'kind',
  'id',
  'record',
  'request',
  'article',
  'org',
  'orgCode',
  'code',
  'period',
  'state',
  'offset',
  'limit',
  'ids',
  'keys',
  'ref',
  'name',
  'role',
  'personId',
  'baseVersion',
  'mine',
  'includeDeleted',
];
const unknownActions = fc.oneof(fc.constantFrom<unknown>('drop', 'CREATE', '__proto__', 'constructor', '', 'eval', 'toString'), hostile);

/**
 * The event of one call: mostly a plausible event of one of the function's actions with one or two
 * places made hostile (so that hostile values get past the envelope into validation, scope checks and
 * queries), sometimes an unknown action, sometimes a hostile value instead of the whole event.
 */
function eventFor(fn: string): fc.Arbitrary<unknown> {
  const templates = TEMPLATES[fn];
  const plausible = fc.constantFrom(...Object.keys(templates)).chain((action) => templates[action].map((fields) => ({ action, ...fields })));
  const spoiled = fc
    .tuple(plausible, fc.array(fc.tuple(fc.constantFrom(...PLACES), hostile), { minLength: 1, maxLength: 2 }))
    .map(([event, changes]) => ({ ...event, ...Object.fromEntries(changes) }));
  return fc.oneof(
    { weight: 2, arbitrary: plausible },
    { weight: 5, arbitrary: spoiled },
    { weight: 1, arbitrary: plausible.chain((event) => unknownActions.map((action) => ({ ...event, action }))) },
    { weight: 1, arbitrary: hostile },
  );
}

const call = fc
  .constantFrom(...FUNCTIONS)
  .chain((fn) =>
    fc
      .record({ fn: fc.constant(fn), data: eventFor(fn), caller: fc.constantFrom(...CALLERS) })
      .filter(({ data }) => Buffer.byteLength(JSON.stringify({ data }) ?? '') < 90000),
  );

// ---- what every answer must be ---------------------------------------------------------------------

const INTERNAL_TEXT =
  /Error:|TypeError|ReferenceError|SyntaxError|RangeError|\bat [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+|\.js:\d+|stack|Expected|Unrecognized|Invalid|Required/;

/** Calls a function as the app does and answers what came back, whatever the HTTP status. */
async function send(fn: string, data: unknown, openid?: string): Promise<{ status: number; body: { result?: Record<string, unknown>; error?: unknown } }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (openid) headers['x-fazhi-openid'] = openid;
  const res = await fetch(`${stack.gateway.url}/api/fn/${fn}`, { method: 'POST', headers, body: JSON.stringify({ data }) });
  return { status: res.status, body: (await res.json()) as { result?: Record<string, unknown> } };
}

function actionOf(data: unknown): unknown {
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as { action?: unknown }).action : undefined;
}

async function expectSafeAnswer(fn: string, data: unknown, openid?: string): Promise<void> {
  const { status, body } = await send(fn, data, openid);
  const shown = `${fn} as ${openid ?? 'resident'}: ${JSON.stringify(data)?.slice(0, 300)} → ${status} ${JSON.stringify(body).slice(0, 400)}`;
  if (status !== 200 || !body.result) throw new Error(`the function did not answer: ${shown}`);
  const answer = body.result;
  if (!('error' in answer)) {
    // A success is legitimate only for a read: nothing here is a valid write.
    if (!ACTIONS[fn].reads.includes(String(actionOf(data)))) throw new Error(`a hostile write succeeded: ${shown}`);
    return;
  }
  const error = answer.error as { code?: unknown; message?: unknown; problems?: { field: unknown; message: unknown }[] };
  const problems = error.problems ?? [];
  const ok =
    typeof error.code === 'string' &&
    error.code in ERRORS &&
    error.code !== 'INTERNAL' &&
    typeof error.message === 'string' &&
    hasChinese(error.message) &&
    problems.every((problem) => typeof problem.message === 'string' && hasChinese(problem.message)) &&
    !INTERNAL_TEXT.test(JSON.stringify(error.message)) &&
    !problems.some((problem) => INTERNAL_TEXT.test(String(problem.message)));
  if (!ok) throw new Error(`not a clean catalogued error in Chinese: ${shown}`);
}

describe('hostile payloads', () => {
  it('should answer every random hostile payload to every function with a clean error (or a valid read)', async () => {
    const details = await fc.check(
      fc.asyncProperty(call, async ({ fn, data, caller }) => {
        await expectSafeAnswer(fn, data, caller);
      }),
      { numRuns: 150, endOnFailure: true },
    );
    // The counterexample can be megabytes of hostile text: report the (already shortened) failure and the seed.
    if (details.failed)
      throw new Error(`seed ${details.seed}, after ${details.numRuns} runs: ${String((details.errorInstance as Error | null)?.message ?? details.error)}`);
  }, 120000);

  it('should answer each kind of hostile value in each place of each function with a clean error', async () => {
    const samples: unknown[] = [
      fc.sample(operators, 1)[0],
      fc.sample(polluted, 1)[0],
      '../../etc/passwd',
      'x'.repeat(20000),
      nested(1000, { $ne: null }, false),
      nested(1000, 1, true),
      [{ action: 'get' }],
      -1e308,
      null,
    ];
    for (const fn of FUNCTIONS) {
      const actions = [...ACTIONS[fn].reads, ...ACTIONS[fn].writes];
      for (const value of samples) {
        // The whole event, the action, and every field of a plausible event.
        await expectSafeAnswer(fn, value, DEMO.admin);
        await expectSafeAnswer(fn, { action: value }, DEMO.admin);
        const action = actions[samples.indexOf(value) % actions.length];
        const places = ['kind', 'id', 'record', 'request', 'article', 'org', 'orgCode', 'code', 'period', 'ids', 'keys', 'name', 'role', 'ref', 'baseVersion'];
        // Every place at once, or (when that would exceed the 100 KB a call may carry) the main ones.
        const fits = Buffer.byteLength(JSON.stringify(value) ?? '') * places.length < 90000;
        const event = Object.fromEntries([['action', action], ...(fits ? places : places.slice(0, 5)).map((place) => [place, value])]);
        await expectSafeAnswer(fn, event, DEMO.admin);
      }
    }
  }, 120000);

  it('should leave every collection exactly as it was', async () => {
    expect(await digestAll(await stack.db())).toEqual(before);
  });
});
