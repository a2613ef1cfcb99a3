/**
 * Holes that let one township damage another's data (issue 12, items 1 and 2), attacked the way the
 * attack did it: through the real functions, as the other township's (or county's) people.
 * 1. An article is checked against the unit it is stored under, not only the one the request names,
 *    and never changes township.
 * 2. A resident's request becomes a case that the conversion itself created — a record someone
 *    planted under a guessable id is never adopted — and case ids cannot be guessed from the ref.
 */
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { UNIT, WORLD, buildWorld, recordOf, seed, type Answer } from '../../helpers/records-world';
import type { ConvertAnswer, SubmitAnswer, VillageAnswer } from '../../../src/domain/public/types';
import type { RecordView } from '../../../src/domain/api';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
  await buildWorld(stack);
}, 60000);
afterAll(() => stack?.stop());

const villagePage = () => stack.call<VillageAnswer>('public', { action: 'village', code: UNIT.baituVillage });

async function storedArticle(id: string) {
  const db = await stack.db();
  const { data } = await db.collection('articles').doc(id).get();
  const history = (await db.collection('history').where({ collection: 'articles', recordId: id }).get()).data;
  return { article: data[0] as Record<string, unknown>, history: history.length };
}

describe('an article of 白土乡 attacked from another township', () => {
  it.each([
    ['the 乡镇管理员 of another township of the county', WORLD.otherAdmin, UNIT.otherTownship],
    ['the 乡镇管理员 of a township of another county', WORLD.farAdmin, UNIT.farTownship],
  ])('should refuse %s, and leave the article on 白土村 page as it was', async (_who, attacker, attackerTownship) => {
    const [target] = (await villagePage()).articles;
    expect(target).toBeDefined();
    const before = await storedArticle(target.id);
    const takeover = {
      id: target.id,
      orgCode: attackerTownship,
      title: '已被接管',
      category: before.article.category,
      date: before.article.date,
      body: '被别的乡镇改掉的正文',
      published: false,
    };
    const answer = await stack.call<Answer>('requests', { action: 'saveArticle', article: takeover }, attacker);
    expect(answer.error?.code).toBe('OUT_OF_SCOPE');
    expect(await storedArticle(target.id)).toEqual(before);
    expect((await villagePage()).articles.map((a) => a.id)).toContain(target.id);
  });

  it('should not let an article move to another township even for an admin whose scope covers both', async () => {
    const db = await stack.db();
    // A 乡镇管理员 bound at county level: in scope of both townships.
    await db.collection('accounts').doc('o-sec-county-admin').set({ name: '区级管理员', role: '乡镇管理员', orgCode: UNIT.county });
    const [target] = (await villagePage()).articles;
    const before = await storedArticle(target.id);
    const { _id: _ignored, ...fields } = before.article;
    const move = {
      id: target.id,
      orgCode: UNIT.otherTownship,
      title: fields.title,
      category: fields.category,
      date: fields.date,
      body: fields.body,
      published: fields.published,
    };
    const answer = await stack.call<Answer>('requests', { action: 'saveArticle', article: move }, 'o-sec-county-admin');
    expect(answer.error?.code).toBe('FORBIDDEN');
    expect(answer.error?.message).toContain('不能改到别的乡镇');
    expect(await storedArticle(target.id)).toEqual(before);
  });
});

describe("a resident's request whose case id someone tried to squat", () => {
  let keyCount = 0;
  const newKey = () => `secsquatkey${String(Date.now()).slice(-8)}${String(++keyCount).padStart(6, '0')}`;
  const submit = () =>
    stack.call<SubmitAnswer>('public', {
      action: 'submit',
      request: {
        key: newKey(),
        kind: '调解',
        villageCode: UNIT.baituVillage,
        name: '王秀兰',
        phone: '13908123456',
        description: '邻居家修房子把排水沟堵了，下雨就淹到我家院坝。',
        consent: true,
      },
    });

  it("should make the mediator a case of its own, with the resident's data in full, never the planted record", async () => {
    // The day's next refs, as the attacker would guess them from the last one seen.
    const probe = (await submit()).request.ref;
    const [prefix, day, n] = probe.split('-');
    const guessed = [1, 2, 3].map((i) => `REQ-${prefix}-${day}-${String(Number(n) + i).padStart(4, '0')}`);
    const planted: string[] = [];
    for (const id of guessed) {
      // The 法律明白人 of 三塘村 plants records in his own village under the ids a conversion would use.
      const record = recordOf('dispute', UNIT.santangVillage, { id, description: '占位' });
      planted.push((await seed(stack, DEMO.villageWorker, 'dispute', record)).id);
    }
    const db = await stack.db();
    const plantedBefore = (
      await db
        .collection('disputes')
        .where({ _id: db.command.in(planted) })
        .get()
    ).data;

    const { request } = await submit();
    const converted = await stack.call<ConvertAnswer>('requests', { action: 'convert', ref: request.ref }, DEMO.mediator);
    expect(converted.item).toMatchObject({ state: '已转为案件', caseKind: 'dispute' });
    expect(planted).not.toContain(converted.case.id);
    expect(converted.case.id).not.toContain(request.ref);

    const { record } = await stack.call<{ record: RecordView }>('records', { action: 'get', kind: 'dispute', id: converted.case.id }, DEMO.mediator);
    expect(record).toMatchObject({ orgCode: UNIT.baituVillage, masked: false, parties: [{ name: '王秀兰', phone: '13908123456' }] });
    // Converting again answers the same case.
    const again = await stack.call<ConvertAnswer>('requests', { action: 'convert', ref: request.ref }, DEMO.mediator);
    expect(again.case).toEqual(converted.case);
    // The planted records are untouched.
    expect(
      (
        await db
          .collection('disputes')
          .where({ _id: db.command.in(planted) })
          .get()
      ).data,
    ).toEqual(plantedBefore);
  });
});
