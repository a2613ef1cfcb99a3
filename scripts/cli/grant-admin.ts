/** `grant-admin --openid <id> --org <代码> [--name <姓名>]`: makes a WeChat user a township admin. */
import { grantTownshipAdmin } from '../../cloudfunctions/lib/accounts';
import { CLI_OPERATOR } from '../../cloudfunctions/lib/caller';
import { parseArgs, required } from './args';
import type { Command } from './io';
import { mustFindOrg } from './org';
import { withDatabase } from './stack';

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, { options: ['openid', 'org', 'name'] });
  const openid = required(args, 'openid', 'openid');
  const code = required(args, 'org', '单位代码');
  await withDatabase(io.env, async (db) => {
    const org = await mustFindOrg(db, code);
    const { account } = await grantTownshipAdmin(db, { openid, orgCode: org.code, name: args.options.name }, CLI_OPERATOR, new Date());
    io.out(`已将 ${openid}（${account.name}）设为${org.name}的乡镇管理员（已记入修改历史）`);
  });
  return 0;
};
