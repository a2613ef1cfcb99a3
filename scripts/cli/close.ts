/**
 * `close --org <代码> --year <年度> [--reason <原因>]` and `reopen --org <代码> --year <年度>`: year-end
 * close as the operator, through the same rule as the console's: refused while a village's month is
 * unreported or a record awaits review, unless a reason is given (kept with the close's history).
 */
import { CLI_OPERATOR } from '../../cloudfunctions/lib/caller';
import { AppError } from '../../cloudfunctions/lib/errors';
import { reopenYear } from '../../cloudfunctions/lib/period-close';
import { closeYearChecked } from '../../cloudfunctions/lib/supervision/year-close';
import { CliError, parseArgs, required, yearArg } from './args';
import type { Command } from './io';
import { mustFindOrg } from './org';
import { withDatabase } from './stack';

/** '2024-01-05 09:30' in Beijing time. */
const beijingTime = (iso: string | undefined): string =>
  iso ? new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ') : '此前';

function closeArgs(argv: readonly string[], options: readonly string[] = []) {
  const args = parseArgs(argv, { options: ['org', 'year', ...options] });
  return { code: required(args, 'org', '单位代码'), year: yearArg(required(args, 'year', '年度')), reason: args.options.reason };
}

export const close: Command = async (argv, io) => {
  const { code, year, reason } = closeArgs(argv, ['reason']);
  await withDatabase(io.env, async (db) => {
    const org = await mustFindOrg(db, code);
    const { close: done, already } = await closeYearChecked(db, org, { year, reason, by: CLI_OPERATOR }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'CLOSE_CONDITIONS') throw new CliError(`${error.message}（命令行写作 --reason <原因>）`);
      throw error;
    });
    if (already) io.out(`${org.name}${year}年度已于 ${beijingTime(done.closedAt)} 结账，无需重复结账`);
    else io.out(`已结账：${org.name}${year}年度，冻结统计数 ${done.figures?.length ?? 0} 项；该年度记录不能再修改`);
    if (!already && done.closeReason) io.out(`结账原因（已记入修改历史）：${done.closeReason}`);
  });
  return 0;
};

export const reopen: Command = async (argv, io) => {
  const { code, year } = closeArgs(argv);
  await withDatabase(io.env, async (db) => {
    const org = await mustFindOrg(db, code);
    await reopenYear(db, { orgCode: org.code, year, by: CLI_OPERATOR.openid, byName: CLI_OPERATOR.name });
    io.out(`已反结账：${org.name}${year}年度，记录可以修改了（已记入修改历史）；改完请重新结账`);
  });
  return 0;
};
