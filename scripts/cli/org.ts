/** Looking up the unit a command names, with the message a person needs when it is not there. */
import type { Database } from '../../cloudfunctions/lib/cloudbase';
import { findOrg, type OrgDoc } from '../../cloudfunctions/lib/orgs';
import { parsePeriod, type Period } from '../../src/domain/period';
import { CliError } from './args';

export async function mustFindOrg(db: Database, code: string): Promise<OrgDoc> {
  const org = await findOrg(db, code);
  if (!org) throw new CliError(`没有找到单位“${code}”；请先导入包含它的组织机构表`);
  return org;
}

export function periodArg(text: string): Period {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new CliError(parsed.message);
  return parsed.period;
}
