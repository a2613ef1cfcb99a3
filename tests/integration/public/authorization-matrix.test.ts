/**
 * The authorization matrix of residents' services, in the style of records/authorization-matrix:
 * every action of `requests` (the handlers' queue, the township admin's contacts, articles and code
 * images) and of `public` (no sign-in) × every role × a target inside and outside the role's scope.
 * Allowed: no error and the effect shown; refused: the exact code and the stored state unchanged.
 *
 * Targets: in — the caller's own unit (for requests: the caller's village; for a township admin or the
 * county viewer a village of 白土乡); near — another village of 白土乡; out — another township (county
 * viewer: another county). Expectations follow lib/public/requests.ts (HANDLER_ROLES) and manage.ts
 * (乡镇管理员 only); `public` answers everyone alike.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { UNIT, WORLD, buildWorld, newId, recordOf, seed, today, type Role } from '../../helpers/records-world';
import {
  FB,
  HIDDEN,
  NB,
  NE,
  NF,
  OK,
  OS,
  cellsOf,
  playCell,
  type Cell as MatrixCell,
  type Line as MatrixLine,
  type Scene as MatrixScene,
} from '../../helpers/matrix';
import type {
  ContactRow,
  ManagedArticle,
  QueueItem,
  RequestStatusView,
  SubscribeTopic,
  TownshipsAnswer,
  VillageAnswer,
} from '../../../src/domain/public/types';
import { ACTOR } from '../../helpers/records-world';

let stack: AppStack;
/** A published article of 白土乡 (from the demo) and an unpublished one of 其他乡. */
let ownArticle = '';
const otherArticle = {
  id: 'matrix-other-article',
  orgCode: UNIT.otherTownship,
  title: '其他乡的草稿',
  category: '婚姻家庭',
  date: today(),
  body: '草稿正文',
  published: false,
};
/** A roster person of 其他村, whom only 其他乡's admin manages. */
let otherPerson = '';

beforeAll(async () => {
  stack = await startAppStack();
  await buildWorld(stack);
  ownArticle = (await stack.call<VillageAnswer>('public', { action: 'village', code: UNIT.baituVillage })).articles[0].id;
  await stack.call('requests', { action: 'saveArticle', article: otherArticle }, WORLD.otherAdmin);
  otherPerson = (await seed(stack, WORLD.otherAdmin, 'person', recordOf('person', UNIT.otherVillage, { role: '人民调解员', name: '其他村调解员' }))).id;
}, 60000);
afterAll(() => stack?.stop());

// The matrix tests who may do what, not how many requests a village may get in an hour: the stored
// rate-limit counters are cleared before each cell.
beforeEach(async () => {
  const db = await stack.db();
  await db
    .collection('limits')
    .where({ _id: db.command.gte('') })
    .remove();
});

type Op =
  | 'requests.queue'
  | 'requests.accept'
  | 'requests.close'
  | 'requests.convert'
  | 'requests.contacts'
  | 'requests.setContact'
  | 'requests.articles'
  | 'requests.saveArticle'
  | 'requests.villageCode'
  | 'public.townships'
  | 'public.village'
  | 'public.article'
  | 'public.submit'
  | 'public.mine'
  | 'public.templates'
  | 'public.subscribe';
type Cell = MatrixCell<Op, SubscribeTopic>;
type Scene = MatrixScene<Cell>;

/** Rows of the actions on one request: its village's handlers and the township admin only. */
const requestRows = (op: Op): MatrixLine<Op, never>[] => [
  //                 村民 法律明白人 人民调解员 村干部 乡镇管理员 县级查看
  [op, '', 'in', NB, FB, OK, OK, OK, FB],
  [op, '', 'near', NB, FB, OS, OS, OK, FB],
  [op, '', 'out', NB, FB, OS, OS, OS, FB],
];
/** Rows of the township admin's actions on a unit's information. */
const adminRows = (op: Op): MatrixLine<Op, never>[] => [
  [op, '', 'in', NB, FB, FB, FB, OK, FB],
  [op, '', 'near', NB, FB, FB, FB, OK, FB],
  [op, '', 'out', NB, FB, FB, FB, OS, FB],
];

