/**
 * The authorization matrix: every function × every role × a target inside and outside the role's
 * scope, each cell one test asserting the exact outcome. Allowed: the answer has no error and shows
 * the effect. Refused: the exact error code, and the stored record (or invite, or account) is what it
 * was before the call.
 *
 * Targets (see UNIT_OF / recorderOf below):
 *   self — the caller themselves (session);
 *   own  — a record the caller logged in their own unit;
 *   in   — the caller's own unit (a record there logged by someone else);
 *   near — another village of 白土乡 (outside a village worker's scope, inside the township's);
 *   out  — another township (其他乡); for the county viewer another county (其他区).
 * The expectations follow cloudfunctions/lib/records/policy.ts and DESIGN.md ("A person sees and
 * changes only what their role and unit allow").
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { ACTOR, HOME, UNIT, WORLD, buildWorld, idOf, must, recordOf, seed, stored, storedHistory, thisYear, type Role } from '../../helpers/records-world';
import type { RecordKind } from '../../../src/domain/records/kinds';
import type { RecordPage, RecordView, SessionAnswer, TodoItem } from '../../../src/domain/api';
import { hashCode } from '../../../cloudfunctions/lib/invites';
import {
  AB,
  FB,
  HIDDEN,
  NA,
  NB,
  NW,
  OK,
  OS,
  cellsOf,
  playCell,
  type Cell as MatrixCell,
  type Line as MatrixLine,
  type Scene as MatrixScene,
  type Target,
} from '../../helpers/matrix';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
  await buildWorld(stack);
}, 60000);
afterAll(() => stack?.stop());

type Op =
  | 'session.whoami'
  | 'session.bind'
  | 'records.create'
  | 'records.update'
  | 'records.get'
  | 'records.list'
  | 'records.remove'
  | 'records.restore'
  | 'records.history'
  | 'records.todo'
  | 'figures.get'
  | 'admin.issueInvite';
type Line = MatrixLine<Op, RecordKind>;
type Cell = MatrixCell<Op, RecordKind>;

/** Rows for the edit-like actions, the same for a personal kind (dispute) and a plain one (outreach). */
function changeRows(op: Op, kind: RecordKind): Line[] {
  return [
    //               村民 法律明白人 人民调解员 村干部 乡镇管理员 县级查看
    [op, kind, 'own', NA, OK, OK, OK, OK, NA],
    [op, kind, 'in', NB, FB, FB, FB, OK, FB],
    [op, kind, 'near', NB, OS, OS, OS, OK, FB],
    // The county viewer may not write at all: update refuses on the role before looking at the unit;
    // remove and restore look at the record first.
    [op, kind, 'out', NB, OS, OS, OS, OS, op === 'records.update' ? FB : OS],
  ];
}

function readRows(kind: RecordKind): Line[] {
  return [
    //                                 村民 法律明白人 人民调解员 村干部 乡镇管理员 县级查看
    ['records.get', kind, 'own', NA, OK, OK, OK, OK, NA],
    ['records.get', kind, 'in', NB, OK, OK, OK, OK, OK],
    ['records.get', kind, 'near', NB, OS, OS, OS, OK, OK],
    ['records.get', kind, 'out', NB, OS, OS, OS, OS, OS],
    ['records.list', kind, 'in', NB, OK, OK, OK, OK, OK],
    ['records.list', kind, 'near', NB, OS, OS, OS, OK, OK],
    ['records.list', kind, 'out', NB, OS, OS, OS, OS, OS],
    // History (who changed what) is for township admins only.
    ['records.history', kind, 'own', NA, FB, FB, FB, OK, NA],
    ['records.history', kind, 'in', NB, FB, FB, FB, OK, FB],
    ['records.history', kind, 'near', NB, OS, OS, OS, OK, FB],
    ['records.history', kind, 'out', NB, OS, OS, OS, OS, OS],
  ];
}

