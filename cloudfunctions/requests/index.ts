/**
 * requests: the signed-in side of residents' legal services — the request queue of a unit's handlers
 * (accept, turn into a 法律咨询 or 矛盾纠纷, close), and the township admin's published contacts,
 * articles and village code images.
 */
import { defineApi } from '../lib/handler';
import { requireCaller } from '../lib/authz';
import { convertRequest, moveRequest, requestQueue } from '../lib/public/requests';
import { listArticles, listContacts, saveArticle, setContact, villageCode } from '../lib/public/manage';

export const main = defineApi('requests', ({ db, caller, now }) => {
  const me = requireCaller(caller);
  return {
    queue: (req) => requestQueue(db, me, req),
    accept: async (req) => ({ item: await moveRequest(db, me, req.ref, '已受理', now) }),
    close: async (req) => ({ item: await moveRequest(db, me, req.ref, '已办结', now) }),
    convert: (req) => convertRequest(db, me, req.ref, { as: req.as, category: req.category, disputeType: req.disputeType }, now),
    contacts: async (req) => ({ items: await listContacts(db, me, req.org, now) }),
    setContact: async (req) => ({ item: await setContact(db, me, req.personId, { publishPhone: req.publishPhone, serviceHours: req.serviceHours }, now) }),
    articles: async () => ({ items: await listArticles(db, me) }),
    saveArticle: async (req) => ({ item: await saveArticle(db, me, req.article, now) }),
    villageCode: (req) => villageCode(db, me, req.code, now),
  };
});
