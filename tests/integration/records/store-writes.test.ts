/**
 * Every path that writes a record goes through the record store (cloudfunctions/lib/store): created,
 * edited, deleted and restored in the app, made from a resident's request, imported new or changed
 * from a ledger. Each writes exactly one history entry per change, holding only the fields the change
 * changed; and each refuses a change dated in a closed year as PERIOD_CLOSED, writing nothing.
 *
 * The functions' handlers are called with the real SDK against a gateway in this process (no gateway
 * subprocess, no demo): the application layer the records, requests and console functions run.
 */
import { importLedger } from '../../../cloudfunctions/lib/ledger/import';
import { readAll } from '../../../cloudfunctions/lib/ledger/read';
import { historyOf } from '../../../cloudfunctions/lib/history';
import { closeYear } from '../../../cloudfunctions/lib/period-close';
import { resolveCaller, type Caller } from '../../../cloudfunctions/lib/caller';
import { saveRecord } from '../../../cloudfunctions/lib/records/save';
import { setDeleted } from '../../../cloudfunctions/lib/records/lifecycle';
import { convertRequest, submitRequest } from '../../../cloudfunctions/lib/public/requests';
import type { Database } from '../../../cloudfunctions/lib/cloudbase';
import { KINDS, type RecordKind } from '../../../src/domain/records/kinds';
import type { LedgerSheet } from '../../../src/domain/ledger/ledger';
import { OPERATOR, TOWNSHIP, fixtureSheets, localStack, type LocalStack } from '../ledger/stack';
import { recordOf } from '../../helpers/records-world';

const VILLAGE = '500114213201';
const ADMIN = 'o-store-admin';
const MEDIATOR = 'o-store-mediator';
/** The year the township closes; the records of OPEN stay writable. */
const CLOSED = 2022;
const OPEN = 2024;

let stack: LocalStack;
const run = <T>(work: (db: Database) => Promise<T>) => stack.run(work);
const as = (openid: string) => run(async (db) => (await resolveCaller(db, openid)) as Caller);
const at = (date: string) => new Date(`${date}T04:00:00Z`);

/** Records written before the close, dated in the closed year, for the refused edits, deletes and restores. */
const closedRecords = {
  edit: recordOf('outreach', VILLAGE, { date: `${CLOSED}-05-10` }),
  remove: recordOf('consultation', VILLAGE, { date: `${CLOSED}-06-02` }),
  restore: recordOf('reception', VILLAGE, { date: `${CLOSED}-07-09` }),
};
const IMPORTED_CLOSED = 'PF-STORE-CLOSED';

/** A 普法活动 sheet of the fixture's header with rows made from its first row: [编号, 日期, 发放资料份数]. */
function outreachSheet(rows: readonly [string, string, string][]): LedgerSheet {
  const fixture = fixtureSheets().find((s) => s.name === '普法活动') as LedgerSheet;
  const header = fixture.rows[0] as string[];
  const sample = fixture.rows[1] as string[];
  const col = (name: string) => header.indexOf(name);
  const made = rows.map(([id, date, materials]) => {
    const row = [...sample];
    row[col('编号')] = id;
    row[col('单位代码')] = VILLAGE;
    row[col('日期')] = date;
    row[col('发放资料份数')] = materials;
    return row;
  });
  return { name: '普法活动', rows: [header, ...made] };
}

beforeAll(async () => {
  stack = await localStack();
  await run((db) =>
    importLedger(
      db,
      fixtureSheets().filter((s) => s.name === '组织机构'),
      OPERATOR,
    ),
  );
  await run(async (db) => {
    await db.collection('accounts').doc(ADMIN).set({ name: '周海燕', role: '乡镇管理员', orgCode: TOWNSHIP });
    await db.collection('accounts').doc(MEDIATOR).set({ name: '许志红', role: '人民调解员', orgCode: VILLAGE });
  });
  const admin = await as(ADMIN);
  const written = at(`${CLOSED}-08-01`);
  for (const [kind, record] of [
    ['outreach', closedRecords.edit],
    ['consultation', closedRecords.remove],
    ['reception', closedRecords.restore],
  ] as const) {
    await run((db) => saveRecord(db, admin, { kind, record }, written));
  }
  await run((db) => setDeleted(db, admin, { kind: 'reception', id: String(closedRecords.restore.id), baseVersion: 1, deleted: true }, written));
  const imported = await run((db) => importLedger(db, [outreachSheet([[IMPORTED_CLOSED, `${CLOSED}-03-03`, '40']])], { ...OPERATOR, now: written }));
  expect(imported.problems).toEqual([]);
  await run((db) => closeYear(db, { orgCode: TOWNSHIP, year: CLOSED, by: 'cli', byName: '测试结账' }));
}, 120000);
afterAll(() => stack?.close());

const history = (kind: RecordKind, id: unknown) => run((db) => historyOf(db, KINDS[kind].collection, String(id)));

/** Everything a refused write could have touched: the records, their history, the requests. */
const everything = () =>
  run(async (db) => {
    const out: Record<string, unknown[]> = {};
    for (const name of ['outreach', 'consultations', 'disputes', 'receptions', 'history', 'requests', 'counters']) out[name] = await readAll(db, name);
    return out;
  });