// prettier-ignore
const TABLE: Line[] = [
  //  function.action      kind            target   村民 法律明白人 人民调解员 村干部 乡镇管理员 县级查看
  ['session.whoami',      '',             'self',  OK,  OK,       OK,       OK,    OK,       OK],
  ['session.bind',        '',             'self',  NW,  AB,       AB,       AB,    AB,       AB],
  // Who logs what (policy.ts WRITE_ROLES): field work by everyone bound except the county viewer,
  // petitions by case workers, receptions and study by cadres and admins, roster and 其他指标 by admins.
  ['records.create',      'outreach',     'in',    NB,  OK,       OK,       OK,    OK,       FB],
  ['records.create',      'outreach',     'near',  NB,  OS,       OS,       OS,    OK,       FB],
  ['records.create',      'outreach',     'out',   NB,  OS,       OS,       OS,    OS,       FB],
  ['records.create',      'consultation', 'in',    NB,  OK,       OK,       OK,    OK,       FB],
  ['records.create',      'consultation', 'out',   NB,  OS,       OS,       OS,    OS,       FB],
  ['records.create',      'dispute',      'in',    NB,  OK,       OK,       OK,    OK,       FB],
  ['records.create',      'dispute',      'near',  NB,  OS,       OS,       OS,    OK,       FB],
  ['records.create',      'dispute',      'out',   NB,  OS,       OS,       OS,    OS,       FB],
  ['records.create',      'petition',     'in',    NB,  FB,       OK,       OK,    OK,       FB],
  ['records.create',      'petition',     'out',   NB,  FB,       OS,       OS,    OS,       FB],
  ['records.create',      'reception',    'in',    NB,  FB,       FB,       OK,    OK,       FB],
  ['records.create',      'reception',    'out',   NB,  FB,       FB,       OS,    OS,       FB],
  ['records.create',      'study',        'in',    NB,  FB,       FB,       OK,    OK,       FB],
  ['records.create',      'study',        'out',   NB,  FB,       FB,       OS,    OS,       FB],
  ['records.create',      'person',       'in',    NB,  FB,       FB,       FB,    OK,       FB],
  ['records.create',      'person',       'out',   NB,  FB,       FB,       FB,    OS,       FB],
  ['records.create',      'manualFigure', 'in',    NB,  FB,       FB,       FB,    OK,       FB],
  ['records.create',      'manualFigure', 'out',   NB,  FB,       FB,       FB,    OS,       FB],
  ...changeRows('records.update', 'dispute'),
  ...changeRows('records.update', 'outreach'),
  ...changeRows('records.remove', 'dispute'),
  ...changeRows('records.remove', 'outreach'),
  ...changeRows('records.restore', 'dispute'),
  ...changeRows('records.restore', 'outreach'),
  ...readRows('dispute'),
  ...readRows('outreach'),
  // 我的待办 is for the people who work cases; it lists the cases of their own scope only.
  ['records.todo',        '',             'in',    NB,  FB,       OK,       OK,    OK,       FB],
  ['records.todo',        '',             'out',   NB,  FB,       HIDDEN,   HIDDEN, HIDDEN,  FB],
  // Figures are read by cadres (their village), admins (their township) and the county viewer.
  ['figures.get',         '',             'in',    NB,  FB,       FB,       OK,    OK,       OK],
  ['figures.get',         '',             'near',  NB,  FB,       FB,       OS,    OK,       OK],
  ['figures.get',         '',             'out',   NB,  FB,       FB,       OS,    OS,       OS],
  ['admin.issueInvite',   '',             'in',    NB,  FB,       FB,       FB,    OK,       FB],
  ['admin.issueInvite',   '',             'near',  NB,  FB,       FB,       FB,    OK,       FB],
  ['admin.issueInvite',   '',             'out',   NB,  FB,       FB,       FB,    OS,       FB],
];

/** The unit a target lies in, per role (own = in). */
const UNIT_OF: Record<Role, Record<'in' | 'near' | 'out', string>> = {
  村民: { in: UNIT.baituVillage, near: UNIT.shabaVillage, out: UNIT.otherVillage },
  法律明白人: { in: UNIT.santangVillage, near: UNIT.baituVillage, out: UNIT.otherVillage },
  人民调解员: { in: UNIT.baituVillage, near: UNIT.shabaVillage, out: UNIT.otherVillage },
  村干部: { in: UNIT.baituVillage, near: UNIT.shabaVillage, out: UNIT.otherVillage },
  乡镇管理员: { in: UNIT.township, near: UNIT.baituVillage, out: UNIT.otherVillage },
  县级查看: { in: UNIT.township, near: UNIT.baituVillage, out: UNIT.farVillage },
};
const unitOf = (role: Role, target: Target): string => UNIT_OF[role][target === 'own' || target === 'self' ? 'in' : target];

/** The same role in 其他乡, who logs that township's records. */
const OTHER_OF: Partial<Record<Role, string>> = {
  法律明白人: WORLD.otherFlmbr,
  人民调解员: WORLD.otherMediator,
  村干部: WORLD.otherCadre,
  乡镇管理员: WORLD.otherAdmin,
};

