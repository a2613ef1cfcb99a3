/**
 * requests: the signed-in side of residents' legal services — the request queue of a unit's handlers
 * (accept, turn into a 法律咨询 or 矛盾纠纷, close), and the township admin's published contacts,
 * articles and village code images.
 */
import { z } from 'zod';
import { defineFunction } from '../lib/handler';
import { requireCaller } from '../lib/authz';
import { convertRequest, moveRequest, requestQueue } from '../lib/public/requests';
import { listArticles, listContacts, saveArticle, setContact, villageCode } from '../lib/public/manage';
import { REQUEST_STATES, REQUEST_KINDS, CASE_KINDS } from '../../src/domain/public/vocab';
import { CONSULTATION_CATEGORIES, DISPUTE_TYPES } from '../../src/domain/vocab';
import { REF_PATTERN } from '../../src/domain/public/request';

const ref = z.string().regex(REF_PATTERN);
const orgCode = z.string().regex(/^\d{6,15}$/);

const request = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('queue'),
    state: z.enum(REQUEST_STATES).optional(),
    kind: z.enum(REQUEST_KINDS).optional(),
    village: orgCode.optional(),
    offset: z.number().int().min(0).max(1_000_000).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  }),
  z.object({ action: z.literal('accept'), ref }),
  z.object({
    action: z.literal('convert'),
    ref,
    as: z.enum(CASE_KINDS).optional(),
    category: z.enum(CONSULTATION_CATEGORIES).optional(),
    disputeType: z.enum(DISPUTE_TYPES).optional(),
  }),
  z.object({ action: z.literal('close'), ref }),
  z.object({ action: z.literal('contacts'), org: orgCode.optional() }),
  z.object({
    action: z.literal('setContact'),
    personId: z.string().min(1).max(64),
    publishPhone: z.boolean().optional(),
    serviceHours: z.string().max(100).optional(),
  }),
  z.object({ action: z.literal('articles') }),
  z.object({ action: z.literal('saveArticle'), article: z.unknown() }),
  z.object({ action: z.literal('villageCode'), code: orgCode }),
]);

export const main = defineFunction(request, async (req, { db, caller, now }) => {
  const me = requireCaller(caller);
  switch (req.action) {
    case 'queue':
      return requestQueue(db, me, req);
    case 'accept':
      return { item: await moveRequest(db, me, req.ref, '已受理', now) };
    case 'close':
      return { item: await moveRequest(db, me, req.ref, '已办结', now) };
    case 'convert':
      return convertRequest(db, me, req.ref, { as: req.as, category: req.category, disputeType: req.disputeType }, now);
    case 'contacts':
      return { items: await listContacts(db, me, req.org, now) };
    case 'setContact':
      return { item: await setContact(db, me, req.personId, { publishPhone: req.publishPhone, serviceHours: req.serviceHours }, now) };
    case 'articles':
      return { items: await listArticles(db, me) };
    case 'saveArticle':
      return { item: await saveArticle(db, me, req.article, now) };
    case 'villageCode':
      return villageCode(db, me, req.code, now);
  }
});
