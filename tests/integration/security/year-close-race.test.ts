/**
 * The year-close race (issue 12, item 5): `records.create` dated in year Y sent while the township
 * admin closes Y let a record commit after the year was marked closed, and the frozen figures then
 * differed from a recount. A write of a year and the close of that year now serialise: whatever the
 * interleaving, every record either counts in the frozen figures or was refused as PERIOD_CLOSED.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { UNIT, recordOf, type Answer } from '../../helpers/records-world';
import { computeFigures } from '../../../cloudfunctions/lib/figures/compute';
import { frozenFigures } from '../../../cloudfunctions/lib/period-close';
import { mustParsePeriod } from '../../../src/domain/period';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
}, 60000);
afterAll(() => stack?.stop());

const later = <T>(ms: number, call: () => Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => call().then(resolve, reject), ms));

const ROUNDS = 12;
/** The villages of 白土乡: writes in different villages do not wait for each other. */
const VILLAGES = ['500114213201', '500114213202', '500114213203', '500114213204', '500114213205', '500114213206', '500114213207'];
const WRITERS = 16;

describe('creating records of a year while it is being closed', () => {
  it(`should freeze figures equal to a recount in each of ${ROUNDS} rounds`, async () => {
    const mismatches: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const year = 2001 + round;
      const creates = Array.from({ length: WRITERS }, (_, i) => {
        const record = recordOf('outreach', VILLAGES[i % VILLAGES.length], { date: `${year}-06-${String(1 + i).padStart(2, '0')}` });
        // Staggered, so that writes are in flight all through the moment the close lands.
        return later(i * 4, () => stack.call<Answer>('records', { action: 'create', kind: 'outreach', record }, DEMO.admin));
      });
      // The close starts in the middle of the writes, as it did in the attack.
      const close = later(10 + (round % 6) * 8, () => stack.call<Answer>('console', { action: 'close', year, reason: '测试结账与写入的先后' }, DEMO.admin));
      const answers = await Promise.all([...creates, close]);
      for (const answer of answers) if (answer.error) expect(answer.error.code).toBe('PERIOD_CLOSED');
      const db = await stack.db();
      const frozen = await frozenFigures(db, UNIT.township, year);
      const recount = await computeFigures(db, UNIT.township, mustParsePeriod(String(year)));
      const accepted = answers.slice(0, WRITERS).filter((answer) => !answer.error).length;
      if (frozen?.['outreach.events'] !== recount['outreach.events'] || recount['outreach.events'] !== accepted) {
        mismatches.push(`${year}: frozen ${frozen?.['outreach.events']}, recount ${recount['outreach.events']}, accepted ${accepted}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120000);
});
