/**
 * The authorization matrix of the supervision function: every action × every role × a target inside
 * and outside the role's scope, each cell one test with the exact outcome. Allowed: no error and the
 * effect shows. Refused: the exact error code, and what the action would change is as it was.
 * Targets: in — the caller's own unit (a village's own month; a township admin's township);
 * near — a village of 白土乡 (for the admin and the county viewer); out — 其他乡 (the county viewer:
 * 远山镇 of another county).
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import {
  ACTOR,
  ROLES,
  UNIT,
  WORLD,
  buildWorld,
  recordOf,
  seed,
  stored,
  storedHistory,
  thisYear,
  today,
  type Answer,
  type Role,
} from '../../helpers/records-world';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
  await buildWorld(stack);
}, 60000);
afterAll(() => stack?.stop());

type Op = 'month' | 'submit' | 'tasks' | 'completeness' | 'settings' | 'saveSettings' | 'remind' | 'reviewQueue' | 'approve' | 'approveMonth' | 'return';
type Target = 'in' | 'near' | 'out';
const OK = 'allowed';
const NB = 'NOT_BOUND';
const FB = 'FORBIDDEN';
const OS = 'OUT_OF_SCOPE';
type Outcome = typeof OK | typeof NB | typeof FB | typeof OS;
type Line = [Op, Target, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

// prettier-ignore
const TABLE: Line[] = [
  //                          村民 法律明白人 人民调解员 村干部 乡镇管理员 县级查看
  // A village's 法律明白人 and 村干部 confirm their own village's month; nobody else files it.
  ['month',        'in',      NB,  OK,       FB,       OK,    FB,       FB],
  ['submit',       'in',      NB,  OK,       FB,       OK,    FB,       FB],
  // Returned records reach everyone who logs; reminders only a village's reporters.
  ['tasks',        'in',      NB,  OK,       OK,       OK,    OK,       FB],
  // Completeness is read like the console: township admins and county viewers, within scope.
  ['completeness', 'in',      NB,  FB,       FB,       FB,    OK,       OK],
  ['completeness', 'near',    NB,  FB,       FB,       FB,    OK,       OK],
  ['completeness', 'out',     NB,  FB,       FB,       FB,    OS,       OS],
  // Settings, reminders and review decisions are the township's own admin's.
  ['settings',     'in',      NB,  FB,       FB,       FB,    OK,       FB],
  ['settings',     'out',     NB,  FB,       FB,       FB,    OS,       FB],
  ['saveSettings', 'in',      NB,  FB,       FB,       FB,    OK,       FB],
  ['saveSettings', 'out',     NB,  FB,       FB,       FB,    OS,       FB],
  ['remind',       'near',    NB,  FB,       FB,       FB,    OK,       FB],
  ['remind',       'out',     NB,  FB,       FB,       FB,    OS,       FB],
  ['reviewQueue',  'in',      NB,  FB,       FB,       FB,    OK,       FB],
  ['reviewQueue',  'out',     NB,  FB,       FB,       FB,    OS,       FB],
  ['approve',      'near',    NB,  FB,       FB,       FB,    OK,       FB],
  ['approve',      'out',     NB,  FB,       FB,       FB,    OS,       FB],
  ['approveMonth', 'near',    NB,  FB,       FB,       FB,    OK,       FB],
  ['approveMonth', 'out',     NB,  FB,       FB,       FB,    OS,       FB],
  ['return',       'near',    NB,  FB,       FB,       FB,    OK,       FB],
  ['return',       'out',     NB,  FB,       FB,       FB,    OS,       FB],
];

/** The unit a target names, per role. */
function unitOf(role: Role, target: Target): string {
  if (target === 'out') return role === '县级查看' ? UNIT.farTownship : UNIT.otherTownship;
  if (target === 'near') return UNIT.baituVillage;
  return role === '县级查看' ? UNIT.county : UNIT.township;
}
const villageOf = (role: Role, target: Target) => (target === 'out' ? (role === '县级查看' ? UNIT.farVillage : UNIT.otherVillage) : UNIT.baituVillage);
/** A village nobody in the matrix reports for (a reported month needs no reminder). */
const remindedVillage = (role: Role, target: Target) => (target === 'out' ? villageOf(role, target) : UNIT.shabaVillage);
/** Who logs a target record there. */
const recorderIn = (village: string) => (village === UNIT.otherVillage ? WORLD.otherFlmbr : village === UNIT.farVillage ? WORLD.farAdmin : DEMO.cadre);

interface Scene {
  data: Record<string, unknown>;
  shows(answer: Answer): Promise<void> | void;
  state(): Promise<unknown>;
}

const month = () => today().slice(0, 7);
/** Any list (answers are parsed JSON from another realm, which `expect.any(Array)` does not take). */
const list = () => expect.arrayContaining([]);
const db = () => stack.db();
async function reportState(village: string) {
  const { data } = await (await db()).collection('monthly_reports').doc(`${village}:${month()}`).get();
  return data;
}
async function settingsState(code: string) {
  const { data } = await (await db()).collection('supervision_settings').doc(code).get();
  return data;
}
async function targetRecord(role: Role, target: Target) {
  const village = villageOf(role, target);
  const record = await seed(stack, recorderIn(village), 'outreach', recordOf('outreach', village));
  const state = async () => ({ record: await stored(await db(), 'outreach', record.id), history: await storedHistory(await db(), 'outreach', record.id) });
  return { record, village, state };
}