// prettier-ignore
const TABLE: MatrixLine<Op, SubscribeTopic>[] = [
  //  function.action         kind target  村民 法律明白人 人民调解员 村干部 乡镇管理员 县级查看
  ['requests.queue',          '', 'in',    NB,  FB,       OK,       OK,     OK,      FB],
  ['requests.queue',          '', 'near',  NB,  FB,       HIDDEN,   HIDDEN, OK,      FB],
  ['requests.queue',          '', 'out',   NB,  FB,       HIDDEN,   HIDDEN, HIDDEN,  FB],
  ...requestRows('requests.accept'),
  ...requestRows('requests.close'),
  ...requestRows('requests.convert'),
  ...adminRows('requests.contacts'),
  ...adminRows('requests.setContact'),
  ['requests.articles',       '', 'in',    NB,  FB,       FB,       FB,     OK,      FB],
  ['requests.articles',       '', 'out',   NB,  FB,       FB,       FB,     HIDDEN,  FB],
  ['requests.saveArticle',    '', 'in',    NB,  FB,       FB,       FB,     OK,      FB],
  ['requests.saveArticle',    '', 'out',   NB,  FB,       FB,       FB,     OS,      FB],
  ['requests.villageCode',    '', 'in',    NB,  FB,       FB,       FB,     OK,      FB],
  ['requests.villageCode',    '', 'out',   NB,  FB,       FB,       FB,     OS,      FB],
  // Residents' pages answer everyone alike, signed in or not.
  ['public.townships',        '', 'self',  OK,  OK,       OK,       OK,     OK,      OK],
  ['public.village',          '', 'in',    OK,  OK,       OK,       OK,     OK,      OK],
  ['public.village',          '', 'out',   OK,  OK,       OK,       OK,     OK,      OK],
  ['public.article',          '', 'in',    OK,  OK,       OK,       OK,     OK,      OK],
  // An unpublished article is not there for anyone, its own township's admin included (he uses requests.articles).
  ['public.article',          '', 'out',   NF,  NF,       NF,       NF,     NF,      NF],
  ['public.submit',           '', 'in',    OK,  OK,       OK,       OK,     OK,      OK],
  ['public.submit',           '', 'out',   OK,  OK,       OK,       OK,     OK,      OK],
  ['public.mine',             '', 'self',  OK,  OK,       OK,       OK,     OK,      OK],
  ['public.mine',             '', 'out',   HIDDEN, HIDDEN, HIDDEN,  HIDDEN, HIDDEN,  HIDDEN],
  ['public.templates',        '', 'self',  OK,  OK,       OK,       OK,     OK,      OK],
  // Subscribing is the caller's own WeChat user's: none in the browser build.
  ['public.subscribe',  'answer', 'self',  NE,  OK,       OK,       OK,     OK,      OK],
  ['public.subscribe','deadline', 'self',  NE,  OK,       OK,       OK,     OK,      OK],
];
const CELLS = cellsOf(TABLE);

type Where = 'in' | 'near' | 'out';
const where = (cell: Cell): Where => (cell.target === 'self' || cell.target === 'own' ? 'in' : cell.target);

/** The village a request (or a village page) of the target lies in, per role. */
const VILLAGE_OF: Record<Role, Record<Where, string>> = {
  村民: { in: UNIT.baituVillage, near: UNIT.shabaVillage, out: UNIT.otherVillage },
  法律明白人: { in: UNIT.santangVillage, near: UNIT.baituVillage, out: UNIT.otherVillage },
  人民调解员: { in: UNIT.baituVillage, near: UNIT.shabaVillage, out: UNIT.otherVillage },
  村干部: { in: UNIT.baituVillage, near: UNIT.shabaVillage, out: UNIT.otherVillage },
  乡镇管理员: { in: UNIT.baituVillage, near: UNIT.shabaVillage, out: UNIT.otherVillage },
  县级查看: { in: UNIT.baituVillage, near: UNIT.shabaVillage, out: UNIT.farVillage },
};
/** The unit whose contacts a township admin's action targets. */
const CONTACT_UNIT: Record<Where, string> = { in: UNIT.township, near: UNIT.baituVillage, out: UNIT.otherTownship };

const newKey = () => `matrixkey${newId('k').replace(/-/g, '')}`.slice(0, 40);
const form = (villageCode: string, key = newKey()) => ({
  key,
  kind: '调解',
  villageCode,
  name: '王秀兰',
  phone: '13908123456',
  description: `矩阵测试的求助${key.slice(-6)}：邻居家排水沟堵了`,
  consent: true,
});

/** A resident's request in `villageCode`, as a resident without WeChat sends it. */
async function request(villageCode: string): Promise<RequestStatusView> {
  const answer = await stack.call<{ request: RequestStatusView }>('public', { action: 'submit', request: form(villageCode) });
  return answer.request;
}