/** Who logged the target record: the caller (own), someone else of the unit, or of the other unit. */
function recorderOf(role: Role, target: Target): string {
  if (target === 'own') return ACTOR[role] as string;
  if (target === 'out') return role === '县级查看' ? WORLD.farAdmin : (OTHER_OF[role] ?? WORLD.otherAdmin);
  if (role === '乡镇管理员') return target === 'in' ? WORLD.secondAdmin : DEMO.mediator;
  return DEMO.admin;
}

const CELLS = cellsOf(TABLE);

type Scene = MatrixScene<Cell>;

const EDIT: Partial<Record<RecordKind, Record<string, unknown>>> = {
  dispute: { description: '双方同意下周再到村委会协商' },
  outreach: { topic: '反电信网络诈骗宣传' },
};
const LIST_DAY = () => `${thisYear()}-01-01`;

async function recordState(kind: RecordKind, id: string) {
  const db = await stack.db();
  return { record: await stored(db, kind, id), history: await storedHistory(db, kind, id) };
}

/** Seeds the cell's target record (logged by recorderOf) and answers it. */
async function target(cell: Cell, overrides: Record<string, unknown> = {}) {
  const kind = cell.kind as RecordKind;
  const record = recordOf(kind, unitOf(cell.role, cell.target), overrides);
  await seed(stack, recorderOf(cell.role, cell.target), kind, record);
  return { kind, record, id: idOf(kind, record) };
}

async function issue(orgCode: string) {
  const answer = await stack.call<{ invite: { code: string } }>(
    'admin',
    { action: 'issueInvite', name: '新来的明白人', role: '法律明白人', orgCode },
    DEMO.admin,
  );
  return answer.invite.code;
}

