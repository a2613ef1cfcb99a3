/**
 * Every collection the application uses. CloudBase needs collections created before the first read;
 * `ensureCollections` is run by setup (CLI, demo loader), never on a request path.
 */
import type { Database } from './cloudbase';
import { isCloudError } from './errors';

import { COLLECTIONS as RECORD_COLLECTIONS } from '../../src/domain/records/common';

/** The record collections of the domain, plus the server's own bookkeeping. */
export const COLLECTIONS = [
  ...RECORD_COLLECTIONS,
  'accounts',
  'history',
  'period_closes',
  'report_texts',
  'articles',
  'requests',
  'counters',
  'invites',
  'supervision_settings',
  'monthly_reports',
  'reminders',
  'limits',
  'year_guards',
  'wx_tokens',
  'village_codes',
  'subscriptions',
  'notices',
  'summaries',
] as const;

export async function ensureCollections(db: Database): Promise<void> {
  for (const name of COLLECTIONS) {
    try {
      await db.createCollection(name);
    } catch (error) {
      if (!isCloudError(error, 'DATABASE_COLLECTION_ALREADY_EXIST')) throw error;
    }
  }
}
