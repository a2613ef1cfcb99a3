/** `grant-admin --openid <id> --org <代码> [--name <姓名>]`: makes a WeChat user a township admin. */
import type { AccountDoc } from '../../cloudfunctions/lib/caller';
import { CliError, parseArgs, required } from './args';
import type { Command } from './io';
import { mustFindOrg } from './org';
import { withDatabase } from './stack';

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, { options: ['openid', 'org', 'name'] });
  const openid = required(args, 'openid', 'openid');
  const code = required(args, 'org', '单位代码');
  await withDatabase(io.env, async (db) => {
    const org = await mustFindOrg(db, code);
    if (org.level === '村') throw new CliError(`“${org.name}”是村级单位；乡镇管理员须设在乡镇（或区县）一级`);
    const { data } = await db.collection('accounts').doc(openid).get();
    const existing = (Array.isArray(data) ? data[0] : data) as AccountDoc | undefined;
    const name = args.options.name ?? existing?.name ?? `${org.name}管理员`;
    const account: Omit<AccountDoc, '_id'> = { name, role: '乡镇管理员', orgCode: org.code };
    // The roster entry stays linked when an existing account is promoted.
    if (existing?.personId) account.personId = existing.personId;
    await db.collection('accounts').doc(openid).set(account);
    io.out(`已将 ${openid}（${name}）设为${org.name}的乡镇管理员`);
  });
  return 0;
};
