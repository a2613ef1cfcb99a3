/**
 * `summaries rebuild|check [--org <代码>] [--from <代码>]`: the per unit × month summaries the figures
 * read, made again from the records (rebuild) or compared with them (check; exit 1 when they differ).
 * Without --org, every unit; a village's --org stands for its township (whose roll-ups its records are
 * part of). Township by township in code order, telling progress as it goes; --from starts at a
 * township (to finish a run that stopped there).
 */
import { checkSummaries, rebuildSummaries } from '../../cloudfunctions/lib/summaries/rebuild';
import { CliError, parseArgs } from './args';
import type { Command } from './io';
import { mustFindOrg } from './org';
import { withDatabase } from './stack';

/** How many differences check lists one by one; the rest are counted. */
const SHOWN = 20;

/** How often progress is told: every this many townships, and at the last. */
const EVERY = 1;

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, { options: ['org', 'from'], positionals: 1 });
  const action = args.positionals[0];
  if (action !== 'rebuild' && action !== 'check') throw new CliError('请写 summaries rebuild 或 summaries check', 2);
  return withDatabase(io.env, async (db) => {
    const named = args.options.org ? await mustFindOrg(db, args.options.org) : null;
    // A township's roll-up adds up all of its units: a village is rebuilt and checked with its township.
    const org = named && named.path.length > 2 ? await mustFindOrg(db, named.path[1]) : named;
    const scope = org ? `${org.name}（${org.code}）及下级单位` : '全部单位';
    const started = Date.now();
    const progress = (done: number, total: number, unit: string) => {
      if (done % EVERY === 0 || done === total)
        io.out(`  ${done}/${total} 个乡镇（或县本级），到 ${unit}（${Math.round((Date.now() - started) / 1000)} 秒）；中断后可用 --from ${unit} 接着做`);
    };
    const options = { from: args.options.from, progress };
    if (action === 'rebuild') {
      const { written, removed } = await rebuildSummaries(db, org?.code, options);
      io.out(`已重建${scope}的统计汇总：写入 ${written} 份，删除 ${removed} 份${written + removed === 0 ? '（原本就与记录一致）' : ''}`);
      return 0;
    }
    const differences = await checkSummaries(db, org?.code, options);
    if (differences.length === 0) {
      io.out(`${scope}的统计汇总与记录一致`);
      return 0;
    }
    io.out(`${scope}的统计汇总有 ${differences.length} 份与记录不一致（运行 summaries rebuild 修复）：`);
    for (const d of differences.slice(0, SHOWN)) io.out(`  ${d.orgCode} ${d.month}：汇总 ${d.stored || '（无）'}；按记录应为 ${d.expected || '（无）'}`);
    if (differences.length > SHOWN) io.out(`  ……另有 ${differences.length - SHOWN} 份`);
    return 1;
  });
};
