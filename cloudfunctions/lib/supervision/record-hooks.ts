/**
 * What supervision adds to every record write (the record store, ../store/records.ts):
 * - review: while the record's township reviews, a new or edited village record is 待审核 again
 *   (an approved record edited later is no longer approved);
 * - 补报: a write touching a month (or half month) whose 月报 is already in marks that 月报 补报.
 */
import { readMany, withoutId, type Database, type Transaction } from '../cloudbase';
import type { Caller } from '../caller';
import type { OrgDoc } from '../orgs';
import { writeHistory } from '../history';
import { touchedDates } from '../period-close';
import { KINDS, type RecordKind } from '../../../src/domain/records/kinds';
import { isReviewedKind } from '../../../src/domain/supervision/review';
import { readSettings, townshipCodeOf } from './settings';
import { REPORTS, reportId, type ReportDoc } from './reports';
import { periodOfDate } from '../../../src/domain/supervision/schedule';

/** The review fields a record written now carries: 待审核 while its township reviews, none otherwise. */
export async function reviewOnWrite(db: Database | Transaction, kind: RecordKind, org: OrgDoc): Promise<{ reviewState?: '待审核' }> {
  if (!isReviewedKind(kind) || org.level !== '村') return {};
  const township = townshipCodeOf(org);
  const settings = township ? await readSettings(db, township) : null;
  return settings?.review === true ? { reviewState: '待审核' } : {};
}

type Doc = Readonly<Record<string, unknown>> | null;

/**
 * Marks 补报 the 月报 of every village month these changes touch that was already reported; each
 * month's 月报 is read once, however many of the changes touch it (a ledger import writes many).
 */
export async function markSupplemented(
  tx: Transaction,
  changes: readonly { kind: RecordKind; before: Doc; after: Doc }[],
  caller: Pick<Caller, 'openid' | 'name'>,
  at: string,
): Promise<void> {
  /** Report id → the first record that touched it, named in the history entry. */
  const touched = new Map<string, string>();
  for (const { kind, before, after } of changes) {
    if (!isReviewedKind(kind)) continue;
    // Whichever cadence the township had when the village reported: the month's and the half month's.
    const dates = touchedDates(KINDS[kind].collection, before, after);
    const months = new Set(dates.flatMap((date) => [periodOfDate(date, 'monthly'), periodOfDate(date, 'halfMonthly')]));
    const villages = new Set([before?.orgCode, after?.orgCode].filter((code): code is string => typeof code === 'string'));
    for (const village of villages) {
      for (const month of months) {
        const id = reportId(village, month);
        if (!touched.has(id)) touched.set(id, `${kind}:${String(after?._id ?? before?._id ?? '')}`);
      }
    }
  }
  const reports = await readMany<ReportDoc>(tx, REPORTS, [...touched.keys()]);
  for (const [id, record] of touched) {
    const report = reports.get(id);
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
      after: { supplemented: true, record },
      orgPath: report.orgPath,
    });
  }
}
