/**
 * What anyone may read without signing in: the townships and villages to choose from, a village's
 * page (its 法律顾问, 人民调解员 and 法律明白人, the 12348 hotline, coming outreach events, the township's
 * articles) and one article. Every answer is built field by field through src/domain/public/views.ts;
 * nothing stored goes out as it is.
 */
import { readOne, type Database } from '../cloudbase';
import { AppError } from '../errors';
import { findOrg, orgNames, type OrgDoc } from '../orgs';
import { beijingDate } from '../../../src/domain/dates';
import type { ArticleAnswer, ArticleSummary, TownshipsAnswer, VillageAnswer } from '../../../src/domain/public/types';
import { HOTLINE } from '../../../src/domain/public/vocab';
import { PLANNED } from '../../../src/domain/vocab';
import { comingEvents, publicEvent, villageContacts, type EventLike } from '../../../src/domain/public/views';
import { PUBLIC_ROSTER_ROLES, type ArticleDoc, type PersonDoc } from './docs';

const EVENTS_SHOWN = 10;

export async function listTownships(db: Database): Promise<TownshipsAnswer> {
  const { data } = await db
    .collection('orgs')
    .where({ level: db.command.in(['乡镇', '村']) })
    .limit(1000)
    .get();
  const orgs = (data as OrgDoc[]).sort((a, b) => a.code.localeCompare(b.code));
  const townships = orgs
    .filter((o) => o.level === '乡镇')
    .map((t) => ({
      code: t.code,
      name: t.name,
      villages: orgs.filter((v) => v.level === '村' && v.parentCode === t.code).map((v) => ({ code: v.code, name: v.name })),
    }));
  return { townships };
}

async function requireVillage(db: Database, code: string): Promise<{ village: OrgDoc; township: OrgDoc }> {
  const village = await findOrg(db, code);
  if (!village || village.level !== '村' || !village.parentCode) throw new AppError('VILLAGE_NOT_FOUND');
  const township = await findOrg(db, village.parentCode);
  if (!township) throw new AppError('VILLAGE_NOT_FOUND');
  return { village, township };
}

export async function villagePage(db: Database, code: string, now: Date): Promise<VillageAnswer> {
  const _ = db.command;
  const today = beijingDate(now);
  const { village, township } = await requireVillage(db, code);

  const [people, events, articles] = await Promise.all([
    db
      .collection('people')
      .where({ orgCode: village.code, role: _.in([...PUBLIC_ROSTER_ROLES]) })
      .limit(1000)
      .get(),
    // The village's own events and the township's (market-day outreach is for every village).
    db
      .collection('outreach')
      .where({ orgCode: _.in([village.code, township.code]), date: _.gte(today), status: PLANNED, deleted: _.neq(true) })
      .orderBy('date', 'asc')
      .limit(EVENTS_SHOWN)
      .get(),
    db.collection('articles').where({ orgCode: township.code, published: true }).orderBy('date', 'desc').limit(50).get(),
  ]);

  const unitName = (orgCode: string) => (orgCode === village.code ? village.name : township.name);
  const coming = comingEvents(events.data as (EventLike & { orgCode: string })[], today, EVENTS_SHOWN);
  return {
    village: { code: village.code, name: village.name },
    township: { code: township.code, name: township.name },
    hotline: HOTLINE,
    ...villageContacts(people.data as PersonDoc[], today),
    events: coming.map((event) => publicEvent(event, unitName(event.orgCode))),
    articles: (articles.data as ArticleDoc[]).map(articleSummary),
  };
}

export async function publicArticle(db: Database, id: string): Promise<ArticleAnswer> {
  const doc = await readOne<ArticleDoc>(db, 'articles', id);
  if (!doc || doc.published !== true) throw new AppError('NOT_FOUND');
  const names = await orgNames(db, [doc.orgCode]);
  return { article: { ...articleSummary(doc), body: doc.body, townshipName: names.get(doc.orgCode) ?? '' } };
}

function articleSummary(doc: ArticleDoc): ArticleSummary {
  return { id: doc._id, title: doc.title, category: doc.category, date: doc.date };
}
