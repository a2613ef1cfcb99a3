/**
 * Parties' names, phones and ID numbers (DESIGN.md "Who uses it"): in full only to the people handling
 * the case and to township admins; masked for everyone else; never in public answers. The scan
 * collects every answer a resident and three in-scope non-handlers can get and searches its text.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { MASKED, PARTIES, UNIT, WORLD, buildWorld, recordOf, seed, thisYear, today, type Answer } from '../../helpers/records-world';
import { RECORD_KINDS, type RecordKind } from '../../../src/domain/records/kinds';
import type { RecordView } from '../../../src/domain/api';

let stack: AppStack;
const [A, B] = PARTIES;
const narrative = `${A.name}（电话${A.phone}，身份证${A.idNumber}）与${B.name}因宅基地边界发生争执，${B.name}电话${B.phone}`;
const cases: { kind: RecordKind; id: string; unit: string }[] = [];

beforeAll(async () => {
  stack = await startAppStack();
  await buildWorld(stack);
  // Cases with parties, logged by the people who handle them: in 白土村 by its mediator, in 三塘村
  // (the 法律明白人's village) by the township admin.
  const parties = PARTIES.map((party) => ({ ...party }));
  const followUps = [{ date: today(), result: `回访${A.name}，${B.name}已按协议退让` }];
  const seeds: [RecordKind, string, string][] = [
    ['dispute', DEMO.mediator, UNIT.baituVillage],
    ['petition', DEMO.mediator, UNIT.baituVillage],
    ['dispute', DEMO.admin, UNIT.santangVillage],
    ['petition', DEMO.admin, UNIT.santangVillage],
  ];
  for (const [kind, openid, unit] of seeds) {
    const record = recordOf(kind, unit, { parties, description: narrative, closingNote: narrative, followUps, handlerIds: [WORLD.santangMediator] });
    await seed(stack, openid, kind, record);
    cases.push({ kind, id: String(record.id), unit });
  }
}, 60000);
afterAll(() => stack?.stop());

/** Every answer `openid` can get about the records, the figures, the session and the public pages. */
async function everyAnswer(openid: string | undefined, home: string): Promise<Answer[]> {
  const year = String(thisYear());
  const calls: [string, Record<string, unknown>][] = [
    ['session', { action: 'whoami' }],
    ['records', { action: 'todo' }],
    ['figures', { action: 'get', period: year }],
    ['figures', { action: 'get', org: UNIT.township, period: year }],
    ['public', { action: 'townships' }],
    ['public', { action: 'village', code: UNIT.baituVillage }],
    ['public', { action: 'village', code: UNIT.santangVillage }],
    ['public', { action: 'mine', keys: [] }],
    ['requests', { action: 'queue' }],
    ['requests', { action: 'contacts' }],
  ];
  for (const kind of RECORD_KINDS) {
    calls.push(['records', { action: 'listMine', kind }]);
    for (const org of [home, UNIT.township, UNIT.baituVillage, UNIT.santangVillage]) {
      calls.push(['records', { action: 'list', kind, org, limit: 100 }]);
      calls.push(['records', { action: 'list', kind, org, period: `${today()}..${today()}`, limit: 100 }]);
    }
  }
  for (const { kind, id } of cases) {
    calls.push(['records', { action: 'get', kind, id }]);
    calls.push(['records', { action: 'history', kind, id }]);
    // Trying to change a case one does not handle must not answer its content either.
    calls.push(['records', { action: 'update', kind, record: { id, orgCode: UNIT.baituVillage }, baseVersion: 1 }]);
    calls.push(['records', { action: 'remove', kind, id, baseVersion: 1 }]);
  }
  return Promise.all(calls.map(([name, data]) => stack.call<Answer>(name, data, openid)));
}

const FULL = PARTIES.flatMap((party) => [party.name, party.phone, party.idNumber]);

describe('what people who do not handle a case see of its parties', () => {
  it.each<[string, string | undefined, string, boolean]>([
    ['a resident', undefined, UNIT.baituVillage, false],
    ['the 法律明白人 of 三塘村', DEMO.villageWorker, UNIT.santangVillage, true],
    ['a 村干部 of 白土村 who does not handle the case', DEMO.cadre, UNIT.baituVillage, true],
    ['the county viewer', DEMO.county, UNIT.county, true],
  ])('should never show %s a party in full, only masked where the case is visible', async (_who, openid, home, seesCases) => {
    const answers = await everyAnswer(openid, home);
    const text = JSON.stringify(answers);
    expect(FULL.filter((secret) => text.includes(secret))).toEqual([]);
    // The handlers' openids never leave the server either.
    expect(text).not.toContain(WORLD.santangMediator);
    expect(text).not.toContain('handlerIds');
    if (seesCases) {
      for (const masked of MASKED) for (const form of [masked.name, masked.phone, masked.idNumber]) expect(text).toContain(form);
      const views = answers.flatMap((answer) => [answer.record, ...((answer.items as unknown[]) ?? [])]).filter(Boolean) as RecordView[];
      const seen = views.filter((view) => cases.some((c) => c.id === view.id));
      expect(seen.length).toBeGreaterThan(0);
      for (const view of seen) expect(view).toMatchObject({ masked: true, parties: [{ name: MASKED[0].name }, { name: MASKED[1].name }] });
    } else {
      for (const masked of MASKED) expect(text).not.toContain(masked.name);
    }
  });

  it('should mask the parties inside the narrative and the 回访 notes, keeping the rest readable', async () => {
    const dispute = cases.find((c) => c.kind === 'dispute' && c.unit === UNIT.santangVillage)!;
    const { record } = await stack.call<{ record: RecordView }>('records', { action: 'get', kind: 'dispute', id: dispute.id }, DEMO.villageWorker);
    expect(record.description).toBe(`张*明（电话138****5678，身份证**************1234）与李*英因宅基地边界发生争执，李*英电话139****4321`);
    expect(record.followUps).toEqual([{ date: today(), result: '回访张*明，李*英已按协议退让' }]);
  });
});

