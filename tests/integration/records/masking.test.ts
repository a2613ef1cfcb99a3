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
    const record = recordOf(kind, unit, { parties, description: narrative, followUps, handlerIds: [WORLD.santangMediator] });
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
