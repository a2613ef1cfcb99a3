/**
 * public: residents' legal services, no sign-in — townships and villages to choose from, a village's
 * page, an article, submitting a request, and the caller's own requests; the subscribe-message
 * templates and the report that the caller accepted one (lib/notices.ts). Every answer is public-safe
 * (see lib/public/village.ts and requests.ts), whoever calls.
 */
import { z } from 'zod';
import { defineFunction } from '../lib/handler';
import { listTownships, publicArticle, villagePage } from '../lib/public/village';
import { myRequests, submitRequest } from '../lib/public/requests';
import { subscribeTemplates } from '../lib/wx-open-api';
import { subscribe } from '../lib/notices';

const request = z.discriminatedUnion('action', [
  z.object({ action: z.literal('townships') }),
  z.object({ action: z.literal('village'), code: z.string().regex(/^\d{6,15}$/) }),
  z.object({ action: z.literal('article'), id: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/) }),
  z.object({ action: z.literal('submit'), request: z.unknown() }),
  z.object({ action: z.literal('mine'), keys: z.array(z.string().regex(/^[A-Za-z0-9_-]{20,64}$/)).max(30) }),
  z.object({ action: z.literal('templates') }),
  z.object({ action: z.literal('subscribe'), template: z.enum(['answer', 'deadline']) }),
]);

export const main = defineFunction(request, async (req, { db, openid, address, caller, now }) => {
  switch (req.action) {
    case 'townships':
      return listTownships(db);
    case 'village':
      return villagePage(db, req.code, now);
    case 'article':
      return publicArticle(db, req.id);
    case 'submit':
      return { request: await submitRequest(db, { openid, address }, req.request, now) };
    case 'mine':
      return { items: await myRequests(db, openid, req.keys) };
    case 'templates':
      return { templates: subscribeTemplates() };
    case 'subscribe':
      return subscribe(db, openid, caller, req.template, now);
  }
});
