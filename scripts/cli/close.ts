/** `close` and `reopen --org <代码> --year <年度>`: year-end close as an operator (by = 'cli'). */
import { closeYear, reopenYear } from '../../cloudfunctions/lib/period-close';
import { parseArgs, required, yearArg } from './args';
import type { Command } from './io';
import { mustFindOrg } from './org';
import { withDatabase } from './stack';

const OPERATOR = { by: 'cli', byName: '命令行' };

/** '2024-01-05 09:30' in Beijing time. */
const beijingTime = (iso: string | undefined): string =>
  iso ? new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ') : '此前';

function closeArgs(argv: readonly string[]) {
  const args = parseArgs(argv, { options: ['org', 'year'] });
  return { code: required(args, 'org', '单位代码'), year: yearArg(required(args, 'year', '年度')) };
}

export const close: Command = async (argv, io) => {
  const { code, year } = closeArgs(argv);
  await withDatabase(io.env, async (db) => {
    const org = await mustFindOrg(db, code);
    const { close: done, already } = await closeYear(db, { orgCode: org.code, year, ...OPERATOR });
    if (already) io.out(`${org.name}${year}年度已于 ${beijingTime(done.closedAt)} 结账，无需重复结账`);
    else io.out(`已结账：${org.name}${year}年度，冻结统计数 ${done.figures?.length ?? 0} 项；该年度记录不能再修改`);
  });
  return 0;
};

export const reopen: Command = async (argv, io) => {
  const { code, year } = closeArgs(argv);
  await withDatabase(io.env, async (db) => {
    const org = await mustFindOrg(db, code);
    await reopenYear(db, { orgCode: org.code, year, ...OPERATOR });
    io.out(`已反结账：${org.name}${year}年度，记录可以修改了（已记入修改历史）；改完请重新结账`);
  });
  return 0;
};
