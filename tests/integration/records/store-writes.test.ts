/**
 * Every path that writes a record goes through the record store (cloudfunctions/lib/store): created,
 * edited, deleted and restored in the app (one at a time or in the outbox's batch), made from a
 * resident's request, imported new or changed from a ledger, a roster entry's contact settings set by
 * the township admin. Each writes exactly one history entry per change, holding only the fields the
 * change changed; and each refuses a change dated in a closed year as PERIOD_CLOSED, writing nothing.
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
import { saveBatch } from '../../../cloudfunctions/lib/records/batch';
import type { RecordWrite } from '../../../src/domain/contract/records';
import { setContact } from '../../../cloudfunctions/lib/public/manage';
import { readOne } from '../../../cloudfunctions/lib/cloudbase';
import { importRows } from '../../../cloudfunctions/lib/store/import';
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
const CADRE = 'o-store-cadre';
/** 乡镇管理员 of another township: in role, out of scope. */
const OTHER_ADMIN = 'o-store-other-admin';
const OTHER_TOWNSHIP = '500114214';
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
  /** Serving since before the closed year: in its roster snapshot. */
  adviser: recordOf('person', VILLAGE, { name: '陈律师', role: '法律顾问', phone: '13912345678', startDate: `${CLOSED - 2}-01-01` }),
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
    await db.collection('accounts').doc(CADRE).set({ name: '罗德明', role: '村干部', orgCode: VILLAGE });
    await db
      .collection('orgs')
      .doc(OTHER_TOWNSHIP)
      .set({ code: OTHER_TOWNSHIP, name: '邻乡', level: '乡镇', parentCode: '500114', path: ['500114', OTHER_TOWNSHIP] });
    await db.collection('accounts').doc(OTHER_ADMIN).set({ name: '邻乡管理员', role: '乡镇管理员', orgCode: OTHER_TOWNSHIP });
  });
  const admin = await as(ADMIN);
  const written = at(`${CLOSED}-08-01`);
  for (const [kind, record] of [
    ['outreach', closedRecords.edit],
    ['consultation', closedRecords.remove],
    ['reception', closedRecords.restore],
    ['person', closedRecords.adviser],
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
    for (const name of ['outreach', 'consultations', 'disputes', 'receptions', 'people', 'history', 'requests', 'counters'])
      out[name] = await readAll(db, name);
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

  it('should name a row of a closed year in a dry run too, before anything is written', async () => {
    const before = await everything();
    const report = await run((db) => importLedger(db, [outreachSheet([['PF-STORE-5', `${CLOSED}-04-04`, '5']])], { ...OPERATOR, dryRun: true }));
    expect(report).toMatchObject({ ok: false, dryRun: true, written: false });
    expect(report.problems).toEqual([expect.objectContaining({ sheet: '普法活动', row: 2, message: expect.stringContaining(`${CLOSED}年度已由白土乡结账`) })]);
    expect(await everything()).toEqual(before);
  });

  it('should be refused by the store itself when a row of a closed year reaches it, writing nothing of its batch', async () => {
    // The import plans against the closes it reads first; a close it could not see (a race) is the
    // store's to refuse, in the batch's own transaction.
    const rowOf = (id: string, date: string) => {
      const { id: _clientId, ...fields } = recordOf('outreach', VILLAGE, { date });
      return {
        kind: 'outreach' as const,
        id,
        units: [VILLAGE],
        rollups: [],
        township: TOWNSHIP,
        apply: () => ({ content: { ...fields, _id: id, orgCode: VILLAGE, orgPath: ['500114', TOWNSHIP, VILLAGE] } }),
      };
    };
    const before = await everything();
    const rows = [rowOf('PF-STORE-6', `${OPEN}-04-05`), rowOf('PF-STORE-7', `${CLOSED}-04-05`)];
    await expect(run((db) => importRows(db, rows, { openid: OPERATOR.by, name: OPERATOR.byName }, at(`${OPEN}-04-06`)))).rejects.toMatchObject({
      code: 'PERIOD_CLOSED',
    });
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

describe('a batch of writes from the outbox', () => {
  const batchAs = async (openid: string, writes: RecordWrite[], now: Date) => {
    const caller = await as(openid);
    return run((db) => saveBatch(db, caller, writes, now));
  };

  it('should write one history entry per write, as the single path does', async () => {
    const first = recordOf('outreach', VILLAGE, { date: `${OPEN}-09-01` });
    const second = recordOf('consultation', VILLAGE, { date: `${OPEN}-09-02` });
    const writes: RecordWrite[] = [
      { action: 'create', kind: 'outreach', record: first },
      { action: 'create', kind: 'consultation', record: second },
      { action: 'update', kind: 'outreach', record: { ...first, attendees: 77 }, baseVersion: 1 },
    ];
    const answers = await batchAs(MEDIATOR, writes, at(`${OPEN}-09-03`));
    expect(answers.map((a) => ('record' in a ? a.record.version : a.error.code))).toEqual([1, 1, 2]);
    expect((await history('outreach', first.id)).map((e) => [e.action, e.version, e.before])).toEqual([
      ['create', 1, null],
      ['update', 2, { attendees: first.attendees }],
    ]);
    expect((await history('consultation', second.id)).map((e) => [e.action, e.version])).toEqual([['create', 1]]);
  });

  it('should answer PERIOD_CLOSED for a write of a closed year, writing nothing for it, and save the others', async () => {
    const open = recordOf('outreach', VILLAGE, { date: `${OPEN}-09-04` });
    const closed = recordOf('outreach', VILLAGE, { date: `${CLOSED}-09-04` });
    const writes: RecordWrite[] = [
      { action: 'create', kind: 'outreach', record: closed },
      { action: 'create', kind: 'outreach', record: open },
    ];
    const answers = await batchAs(MEDIATOR, writes, at(`${OPEN}-09-05`));
    expect(answers.map((a) => ('record' in a ? 'saved' : a.error.code))).toEqual(['PERIOD_CLOSED', 'saved']);
    expect(await run((db) => readOne(db, 'outreach', String(closed.id)))).toBeNull();
    expect(await history('outreach', closed.id)).toEqual([]);
    expect(await history('outreach', open.id)).toHaveLength(1);
  });
});

describe("setting a roster entry's contact settings (the township admin's 联系方式)", () => {
  const person = (id: unknown) => run((db) => readOne<Record<string, unknown>>(db, 'people', String(id)));

  it('should write one history entry per change, with only the settings it changed; a resend none', async () => {
    const admin = await as(ADMIN);
    const record = recordOf('person', VILLAGE, { name: '刘芳春', role: '人民调解员', phone: '13812340000', startDate: `${OPEN}-01-01` });
    const now = at(`${OPEN}-10-01`);
    await run((db) => saveRecord(db, admin, { kind: 'person', record }, now));
    const published = await run((db) => setContact(db, admin, String(record.id), { publishPhone: true }, now));
    expect(published).toMatchObject({ personId: record.id, publishPhone: true, phone: record.phone });
    await run((db) => setContact(db, admin, String(record.id), { publishPhone: true }, now));
    await run((db) => setContact(db, admin, String(record.id), { serviceHours: ' 每周三上午 ' }, now));
    await run((db) => setContact(db, admin, String(record.id), { serviceHours: '' }, now));
    const entries = await history('person', record.id);
    expect(entries.map((e) => [e.action, e.version, e.by, e.before, e.after])).toEqual([
      ['create', 1, ADMIN, null, expect.objectContaining({ name: '刘芳春' })],
      ['update', 2, ADMIN, { publishPhone: null }, { publishPhone: true }],
      ['update', 3, ADMIN, { serviceHours: null }, { serviceHours: '每周三上午' }],
      ['update', 4, ADMIN, { serviceHours: '每周三上午' }, { serviceHours: null }],
    ]);
    expect(await person(record.id)).toMatchObject({ version: 4, publishPhone: true, recordedBy: ADMIN });
  });

  it('should keep the settings through an edit of the entry in the app, which records only what it changed', async () => {
    const admin = await as(ADMIN);
    const record = recordOf('person', VILLAGE, { name: '何律师', role: '法律顾问', phone: '13812341111', startDate: `${OPEN}-01-01` });
    const now = at(`${OPEN}-10-02`);
    await run((db) => saveRecord(db, admin, { kind: 'person', record }, now));
    await run((db) => setContact(db, admin, String(record.id), { publishPhone: true, serviceHours: '每周五下午' }, now));
    await run((db) => saveRecord(db, admin, { kind: 'person', record: { ...record, phone: '13812342222' }, baseVersion: 2 }, now));
    expect(await person(record.id)).toMatchObject({ version: 3, phone: '13812342222', publishPhone: true, serviceHours: '每周五下午' });
    expect((await history('person', record.id)).map((e) => [e.version, e.before, e.after])).toEqual([
      [1, null, expect.anything()],
      [2, { publishPhone: null, serviceHours: null }, { publishPhone: true, serviceHours: '每周五下午' }],
      [3, { phone: '13812341111' }, { phone: '13812342222' }],
    ]);
  });

  it('should be allowed for someone who served in a closed year: no figure of the year changes', async () => {
    const admin = await as(ADMIN);
    await run((db) => setContact(db, admin, String(closedRecords.adviser.id), { publishPhone: true }, at(`${OPEN}-10-03`)));
    expect((await history('person', closedRecords.adviser.id)).map((e) => [e.action, e.after])).toEqual([
      ['create', expect.anything()],
      ['update', { publishPhone: true }],
    ]);
    // The same person's service dates are the closed year's roster: they stay as they are.
    await refusedAsClosed(() =>
      run((db) =>
        saveRecord(db, admin, { kind: 'person', record: { ...closedRecords.adviser, startDate: `${OPEN}-01-01` }, baseVersion: 2 }, at(`${OPEN}-10-03`)),
      ),
    );
  });

  it.each([
    ['a mediator', MEDIATOR, 'FORBIDDEN'],
    ['a village cadre', CADRE, 'FORBIDDEN'],
    ['another township’s admin', OTHER_ADMIN, 'OUT_OF_SCOPE'],
  ])('should refuse %s, writing nothing', async (_who, openid, code) => {
    const caller = await as(openid);
    const before = await everything();
    const change = run((db) => setContact(db, caller, String(closedRecords.adviser.id), { publishPhone: false }, at(`${OPEN}-10-04`)));
    await expect(change).rejects.toMatchObject({ code });
    expect(await everything()).toEqual(before);
  });
});