const STAGES: Record<Op, (cell: Cell) => Promise<Scene>> = {
  async 'session.whoami'(cell) {
    return {
      fn: 'session',
      data: { action: 'whoami' },
      async shows(answer) {
        const { me } = answer as unknown as SessionAnswer;
        if (cell.role === '村民') expect(me).toBeNull();
        else expect(me).toMatchObject({ role: cell.role, org: { code: HOME[cell.role] } });
      },
      state: async () => null,
    };
  },

  async 'session.bind'(cell) {
    const code = await issue(UNIT.baituVillage);
    const db = await stack.db();
    const account = ACTOR[cell.role];
    return {
      fn: 'session',
      data: { action: 'bind', code },
      async shows(answer) {
        expect((answer as unknown as SessionAnswer).me?.role).toBe('法律明白人');
      },
      async state() {
        const invite = (await db.collection('invites').doc(hashCode(code)).get()).data[0];
        const bound = account ? (await db.collection('accounts').doc(account).get()).data[0] : null;
        return { invite, bound };
      },
    };
  },

  async 'records.create'(cell) {
    const kind = cell.kind as RecordKind;
    const record = recordOf(kind, unitOf(cell.role, cell.target));
    const id = idOf(kind, record);
    return {
      fn: 'records',
      data: { action: 'create', kind, record },
      async shows(answer) {
        const view = answer.record as RecordView;
        expect(view).toMatchObject({ kind, id, orgCode: record.orgCode, version: 1, deleted: false });
        expect((await recordState(kind, id)).record).toMatchObject({ recordedBy: ACTOR[cell.role], version: 1 });
      },
      state: () => recordState(kind, id),
    };
  },

  async 'records.update'(cell) {
    const { kind, record, id } = await target(cell);
    const edit = EDIT[kind] as Record<string, unknown>;
    return {
      fn: 'records',
      data: { action: 'update', kind, record: { ...record, ...edit }, baseVersion: 1 },
      async shows(answer) {
        expect(answer.record).toMatchObject({ id, version: 2, ...edit });
        const now = await recordState(kind, id);
        expect(now.record).toMatchObject({ version: 2, ...edit });
        expect(now.history.map((entry) => entry.action)).toEqual(['create', 'update']);
      },
      state: () => recordState(kind, id),
    };
  },

  async 'records.get'(cell) {
    const { kind, id } = await target(cell);
    return {
      fn: 'records',
      data: { action: 'get', kind, id },
      async shows(answer) {
        expect(answer.record).toMatchObject({ kind, id, version: 1 });
      },
      state: () => recordState(kind, id),
    };
  },

  async 'records.list'(cell) {
    const day = LIST_DAY();
    const dateField = cell.kind === 'dispute' ? 'acceptDate' : 'date';
    const { kind, id, record } = await target(cell, { [dateField]: day });
    return {
      fn: 'records',
      data: { action: 'list', kind, org: record.orgCode, period: `${day}..${day}`, limit: 100 },
      async shows(answer) {
        const page = answer as unknown as RecordPage;
        expect(page.items.map((item) => item.id)).toContain(id);
        expect(page.total).toBeGreaterThanOrEqual(1);
      },
      state: () => recordState(kind, id),
    };
  },

  async 'records.remove'(cell) {
    const { kind, id } = await target(cell);
    return {
      fn: 'records',
      data: { action: 'remove', kind, id, baseVersion: 1 },
      async shows(answer) {
        expect(answer.record).toMatchObject({ id, deleted: true, version: 2 });
        expect((await recordState(kind, id)).record).toMatchObject({ deleted: true, version: 2 });
      },
      state: () => recordState(kind, id),
    };
  },

  async 'records.restore'(cell) {
    const { kind, id } = await target(cell);
    await must(stack, recorderOf(cell.role, cell.target), { action: 'remove', kind, id, baseVersion: 1 });
    return {
      fn: 'records',
      data: { action: 'restore', kind, id, baseVersion: 2 },
      async shows(answer) {
        expect(answer.record).toMatchObject({ id, deleted: false, version: 3 });
        expect((await recordState(kind, id)).record).toMatchObject({ deleted: false, version: 3 });
      },
      state: () => recordState(kind, id),
    };
  },

  async 'records.history'(cell) {
    const { kind, id } = await target(cell);
    return {
      fn: 'records',
      data: { action: 'history', kind, id },
      async shows(answer) {
        expect((answer.history as { action: string }[]).map((entry) => entry.action)).toEqual(['create']);
      },
      state: () => recordState(kind, id),
    };
  },

  async 'records.todo'(cell) {
    const { kind, id } = await target({ ...cell, kind: 'dispute' });
    return {
      fn: 'records',
      data: { action: 'todo' },
      async shows(answer, { outcome }) {
        const ids = (answer.todo as TodoItem[]).map((item) => item.id);
        if (outcome === HIDDEN) expect(ids).not.toContain(id);
        else expect(ids).toContain(id);
      },
      state: () => recordState(kind, id),
    };
  },

  async 'figures.get'(cell) {
    const org = unitOf(cell.role, cell.target);
    return {
      fn: 'figures',
      data: { action: 'get', org, period: String(thisYear()), ids: ['outreach.events'] },
      async shows(answer) {
        expect(answer).toMatchObject({ org, period: String(thisYear()) });
        expect(typeof (answer.figures as Record<string, unknown>)['outreach.events']).toBe('number');
      },
      state: async () => null,
    };
  },

  async 'admin.issueInvite'(cell) {
    const orgCode = unitOf(cell.role, cell.target);
    const db = await stack.db();
    return {
      fn: 'admin',
      data: { action: 'issueInvite', name: '新来的调解员', role: '人民调解员', orgCode },
      async shows(answer) {
        const { code } = answer.invite as { code: string };
        expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
        const invite = (await db.collection('invites').doc(hashCode(code)).get()).data[0];
        expect(invite).toMatchObject({ role: '人民调解员', orgCode, issuedBy: DEMO.admin });
        expect(invite.usedBy).toBeUndefined();
      },
      state: async () => (await db.collection('invites').count()).total,
    };
  },
};

describe('the authorization matrix', () => {
  it.each(CELLS)('$title', async (cell) => {
    await playCell(stack, await STAGES[cell.op](cell), cell);
  });
});

describe('the second township itself', () => {
  it('should let the people of 其他乡 work in their own township as 白土乡 people do in theirs', async () => {
    const record = recordOf('dispute', UNIT.otherVillage);
    const created = await seed(stack, WORLD.otherFlmbr, 'dispute', record);
    expect(created).toMatchObject({ orgName: '其他村', masked: false });
    const asMediator = await stack.call<{ record: RecordView }>('records', { action: 'get', kind: 'dispute', id: created.id }, WORLD.otherMediator);
    expect(asMediator.record).toMatchObject({ id: created.id, masked: true });
    const edited = await stack.call<{ record: RecordView }>(
      'records',
      { action: 'update', kind: 'dispute', record: { ...record, state: '调解中' }, baseVersion: 1 },
      WORLD.otherAdmin,
    );
    expect(edited.record).toMatchObject({ state: '调解中', version: 2 });
    const todo = await stack.call<{ todo: TodoItem[] }>('records', { action: 'todo' }, WORLD.otherCadre);
    expect(todo.todo.map((item) => item.id)).toContain(created.id);
    const county = await stack.call<{ figures: Record<string, number> }>(
      'figures',
      { action: 'get', org: UNIT.farTownship, period: String(thisYear()) },
      WORLD.otherCounty,
    );
    expect(county.figures).toBeDefined();
  });
});