async function storedRequest(ref: string) {
  const db = await stack.db();
  return (await db.collection('requests').where({ ref }).get()).data[0] as Record<string, unknown>;
}

async function storedDoc(collection: string, id: string) {
  const db = await stack.db();
  return (await db.collection(collection).doc(id).get()).data[0] as Record<string, unknown> | undefined;
}

function moveScene(action: 'accept' | 'close', state: string) {
  return async (cell: Cell): Promise<Scene> => {
    const { ref } = await request(VILLAGE_OF[cell.role][where(cell)]);
    return {
      fn: 'requests',
      data: { action, ref },
      async shows(answer) {
        expect((answer.item as QueueItem).state).toBe(state);
        expect(await storedRequest(ref)).toMatchObject({ state });
      },
      state: () => storedRequest(ref),
    };
  };
}

async function contactPerson(cell: Cell): Promise<string> {
  if (where(cell) === 'out') return otherPerson;
  const { items } = await stack.call<{ items: ContactRow[] }>('requests', { action: 'contacts', org: CONTACT_UNIT[where(cell)] }, DEMO.admin);
  return items[0].personId;
}

const STAGES: Record<Op, (cell: Cell) => Promise<Scene>> = {
  async 'requests.queue'(cell) {
    const { ref } = await request(VILLAGE_OF[cell.role][where(cell)]);
    return {
      fn: 'requests',
      data: { action: 'queue', limit: 100 },
      async shows(answer, { outcome }) {
        const refs = (answer.items as QueueItem[]).map((item) => item.ref);
        if (outcome === HIDDEN) expect(refs).not.toContain(ref);
        else expect(refs).toContain(ref);
      },
      state: () => storedRequest(ref),
    };
  },
  'requests.accept': moveScene('accept', '已受理'),
  'requests.close': moveScene('close', '已办结'),
  async 'requests.convert'(cell) {
    const { ref } = await request(VILLAGE_OF[cell.role][where(cell)]);
    return {
      fn: 'requests',
      data: { action: 'convert', ref },
      async shows(answer) {
        const made = answer.case as { kind: string; id: string };
        expect(made.kind).toBe('dispute');
        expect(await storedDoc('disputes', made.id)).toMatchObject({ parties: [{ name: '王秀兰' }], version: 1 });
        expect(await storedRequest(ref)).toMatchObject({ state: '已转为案件', caseId: made.id });
      },
      state: () => storedRequest(ref),
    };
  },
  async 'requests.contacts'(cell) {
    const org = CONTACT_UNIT[where(cell)];
    return {
      fn: 'requests',
      data: { action: 'contacts', org },
      async shows(answer) {
        const items = answer.items as ContactRow[];
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) expect(item.orgCode.startsWith(org)).toBe(true);
      },
      state: async () => null,
    };
  },
  async 'requests.setContact'(cell) {
    const personId = await contactPerson(cell);
    const serviceHours = `每周三上午 ${newId('h')}`;
    return {
      fn: 'requests',
      data: { action: 'setContact', personId, serviceHours },
      async shows(answer) {
        expect(answer.item).toMatchObject({ personId, serviceHours });
        expect(await storedDoc('people', personId)).toMatchObject({ serviceHours });
      },
      state: () => storedDoc('people', personId),
    };
  },
  async 'requests.articles'() {
    return {
      fn: 'requests',
      data: { action: 'articles' },
      async shows(answer, { outcome }) {
        const ids = (answer.items as ManagedArticle[]).map((item) => item.id);
        expect(ids).toContain(ownArticle);
        if (outcome === HIDDEN) expect(ids).not.toContain(otherArticle.id);
      },
      state: async () => null,
    };
  },
  async 'requests.saveArticle'(cell) {
    const article =
      where(cell) === 'out'
        ? { ...otherArticle, title: '被别的乡镇改掉的标题' }
        : {
            id: `matrix-${newId('a')}`.slice(0, 60),
            orgCode: UNIT.township,
            title: '新发的普法文章',
            category: '婚姻家庭',
            date: today(),
            body: '正文',
            published: true,
          };
    return {
      fn: 'requests',
      data: { action: 'saveArticle', article },
      async shows(answer) {
        expect(answer.item).toMatchObject({ id: article.id, version: 1 });
        expect(await storedDoc('articles', article.id)).toMatchObject({ orgCode: UNIT.township, title: article.title });
      },
      state: () => storedDoc('articles', article.id),
    };
  },
  async 'requests.villageCode'(cell) {
    const code = where(cell) === 'out' ? UNIT.otherVillage : UNIT.baituVillage;
    return {
      fn: 'requests',
      data: { action: 'villageCode', code },
      async shows(answer) {
        expect(answer).toMatchObject({ village: { code }, scene: code });
      },
      state: async () => null,
    };
  },
  async 'public.townships'() {
    return {
      fn: 'public',
      data: { action: 'townships' },
      async shows(answer) {
        expect((answer as unknown as TownshipsAnswer).townships.map((t) => t.name)).toContain('白土乡');
      },
      state: async () => null,
    };
  },
  async 'public.village'(cell) {
    const code = VILLAGE_OF[cell.role][where(cell)];
    return {
      fn: 'public',
      data: { action: 'village', code },
      async shows(answer) {
        expect((answer as unknown as VillageAnswer).village.code).toBe(code);
      },
      state: async () => null,
    };
  },
  async 'public.article'(cell) {
    const id = where(cell) === 'out' ? otherArticle.id : ownArticle;
    return {
      fn: 'public',
      data: { action: 'article', id },
      async shows(answer) {
        expect(answer.article).toMatchObject({ id, townshipName: '白土乡' });
      },
      state: () => storedDoc('articles', id),
    };
  },
  async 'public.submit'(cell) {
    const request = form(VILLAGE_OF[cell.role][where(cell)]);
    return {
      fn: 'public',
      data: { action: 'submit', request },
      async shows(answer) {
        const { ref } = answer.request as RequestStatusView;
        expect(await storedRequest(ref)).toMatchObject({ state: '待处理', orgCode: request.villageCode, phone: request.phone });
      },
      state: async () => null,
    };
  },
  async 'public.mine'(cell) {
    if (cell.target === 'out') {
      // Someone else's request: no key and no openid of the caller leads to it.
      const { ref } = await request(UNIT.baituVillage);
      return {
        fn: 'public',
        data: { action: 'mine', keys: [] },
        async shows(answer) {
          expect((answer.items as RequestStatusView[]).map((item) => item.ref)).not.toContain(ref);
        },
        state: () => storedRequest(ref),
      };
    }
    const key = newKey();
    const { ref } = (await stack.call<{ request: RequestStatusView }>('public', { action: 'submit', request: form(UNIT.baituVillage, key) })).request;
    return {
      fn: 'public',
      data: { action: 'mine', keys: [key] },
      async shows(answer) {
        expect((answer.items as RequestStatusView[]).map((item) => item.ref)).toContain(ref);
      },
      state: () => storedRequest(ref),
    };
  },
  async 'public.templates'() {
    return {
      fn: 'public',
      data: { action: 'templates' },
      async shows(answer) {
        expect(answer.templates).toEqual({ answer: 'local-template-answer', deadline: 'local-template-deadline' });
      },
      state: async () => null,
    };
  },
  async 'public.subscribe'(cell) {
    const openid = ACTOR[cell.role];
    const template = cell.kind as SubscribeTopic;
    const stored = async () => (openid ? ((await storedDoc('subscriptions', `${openid}:local-template-${template}`)) ?? null) : null);
    const before = ((await stored()) as { credits?: number } | null)?.credits ?? 0;
    return {
      fn: 'public',
      data: { action: 'subscribe', template },
      async shows(answer) {
        expect(answer).toEqual({ credits: before + 1 });
        expect(await stored()).toMatchObject({ credits: before + 1 });
      },
      state: stored,
    };
  },
};

describe('the authorization matrix of residents’ services', () => {
  it.each(CELLS)('$title', async (cell) => {
    await playCell(stack, await STAGES[cell.op](cell), cell);
  });

  it('should have rows for every action of requests and public', () => {
    // The actions of cloudfunctions/requests/index.ts and cloudfunctions/public/index.ts.
    const actions = [
      ...['queue', 'accept', 'convert', 'close', 'contacts', 'setContact', 'articles', 'saveArticle', 'villageCode'].map((a) => `requests.${a}`),
      ...['townships', 'village', 'article', 'submit', 'mine', 'templates', 'subscribe'].map((a) => `public.${a}`),
    ];
    expect([...new Set(CELLS.map((cell) => cell.op))].sort()).toEqual(actions.sort());
  });
});
