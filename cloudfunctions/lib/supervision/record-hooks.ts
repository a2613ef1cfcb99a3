/**
 * What supervision adds to every record write (the record store, ../store/records.ts):
 * - review: while the record's township reviews, a new or edited village record is 待审核 again
 *   (an approved record edited later is no longer approved);
 * - 补报: a write touching a month whose 月报 is already in marks that 月报 补报.
 */
import { withoutId, type Database, type Transaction } from '../cloudbase';
import type { Caller } from '../caller';
import type { OrgDoc } from '../orgs';
import { writeHistory } from '../history';
import { touchedDates } from '../period-close';
import { KINDS, type RecordKind } from '../../../src/domain/records/kinds';
import { isReviewedKind } from '../../../src/domain/supervision/review';
import { readSettings, townshipCodeOf } from './settings';
import { REPORTS, readReport, reportId } from './reports';

/** The review fields a record written now carries: 待审核 while its township reviews, none otherwise. */
export async function reviewOnWrite(db: Database | Transaction, kind: RecordKind, org: OrgDoc): Promise<{ reviewState?: '待审核' }> {
  if (!isReviewedKind(kind) || org.level !== '村') return {};
  const township = townshipCodeOf(org);
  const settings = township ? await readSettings(db, township) : null;
  return settings?.review === true ? { reviewState: '待审核' } : {};
}

type Doc = Readonly<Record<string, unknown>> | null;

/** Marks 补报 the 月报 of every village month this change touches that was already reported. */
export async function markSupplemented(tx: Transaction, kind: RecordKind, before: Doc, after: Doc, caller: Pick<Caller, 'openid' | 'name'>, at: string): Promise<void> {
  if (!isReviewedKind(kind)) return;
  const months = new Set(touchedDates(KINDS[kind].collection, before, after).map((date) => date.slice(0, 7)));
  const villages = new Set([before?.orgCode, after?.orgCode].filter((code): code is string => typeof code === 'string'));
  for (const village of villages) {
    for (const month of months) {
      const id = reportId(village, month);
      const report = await readReport(tx, id);
      if (!report || report.supplemented) continue;
      const body = withoutId({ ...report, supplemented: true, supplementedAt: at, version: report.version + 1 });
      await tx.collection(REPORTS).doc(id).set(body);
      await writeHistory(tx, {
        collection: REPORTS,
        recordId: id,
        action: 'supplement',
        by: caller.openid,
        byName: caller.name,
        at,
        version: body.version,
        before: { supplemented: false },
        after: { supplemented: true, record: `${kind}:${String(after?._id ?? before?._id ?? '')}` },
        orgPath: report.orgPath,
      });
    }
  }
}
