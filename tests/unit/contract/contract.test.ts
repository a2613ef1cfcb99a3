/**
 * The app and the functions cannot drift apart: the type checks below fail `tsc` (npm run typecheck)
 * when a function gains an action without an answer, a handler answers another shape than the
 * contract, or the app calls something the function does not take; the runtime part checks that
 * every request the app's services build passes the schema the function parses it with.
 */
import { taro } from '../services/taro-mock';

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: require('../services/taro-mock').taro }));

import { REQUEST_SCHEMAS, type ActionOf, type Answers, type FunctionName } from '../../../src/domain/contract';
import { APP_ERROR_CODES, ERRORS, type ErrorCode } from '../../../src/domain/errors';
import type { TodoItem } from '../../../src/domain/api';
import type { ActionHandlers } from '../../../cloudfunctions/lib/handler';
import { ERRORS as SERVER_ERRORS } from '../../../cloudfunctions/lib/errors';
import { RETRY_CODES } from '../../../src/services/outbox/decide';
import { callFunction } from '../../../src/services/transport';
import * as api from '../../../src/services/api';
import * as consoleApi from '../../../src/services/console';
import * as ledger from '../../../src/services/ledger';
import * as publicApi from '../../../src/services/public';
import * as staff from '../../../src/services/staff';
import * as supervision from '../../../src/services/supervision';

// ---- checked by tsc ---------------------------------------------------------------------------

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Every action of every function has exactly one answer in the contract. */
const everyActionAnswered: { [N in FunctionName]: Equal<ActionOf<N>, keyof Answers[N]> } = {
  admin: true,
  console: true,
  figures: true,
  public: true,
  records: true,
  requests: true,
  session: true,
  supervision: true,
};

/** Never run: each line is a drift that must not compile. */
export function driftsThatDoNotCompile(): void {
  // The app's answer is the handler's, by function and action, with no type named by the caller.
  const todo: Promise<{ todo: TodoItem[] }> = callFunction('records', { action: 'todo' });
  void todo;
  // @ts-expect-error an action the function does not have
  void callFunction('records', { action: 'publish', kind: 'outreach', id: 'x' });
  // @ts-expect-error a request missing what the function's schema requires (get needs the id)
  void callFunction('records', { action: 'get', kind: 'outreach' });
  // @ts-expect-error a kind the functions do not know
  void callFunction('records', { action: 'get', kind: 'meeting', id: 'x' });
  // @ts-expect-error a handler answering another shape than the contract says
  const wrong: ActionHandlers<'records'>['todo'] = async () => ({ todos: [] });
  void wrong;
  // @ts-expect-error a code neither the functions nor the app define
  const renamed: ErrorCode = 'INTERNAL_ERROR';
  void renamed;
}

// ---- at run time ------------------------------------------------------------------------------

const ORG = '500114101201';
const REF = 'ZX-20240506-0001';

