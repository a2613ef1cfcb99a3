/**
 * `GET /api/dev/people` — the people one can act as on the dev sign-in page of the local stack: every
 * bound account (openid, name, role, unit name). It exists only in this local gateway, and there only
 * in dev mode (`npm run dev`, `--dev`); CloudBase has no such route, so a production build can never
 * list identities.
 */
import type { ServerResponse } from 'node:http';
import { sendJson } from './http-util';
import type { Store } from './store';

interface DevPerson {
  openid: string;
  name: string;
  role: string;
  orgName: string;
}

export function devPeople(store: Store): DevPerson[] {
  if (!store.hasCollection('accounts')) return [];
  const orgs = store.hasCollection('orgs') ? store.collection('orgs') : new Map();
  return [...store.collection('accounts').values()].map(({ doc }) => {
    const orgCode = String(doc.orgCode ?? '');
    return {
      openid: String(doc._id),
      name: String(doc.name ?? ''),
      role: String(doc.role ?? ''),
      orgName: String(orgs.get(orgCode)?.doc.name ?? orgCode),
    };
  });
}

export function handleDevPeople(store: Store, res: ServerResponse): void {
  sendJson(res, 200, { people: devPeople(store) });
}
