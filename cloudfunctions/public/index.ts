/**
 * public: residents' legal services, no sign-in — townships and villages to choose from, a village's
 * page, an article, submitting a request, and the caller's own requests; the subscribe-message
 * templates and the report that the caller accepted one (lib/notices.ts). Every answer is public-safe
 * (see lib/public/village.ts and requests.ts), whoever calls.
 */
import { defineApi } from '../lib/handler';
import { listTownships, publicArticle, villagePage } from '../lib/public/village';
import { myRequests, submitRequest } from '../lib/public/requests';
import { subscribeTemplates } from '../lib/wx-open-api';
import { subscribe } from '../lib/notices';

export const main = defineApi('public', ({ db, openid, address, caller, now }) => ({
  townships: () => listTownships(db),
  village: (req) => villagePage(db, req.code, now),
  article: (req) => publicArticle(db, req.id),
  submit: async (req) => ({ request: await submitRequest(db, { openid, address }, req.request, now) }),
  mine: async (req) => ({ items: await myRequests(db, openid, req.keys) }),
  templates: async () => ({ templates: subscribeTemplates() }),
  subscribe: (req) => subscribe(db, openid, caller, req.template, now),
}));