describe('what the people handling a case see', () => {
  it.each<[string, string, string]>([
    ['the mediator who logged it', DEMO.mediator, UNIT.baituVillage],
    ['the township admin', DEMO.admin, UNIT.baituVillage],
    ['the township admin, of a case another logged', DEMO.admin, UNIT.santangVillage],
    ['the mediator the case is assigned to', WORLD.santangMediator, UNIT.santangVillage],
  ])('should show %s the parties in full', async (_who, openid, unit) => {
    for (const { kind, id } of cases.filter((c) => c.unit === unit)) {
      const { record } = await stack.call<{ record: RecordView }>('records', { action: 'get', kind, id }, openid);
      expect(record).toMatchObject({ masked: false, parties: PARTIES, description: narrative, handlerIds: [WORLD.santangMediator] });
    }
  });
});

/**
 * Issue 12, item 4: the attack found parties in clear when written with spaces or dashes, as 15-digit
 * ID numbers, inside the 事项类别 (and so in 我的待办 titles) and in 回访 text; and case photos and
 * location went to non-handlers. Every text field of a case is masked after normalising spaces and
 * dashes, and photos and location go only to handlers.
 */
describe('each spelling of a party in a case, as people who do not handle it see it', () => {
  const OLD_ID = '500114900101123';
  const SPELLINGS: [string, string][] = [
    ['a phone with spaces', '138 1234 5678'],
    ['a phone with dashes', '138-1234-5678'],
    ['an ID number with spaces', '500114 19900101 1234'],
    ['a 15-digit ID number', OLD_ID],
    ['a name with spaces', '张 建 明'],
    ['a name with full-width spaces', '张　建　明'],
  ];
  const PHOTO = 'cloud://fazhi-local.fazhi/photos/case-evidence-0001.jpg';
  const LOCATION = { latitude: 29.5321, longitude: 108.7711 };
  const SEPARATORS = /[\s\u3000-]/g;
  let petitionId = '';

  beforeAll(async () => {
    const record = recordOf('petition', UNIT.baituVillage, {
      category: `${A.name}宅基地`,
      parties: PARTIES.map((party) => ({ ...party })),
      description: `信访人${SPELLINGS.map(([, text]) => text).join('，')}，称邻居占地`,
      followUps: [{ date: today(), result: '回访张 建 明，电话138-1234-5678，已签收答复' }],
      photos: [PHOTO],
      location: LOCATION,
    });
    await seed(stack, DEMO.mediator, 'petition', record);
    petitionId = String(record.id);
  });

  const NON_HANDLERS: [string, string, string][] = [
    ['a 村干部 of 白土村', DEMO.cadre, UNIT.baituVillage],
    ['the county viewer', DEMO.county, UNIT.county],
  ];

  it.each(SPELLINGS.flatMap(([what, text]) => NON_HANDLERS.map(([who, openid, home]) => [what, text, who, openid, home] as const)))(
    'should mask %s (%s) for %s in every answer',
    async (_what, text, _who, openid, home) => {
      const answers = [...(await everyAnswer(openid, home)), await stack.call<Answer>('records', { action: 'get', kind: 'petition', id: petitionId }, openid)];
      const all = JSON.stringify(answers);
      expect(all).not.toContain(text);
      // With every space and dash taken out, nothing of the party is left either.
      const squeezed = all.replace(SEPARATORS, '');
      expect([...FULL, OLD_ID].filter((secret) => squeezed.includes(secret))).toEqual([]);
    },
  );

  it('should keep the masked forms readable, and the 事项类别 and 我的待办 title masked', async () => {
    const { record } = await stack.call<{ record: RecordView }>('records', { action: 'get', kind: 'petition', id: petitionId }, DEMO.cadre);
    expect(record.description).toBe('信访人138****5678，138****5678，**************1234，***********1123，张*明，张*明，称邻居占地');
    expect(record.category).toBe('张*明宅基地');
    expect(record.followUps).toEqual([{ date: today(), result: '回访张*明，电话138****5678，已签收答复' }]);
    const { todo } = await stack.call<{ todo: { id: string; summary: string }[] }>('records', { action: 'todo' }, DEMO.cadre);
    expect(todo.find((item) => item.id === petitionId)?.summary).toBe('信访事项（来访·张*明宅基地）');
  });

  it('should give photos and location of a case only to its handlers', async () => {
    for (const [, openid] of NON_HANDLERS) {
      const { record } = await stack.call<{ record: RecordView }>('records', { action: 'get', kind: 'petition', id: petitionId }, openid);
      expect(record).not.toHaveProperty('photos');
      expect(record).not.toHaveProperty('location');
      const page = await stack.call<{ items: RecordView[] }>('records', { action: 'list', kind: 'petition', org: UNIT.baituVillage, limit: 100 }, openid);
      expect(JSON.stringify(page)).not.toContain('case-evidence-0001');
      expect(JSON.stringify(page)).not.toContain('108.7711');
    }
    const own = await stack.call<{ record: RecordView }>('records', { action: 'get', kind: 'petition', id: petitionId }, DEMO.mediator);
    expect(own.record).toMatchObject({ masked: false, photos: [PHOTO], location: LOCATION, category: '张建明宅基地' });
  });
});