/** Runs a write expected to be refused as PERIOD_CLOSED, and checks that nothing at all was written. */
async function refusedAsClosed(write: () => Promise<unknown>): Promise<void> {
  const before = await everything();
  await expect(write()).rejects.toMatchObject({ code: 'PERIOD_CLOSED', message: expect.stringContaining(`${CLOSED}年度已由白土乡结账`) });
  expect(await everything()).toEqual(before);
}

describe('creating a record in the app', () => {
  it('should write one history entry: no before, the whole record after', async () => {
    const record = recordOf('outreach', VILLAGE, { date: `${OPEN}-03-01`, attendees: 40 });
    const mediator = await as(MEDIATOR);
    await run((db) => saveRecord(db, mediator, { kind: 'outreach', record }, at(`${OPEN}-03-02`)));
    const entries = await history('outreach', record.id);
    expect(entries.map((e) => [e.action, e.version, e.by])).toEqual([['create', 1, MEDIATOR]]);
    expect(entries[0].before).toBeNull();
    expect(entries[0].after).toMatchObject({ orgCode: VILLAGE, date: `${OPEN}-03-01`, attendees: 40, topic: record.topic, deleted: false });
  });

  it('should refuse a record dated in a closed year as PERIOD_CLOSED, writing nothing', async () => {
    const mediator = await as(MEDIATOR);
    const record = recordOf('outreach', VILLAGE, { date: `${CLOSED}-09-01` });
    await refusedAsClosed(() => run((db) => saveRecord(db, mediator, { kind: 'outreach', record }, at(`${OPEN}-01-05`))));
  });
});

describe('editing a record in the app', () => {
  it('should write one history entry per edit, with only the fields it changed', async () => {
    const mediator = await as(MEDIATOR);
    const record = recordOf('consultation', VILLAGE, { date: `${OPEN}-04-01`, people: 2 });
    const now = at(`${OPEN}-04-02`);
    await run((db) => saveRecord(db, mediator, { kind: 'consultation', record }, now));
    await run((db) => saveRecord(db, mediator, { kind: 'consultation', record: { ...record, people: 3 }, baseVersion: 1 }, now));
    await run((db) => saveRecord(db, mediator, { kind: 'consultation', record: { ...record, people: 3, answeredBy: '周海燕' }, baseVersion: 2 }, now));
    // An identical resend is no change: no entry.
    await run((db) => saveRecord(db, mediator, { kind: 'consultation', record: { ...record, people: 3, answeredBy: '周海燕' }, baseVersion: 2 }, now));
    const entries = await history('consultation', record.id);
    expect(entries.map((e) => [e.action, e.version, e.before, e.after])).toEqual([
      ['create', 1, null, expect.objectContaining({ people: 2 })],
      ['update', 2, { people: 2 }, { people: 3 }],
      ['update', 3, { answeredBy: record.answeredBy }, { answeredBy: '周海燕' }],
    ]);
  });

  it('should refuse an edit of a record of a closed year as PERIOD_CLOSED, writing nothing', async () => {
    const admin = await as(ADMIN);
    const edited = { ...closedRecords.edit, attendees: 99 };
    await refusedAsClosed(() => run((db) => saveRecord(db, admin, { kind: 'outreach', record: edited, baseVersion: 1 }, at(`${OPEN}-01-05`))));
  });

  it('should refuse moving a record of an open year into a closed one, writing nothing', async () => {
    const mediator = await as(MEDIATOR);
    const record = recordOf('outreach', VILLAGE, { date: `${OPEN}-05-01` });
    await run((db) => saveRecord(db, mediator, { kind: 'outreach', record }, at(`${OPEN}-05-02`)));
    const moved = { ...record, date: `${CLOSED}-05-01` };
    await refusedAsClosed(() => run((db) => saveRecord(db, mediator, { kind: 'outreach', record: moved, baseVersion: 1 }, at(`${OPEN}-05-03`))));
  });
});

describe('deleting and restoring a record in the app', () => {
  it('should write one history entry each, with only the delete mark', async () => {
    const admin = await as(ADMIN);
    const record = recordOf('study', VILLAGE, { date: `${OPEN}-06-01` });
    const now = at(`${OPEN}-06-02`);
    await run((db) => saveRecord(db, admin, { kind: 'study', record }, now));
    await run((db) => setDeleted(db, admin, { kind: 'study', id: String(record.id), baseVersion: 1, deleted: true }, now));
    await run((db) => setDeleted(db, admin, { kind: 'study', id: String(record.id), baseVersion: 2, deleted: false }, now));
    // A resent restore changes nothing.
    await run((db) => setDeleted(db, admin, { kind: 'study', id: String(record.id), baseVersion: 2, deleted: false }, now));
    const entries = await history('study', record.id);
    expect(entries.slice(1).map((e) => [e.action, e.version, e.before, e.after])).toEqual([
      ['delete', 2, { deleted: false }, { deleted: true }],
      ['restore', 3, { deleted: true }, { deleted: false }],
    ]);
    expect(entries).toHaveLength(3);
  });

  it('should refuse deleting a record of a closed year as PERIOD_CLOSED, writing nothing', async () => {
    const admin = await as(ADMIN);
    await refusedAsClosed(() =>
      run((db) => setDeleted(db, admin, { kind: 'consultation', id: String(closedRecords.remove.id), baseVersion: 1, deleted: true }, at(`${OPEN}-01-05`))),
    );
  });

  it('should refuse restoring a record of a closed year as PERIOD_CLOSED, writing nothing', async () => {
    const admin = await as(ADMIN);
    await refusedAsClosed(() =>
      run((db) => setDeleted(db, admin, { kind: 'reception', id: String(closedRecords.restore.id), baseVersion: 2, deleted: false }, at(`${OPEN}-01-05`))),
    );
  });
});