const SCENES: Record<Op, (role: Role, target: Target) => Promise<Scene>> = {
  async month() {
    return { data: { action: 'month', month: month() }, shows: (a) => expect(a).toMatchObject({ month: month(), lines: list() }), state: async () => null };
  },
  async submit(role) {
    const village = role === '村干部' ? UNIT.baituVillage : UNIT.santangVillage;
    return {
      data: { action: 'submit', month: month() },
      shows: async (a) => {
        expect(a).toMatchObject({ report: { village: { code: expect.any(String) } } });
        expect(await reportState((a as { village: { code: string } }).village.code)).toHaveLength(1);
      },
      state: () => reportState(village),
    };
  },
  async tasks() {
    return { data: { action: 'tasks' }, shows: (a) => expect(a).toMatchObject({ returned: list(), reminders: list() }), state: async () => null };
  },
  async completeness(role, target) {
    const org = unitOf(role, target);
    return {
      data: { action: 'completeness', org, year: thisYear() },
      shows: (a) => expect(a).toMatchObject({ org: { code: org }, months: list() }),
      state: async () => null,
    };
  },
  async settings(role, target) {
    const org = unitOf(role, target);
    return { data: { action: 'settings', org }, shows: (a) => expect(a).toMatchObject({ settings: { dueDay: expect.any(Number) } }), state: async () => null };
  },
  async saveSettings(role, target) {
    const org = unitOf(role, target);
    const { settings } = await stack.call<{ settings: { version: number } }>(
      'supervision',
      { action: 'settings' },
      target === 'out' ? WORLD.otherAdmin : DEMO.admin,
    );
    return {
      data: { action: 'saveSettings', org, dueDay: 10, review: false, baseVersion: settings.version },
      shows: async (a) => {
        expect(a).toMatchObject({ settings: { dueDay: 10, version: settings.version + 1 } });
        expect(await settingsState(org)).toMatchObject([{ dueDay: 10 }]);
      },
      state: () => settingsState(org),
    };
  },
  async remind(role, target) {
    const village = remindedVillage(role, target);
    const id = `${village}:${month()}`;
    const state = async () => ({ reminder: (await (await db()).collection('reminders').doc(id).get()).data });
    return {
      data: { action: 'remind', village, month: month() },
      shows: async (a) => {
        expect(a).toMatchObject({ reminder: { month: month() } });
        expect((await state()).reminder).toHaveLength(1);
      },
      state,
    };
  },
  async reviewQueue(role, target) {
    const org = unitOf(role, target);
    return { data: { action: 'reviewQueue', org }, shows: (a) => expect(a).toMatchObject({ org: { code: org }, items: list() }), state: async () => null };
  },
  async approve(role, target) {
    const { record, state } = await targetRecord(role, target);
    return {
      data: { action: 'approve', items: [{ kind: 'outreach', id: record.id, version: 1 }] },
      shows: async (a) => {
        expect(a).toMatchObject({ approved: 1 });
        expect((await state()).record).toMatchObject({ reviewState: '已通过' });
      },
      state,
    };
  },
  async approveMonth(role, target) {
    const { village, state } = await targetRecord(role, target);
    // Only records awaiting review are approved by month: mark the target so.
    const stateNow = await state();
    await (await db()).collection('outreach').doc(String(stateNow.record?._id)).update({ reviewState: '待审核' });
    return {
      data: { action: 'approveMonth', village, month: month() },
      shows: async (a) => {
        expect((a as { approved: number }).approved).toBeGreaterThanOrEqual(1);
        expect((await state()).record).toMatchObject({ reviewState: '已通过' });
      },
      state,
    };
  },
  async return(role, target) {
    const { record, state } = await targetRecord(role, target);
    return {
      data: { action: 'return', kind: 'outreach', id: record.id, version: 1, reason: '请补充活动照片' },
      shows: async (a) => {
        expect(a).toMatchObject({ returned: 1 });
        expect((await state()).record).toMatchObject({ reviewState: '退回', reviewReason: '请补充活动照片' });
      },
      state,
    };
  },
};

const CELLS = TABLE.flatMap(([op, target, ...outcomes]) =>
  ROLES.map((role, i) => ({
    op,
    target,
    role,
    outcome: outcomes[i],
    title: `should ${outcomes[i] === OK ? 'allow' : `refuse with ${outcomes[i]}`} ${role}: supervision.${op} ${target}`,
  })),
);

describe('the supervision authorization matrix', () => {
  it.each(CELLS)('$title', async ({ op, target, role, outcome }) => {
    const scene = await SCENES[op](role, target);
    const before = await scene.state();
    const answer = await stack.call<Answer>('supervision', scene.data, ACTOR[role]);
    if (outcome === OK) {
      expect(answer.error).toBeUndefined();
      await scene.shows(answer);
    } else {
      expect(answer.error?.code).toBe(outcome);
      expect(await scene.state()).toEqual(before);
    }
  });
});
