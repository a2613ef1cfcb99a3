/**
 * 月报 for the demo township, so the console's 报送与审核 page has something to show on `npm run dev`:
 * every village has reported every month of the year that is past its due date, through the real
 * submission (counts from the records), on the 3rd of the next month — except 冯家村, which reports on
 * the 12th (late), and 石门村, which has not reported its last two months (逾期).
 */
import type { Database } from '../../cloudfunctions/lib/cloudbase';
import type { Caller } from '../../cloudfunctions/lib/caller';
import type { OrgDoc } from '../../cloudfunctions/lib/orgs';
import { villagesUnder } from '../../cloudfunctions/lib/console/access';
import { submitMonth } from '../../cloudfunctions/lib/supervision/reports';
import { beijingDate } from '../../src/domain/dates';
import { DEFAULT_DUE_DAY, isPastDue, monthsOf, nextMonth } from '../../src/domain/supervision/schedule';

const TOWNSHIP = '500114213';
const LATE_VILLAGE = '500114213207';
const SILENT_VILLAGE = '500114213206';

/** A reporter of the village as the submission sees one (the demo has no account for every village). */
const reporterOf = (village: OrgDoc): Caller => ({
  openid: `demo-reporter-${village.code}`,
  name: `${village.name}法律明白人`,
  role: '法律明白人',
  org: village,
});

export async function seedSupervisionDemo(db: Database, now: Date): Promise<string> {
  const today = beijingDate(now);
  const months = monthsOf(Number(today.slice(0, 4))).filter((m) => isPastDue(m, DEFAULT_DUE_DAY, today));
  let filed = 0;
  for (const village of await villagesUnder(db, TOWNSHIP)) {
    const due = village.code === SILENT_VILLAGE ? months.slice(0, -2) : months;
    for (const month of due) {
      const day = village.code === LATE_VILLAGE ? '12' : '03';
      await submitMonth(db, reporterOf(village), month, new Date(`${nextMonth(month)}-${day}T09:00:00+08:00`));
      filed++;
    }
  }
  return `月报 ${filed}`;
}