describe('turning a resident request into a case', () => {
  let keys = 0;
  const submit = (now: Date) => {
    keys += 1;
    const request = {
      key: `storekey${String(keys).padStart(16, '0')}`,
      kind: '调解',
      villageCode: VILLAGE,
      name: '王秀兰',
      phone: '139 0812 3456',
      description: `邻居家修房子把排水沟堵了，下雨就淹到我家院坝（第${keys}次）。`,
      consent: true,
    };
    return run((db) => submitRequest(db, { openid: '', address: `10.0.0.${keys}` }, request, now));
  };

  it('should write the case with one history entry, as a record created in the app', async () => {
    const now = at(`${OPEN}-07-01`);
    const { ref } = await submit(now);
    const mediator = await as(MEDIATOR);
    const answer = await run((db) => convertRequest(db, mediator, ref, { as: 'dispute' }, now));
    const entries = await history('dispute', answer.case.id);
    expect(entries.map((e) => [e.action, e.version, e.by, e.before])).toEqual([['create', 1, MEDIATOR, null]]);
    expect(entries[0].after).toMatchObject({ orgCode: VILLAGE, acceptDate: `${OPEN}-07-01`, state: '受理', deleted: false });
  });

  it('should refuse a case dated in a closed year as PERIOD_CLOSED, writing neither the case nor the request', async () => {
    const now = at(`${CLOSED}-10-01`);
    const { ref } = await submit(now);
    const mediator = await as(MEDIATOR);
    await refusedAsClosed(() => run((db) => convertRequest(db, mediator, ref, { as: 'dispute' }, now)));
  });
});

describe('importing a ledger', () => {
  it('should write one history entry per new row, and one per changed row with only what changed', async () => {
    const now = at(`${OPEN}-08-01`);
    const first = await run((db) =>
      importLedger(
        db,
        [
          outreachSheet([
            ['PF-STORE-1', `${OPEN}-02-01`, '10'],
            ['PF-STORE-2', `${OPEN}-02-02`, '20'],
          ]),
        ],
        { ...OPERATOR, now },
      ),
    );
    expect(first.problems).toEqual([]);
    const changed = await run((db) =>
      importLedger(
        db,
        [
          outreachSheet([
            ['PF-STORE-1', `${OPEN}-02-01`, '15'],
            ['PF-STORE-2', `${OPEN}-02-02`, '20'],
          ]),
        ],
        { ...OPERATOR, now },
      ),
    );
    expect(changed.sheets[0]).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    const one = await history('outreach', 'PF-STORE-1');
    expect(one.map((e) => [e.action, e.version, e.by, e.before, e.after])).toEqual([
      ['import', 1, OPERATOR.by, null, expect.objectContaining({ materials: 10, date: `${OPEN}-02-01`, deleted: false })],
      ['import', 2, OPERATOR.by, { materials: 10 }, { materials: 15 }],
    ]);
    expect((await history('outreach', 'PF-STORE-2')).map((e) => [e.action, e.version])).toEqual([['import', 1]]);
  });

  it('should refuse a new row dated in a closed year, naming it, and write nothing', async () => {
    const before = await everything();
    const report = await run((db) =>
      importLedger(
        db,
        [
          outreachSheet([
            ['PF-STORE-3', `${OPEN}-02-03`, '5'],
            ['PF-STORE-4', `${CLOSED}-02-03`, '5'],
          ]),
        ],
        OPERATOR,
      ),
    );
    expect(report).toMatchObject({ ok: false, written: false });
    expect(report.problems).toEqual([expect.objectContaining({ sheet: '普法活动', row: 3, message: expect.stringContaining(`${CLOSED}年度已由白土乡结账`) })]);
    expect(await everything()).toEqual(before);
  });

  it('should refuse a changed row of a closed year, naming it, and write nothing', async () => {
    const before = await everything();
    const report = await run((db) => importLedger(db, [outreachSheet([[IMPORTED_CLOSED, `${CLOSED}-03-03`, '41']])], OPERATOR));
    expect(report).toMatchObject({ ok: false, written: false });
    expect(report.problems).toEqual([expect.objectContaining({ sheet: '普法活动', row: 2, message: expect.stringContaining(`${CLOSED}年度已由白土乡结账`) })]);
    expect(await everything()).toEqual(before);
  });
});
