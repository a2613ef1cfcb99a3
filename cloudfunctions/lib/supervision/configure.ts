/**
 * A township admin changes their township's supervision settings (cadence, due day, review); kept in
 * the history. A request without a cadence keeps the township's.
 */
import { withoutId, type Database } from '../cloudbase';
import type { Caller } from '../caller';
import { inTransaction } from '../cloudbase';
import { AppError } from '../errors';
import { writeHistory } from '../history';
import { writableOrg } from '../console/access';
import type { SupervisionSettings } from '../../../src/domain/supervision/api';
import type { Cadence } from '../../../src/domain/supervision/schedule';
import { SETTINGS, checkDueDay, readSettings, settingsOf, settingsView, type SettingsDoc } from './settings';

export async function readableSettings(db: Database, caller: Caller, org: string | undefined): Promise<SupervisionSettings> {
  const township = await writableOrg(db, caller, org);
  return settingsOf(db, township.code);
}

export async function saveSettings(
  db: Database,
  caller: Caller,
  request: { org?: string; cadence?: Cadence; dueDay: number; review: boolean; baseVersion: number },
  now: Date,
): Promise<SupervisionSettings> {
  const township = await writableOrg(db, caller, request.org);
  if (township.level !== '乡镇') throw new AppError('FORBIDDEN', '报送和审核设置由乡镇设定');
  const at = now.toISOString();
  const doc = await inTransaction(db, async (tx) => {
    const before = await readSettings(tx, township.code);
    if ((before?.version ?? 0) !== request.baseVersion) throw new AppError('CONFLICT', '设置已被别人修改过，请刷新后再改', undefined, before?.version ?? 0);
    const cadence = request.cadence ?? before?.cadence ?? 'monthly';
    checkDueDay(cadence, request.dueDay);
    const next: SettingsDoc = {
      _id: township.code,
      orgCode: township.code,
      orgPath: township.path,
      cadence,
      dueDay: request.dueDay,
      review: request.review,
      version: (before?.version ?? 0) + 1,
      updatedAt: at,
      updatedBy: caller.openid,
      updatedByName: caller.name,
    };
    await tx.collection(SETTINGS).doc(township.code).set(withoutId(next));
    const audit = (d: SettingsDoc | null) => (d ? { cadence: d.cadence, dueDay: d.dueDay, review: d.review } : null);
    await writeHistory(tx, {
      collection: SETTINGS,
      recordId: township.code,
      action: before ? 'update' : 'create',
      by: caller.openid,
      byName: caller.name,
      at,
      version: next.version,
      before: audit(before),
      after: audit(next),
      orgPath: township.path,
    });
    return next;
  });
  return settingsView(doc);
}