/** A call of every typed service that talks to a function. */
const SERVICE_CALLS: Array<() => Promise<unknown>> = [
  () => api.whoami(),
  () => api.saveRecord('outreach', { id: 'r1' }),
  () => api.saveRecord('dispute', { id: 'r1' }, 2),
  () => api.getRecord('petition', 'r1'),
  () => api.getHistory('dispute', 'r1'),
  () => api.setRecordDeleted('outreach', 'r1', 3, true),
  () => api.setRecordDeleted('outreach', 'r1', 4, false),
  () => api.listMine('study'),
  () => api.listTodo(),
  () => api.getFigures({ action: 'get', period: '2024', ids: ['outreach.events'] }),
  () => consoleApi.getOverview(2024, ORG),
  () => consoleApi.getByVillage(2024, ['outreach.events']),
  () => consoleApi.getByMonth(2024, ['outreach.events'], ORG),
  () => consoleApi.getDrill({ org: ORG, period: '2024', figure: 'outreach.events', part: 0, offset: 0, limit: 20 }),
  () => consoleApi.getQuality(2024),
  () => consoleApi.getReportTexts(2024),
  () => consoleApi.saveReportTexts(2024, { opening: '今年' }, 1, ORG, { addressee: '县司法局' }),
  () => consoleApi.getReportPreview(2024, true),
  () => consoleApi.makeReportDocx(2024, false, ORG),
  () => consoleApi.getCloseState(2024),
  () => consoleApi.closeYear(2024, ORG, '月报缺两个村'),
  () => consoleApi.reopenYear(2024, ORG),
  () => ledger.getManualFigures(2024, ORG),
  () => ledger.saveManualFigure({ year: 2024, code: 'x.custom', label: '自定义', unit: '次', value: '3' }),
  () => ledger.exportLedger('2024', ORG),
  () => ledger.importLedger('cloud://env/ledger.xlsx', true),
  () => supervision.getMonth('2024-05'),
  () => supervision.submitMonth('2024-05'),
  () => supervision.getTasks(),
  () => supervision.getCompleteness(2024, ORG),
  () => supervision.remindVillage(ORG, '2024-05'),
  () => supervision.getSettings(),
  () => supervision.saveSettings(10, true, 0),
  () => supervision.getReviewQueue({ village: ORG, month: '2024-05' }),
  () => supervision.approveRecords([{ kind: 'dispute', id: 'r1', version: 2 }]),
  () => supervision.approveMonth(ORG, '2024-05'),
  () => supervision.returnRecord({ kind: 'dispute', id: 'r1', version: 2 }, '请补充调解结果'),
  () => publicApi.listTownships(),
  () => publicApi.getVillage(ORG),
  () => publicApi.getArticle('article01'),
  () => publicApi.submitRequest({ key: publicApi.newRequestKey() } as Parameters<typeof publicApi.submitRequest>[0]),
  () => publicApi.myRequests(),
  () => publicApi.requestQueue('待处理'),
  () => publicApi.acceptRequest(REF),
  () => publicApi.closeRequest(REF),
  () => publicApi.convertRequest({ ref: REF, as: 'dispute', disputeType: '婚姻家庭' }),
  () => publicApi.listContacts(ORG),
  () => publicApi.setContact('p1', { publishPhone: true, serviceHours: '工作日' }),
  () => publicApi.listManagedArticles(),
  () => publicApi.saveArticle({} as Parameters<typeof publicApi.saveArticle>[0]),
  () => publicApi.getVillageCode(ORG),
  // Weapp only in the services (subscribeTemplate, subscribeTo): the requests they send.
  () => callFunction('public', { action: 'templates' }),
  () => callFunction('public', { action: 'subscribe', template: 'deadline' }),
  () => staff.listRoster(ORG),
  () => staff.savePerson({ id: 'p1', name: '张三' }),
  () => staff.savePerson({ id: 'p1', name: '张三' }, 2),
  () => staff.issueInvite({ name: '张三', role: '法律明白人', orgCode: ORG }),
  () => staff.saveVillage({ code: ORG, name: '大寨村', parentCode: '500114101' }),
  () => staff.bindWithCode('ABCD1234'),
];

describe('the contract', () => {
  beforeAll(() => {
    process.env.TARO_ENV = 'h5';
  });

  it('should answer every action of every function (checked by tsc)', () => {
    expect(Object.values(everyActionAnswered).every(Boolean)).toBe(true);
    expect(Object.keys(everyActionAnswered).sort()).toEqual(Object.keys(REQUEST_SCHEMAS).sort());
  });

  it('should have every request the app builds pass the schema its function parses it with', async () => {
    taro.request.mockResolvedValue({ statusCode: 200, data: { result: {} } });
    for (const call of SERVICE_CALLS) await call().catch(() => undefined);
    const sent = taro.request.mock.calls.map(([options]) => ({
      name: decodeURIComponent(String(options.url).replace('/api/fn/', '')) as FunctionName,
      data: options.data.data as unknown,
    }));
    expect(sent.length).toBe(SERVICE_CALLS.length);
    const refused = sent.filter(({ name, data }) => !(name in REQUEST_SCHEMAS) || !REQUEST_SCHEMAS[name].safeParse(data).success);
    expect(refused).toEqual([]);
  });

  it('should share one error catalogue between the functions and the app', () => {
    expect(SERVER_ERRORS).toBe(ERRORS);
    // The outbox retries only codes that exist: a renamed one would otherwise silently become "keep".
    expect([...Object.keys(ERRORS), ...APP_ERROR_CODES]).toEqual(expect.arrayContaining([...RETRY_CODES]));
  });
});
