/**
 * The command line end to end: `import` and `figures --json` spawned as real processes give the
 * fixture's expected figures; re-import, bad files and dry runs write nothing; an export imported into
 * an empty data directory gives the same figures; `grant-admin` makes a person a township admin that
 * the session function then recognises; every error is a Chinese message and a non-zero exit.
 */
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGatewayProcess, tempDir, type GatewayProcess } from '../../helpers/gateway';
import { withLocalSdk } from '../../../scripts/local-sdk';
import { computeFigures, rowsFromRecords } from '../../../cloudfunctions/lib/figures/compute';
import { assemble } from '../../../src/domain/indicators';
import { mustParsePeriod } from '../../../src/domain/period';
import { closeOf } from '../../../cloudfunctions/lib/period-close';
import { historyOf } from '../../../cloudfunctions/lib/history';
import { findOrg } from '../../../cloudfunctions/lib/orgs';
import type { Database } from '../../../cloudfunctions/lib/cloudbase';
import { EXPECTED, FIXTURE, TOWNSHIP, counts, stamps } from '../ledger/stack';
import { runCli, spawnCli } from './run-cli';
import JSZip from 'jszip';

/** The words of a .docx's body, runs joined (Word splits a paragraph's text into runs). */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

let dataDir: string;
let gateway: GatewayProcess;
const scratch = tempDir('cli-files-');
const onGateway = <T>(work: (db: Database) => Promise<T>) => withLocalSdk(gateway.url, work);

/** The fixture folder copied with one CSV line edited. */
function spoiled(name: string, file: string, from: string, to: string): string {
  const dir = join(scratch, name);
  cpSync(FIXTURE, dir, { recursive: true });
  const path = join(dir, `${file}.csv`);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(path, text.replace(from, to));
  return dir;
}

const figuresJson = (stdout: string) => JSON.parse(stdout) as { org: string; period: string; figures: Record<string, number | null> };

beforeAll(async () => {
  dataDir = tempDir('cli-data-');
  // A gateway already serving the data directory: the commands must use it, not open the data twice.
  gateway = await startGatewayProcess({ dataDir, envId: 'fazhi-local', args: ['--workers', '1:2'] });
}, 60000);
afterAll(async () => {
  await gateway?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('npm run cli', () => {
  it('should import the fixture and print every expected figure with figures --json', async () => {
    const imported = await spawnCli(['import', FIXTURE], dataDir);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('普法活动：新增 23，更新 0，未变 0');

    const shown = await spawnCli(['figures', '--org', TOWNSHIP, '--period', '2023', '--json'], dataDir);
    expect(shown.code).toBe(0);
    const answer = figuresJson(shown.stdout);
    expect(Object.keys(answer)).toEqual(['org', 'period', 'figures']);
    expect(answer).toMatchObject({ org: TOWNSHIP, period: '2023' });
    expect(answer.figures).toMatchObject(EXPECTED);
    // The commands used the running gateway: what they wrote is there.
    expect((await onGateway(counts)).disputes).toBe(224);
  }, 180000);

  it('should change nothing when the fixture is imported a second time', async () => {
    const before = await onGateway(async (db) => ({ counts: await counts(db), people: await stamps(db, 'people'), petitions: await stamps(db, 'petitions') }));
    const again = await runCli(['import', FIXTURE], dataDir);
    expect(again.code).toBe(0);
    const lines = again.stdout.split('\n').filter((l) => l.includes('新增'));
    expect(lines).toHaveLength(9);
    for (const line of lines) expect(line).toMatch(/新增 0，更新 0，未变 \d+/);
    const after = await onGateway(async (db) => ({ counts: await counts(db), people: await stamps(db, 'people'), petitions: await stamps(db, 'petitions') }));
    expect(after).toEqual(before);
    // The first import wrote one history entry per record it created; the second wrote none.
    expect(after.counts.history).toBe(
      after.counts.people +
        after.counts.outreach +
        after.counts.consultations +
        after.counts.disputes +
        after.counts.petitions +
        after.counts.receptions +
        after.counts.studies +
        after.counts.manual_figures,
    );
    expect(await onGateway((db) => computeFigures(db, TOWNSHIP, mustParsePeriod('2023')))).toMatchObject(EXPECTED);
  });

  it('should write nothing for a file with a bad vocabulary cell, exit 1 and name sheet, row and column', async () => {
    const bad = spoiled('bad-vocab', '普法活动', 'PF00053,500114213,2023-06-02,赶集日集中宣传', 'PF00053,500114213,2023-06-02,赶大集');
    const before = await onGateway(counts);
    const result = await spawnCli(['import', bad], dataDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('普法活动 第3行 类型：“赶大集”不是可填的词');
    expect(result.stderr).toContain('没有写入任何数据');
    expect(await onGateway(counts)).toEqual(before);
  }, 30000);

  it('should write nothing for a file with a bad date, and name where it is', async () => {
    const bad = spoiled('bad-date', '矛盾纠纷', 'TJ00088,500114213206,2022-12-02', 'TJ00088,500114213206,2022-13-02');
    const withNew = join(bad, '法律咨询.csv');
    writeFileSync(withNew, `${readFileSync(withNew, 'utf8').trimEnd()}\r\nZX-NEW-9,${TOWNSHIP},2023-03-01,其他,2,\r\n`);
    const before = await onGateway(counts);
    const result = await runCli(['import', bad], dataDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('矛盾纠纷 第3行 受理日期：“2022-13-02”不是有效日期');
    expect(result.stdout).toContain('法律咨询：新增 1');
    expect(await onGateway(counts)).toEqual(before);
  });

  it('should write nothing in a dry run of a good file that would change records', async () => {
    const changed = spoiled('changed', '领导接访', 'JF00371,500114213,2023-12-20,严富军,3', 'JF00371,500114213,2023-12-20,严富军,7');
    const before = await onGateway(async (db) => ({ counts: await counts(db), receptions: await stamps(db, 'receptions') }));
    const result = await runCli(['import', changed, '--dry-run'], dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('试导入');
    expect(result.stdout).toContain('领导接访：新增 0，更新 1，未变 299');
    expect(await onGateway(async (db) => ({ counts: await counts(db), receptions: await stamps(db, 'receptions') }))).toEqual(before);
  });

  it('should export a ledger that, imported into an empty data directory, gives the same figures', async () => {
    const file = join(scratch, '白土乡-2023.xlsx');
    const exported = await runCli(['export', '--org', TOWNSHIP, '--period', '2023', '--out', file], dataDir);
    expect(exported.code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    const empty = tempDir('cli-empty-');
    try {
      // No gateway serves this directory: the command starts one for itself and closes it.
      const imported = await spawnCli(['import', file], empty);
      expect(imported.code).toBe(0);
      const shown = await spawnCli(['figures', '--org', TOWNSHIP, '--period', '2023', '--json'], empty);
      expect(shown.code).toBe(0);
      expect(figuresJson(shown.stdout).figures).toEqual(await onGateway((db) => computeFigures(db, TOWNSHIP, mustParsePeriod('2023'))));
      expect(readdirSync(empty)).not.toContain('gateway.json');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 90000); // three command-line runs, two of them starting a gateway of their own

  it('should close a year only with a reason while villages have not reported or records await review, as the console does', async () => {
    // The imported ledger has no 月报: every village month of 2023 is unreported. For this refusal the
    // township reviews and one village record of 2023 awaits it; both are undone before the close.
    const held = await onGateway(async (db) => {
      const township = await findOrg(db, TOWNSHIP);
      const settings = {
        orgCode: TOWNSHIP,
        orgPath: township?.path,
        cadence: 'monthly',
        dueDay: 5,
        review: true,
        version: 1,
        updatedAt: '',
        updatedBy: 'cli',
        updatedByName: '',
      };
      await db.collection('supervision_settings').doc(TOWNSHIP).set(settings);
      const _ = db.command;
      const { data } = await db
        .collection('outreach')
        .where({ orgPath: TOWNSHIP, orgCode: _.neq(TOWNSHIP), date: _.gte('2023-01-01').and(_.lte('2023-12-31')) })
        .limit(1)
        .get();
      await db.collection('outreach').doc(String(data[0]._id)).update({ reviewState: '待审核' });
      return String(data[0]._id);
    });
    const refused = await runCli(['close', '--org', TOWNSHIP, '--year', '2023'], dataDir).finally(() =>
      onGateway(async (db) => {
        await db.collection('supervision_settings').doc(TOWNSHIP).remove();
        await db.collection('outreach').doc(held).update({ reviewState: db.command.remove() });
      }),
    );
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('未报送月报') });
    expect(refused.stderr).toContain('还有1条记录待审核');
    expect(refused.stderr).toContain('--reason');
    expect(await onGateway((db) => closeOf(db, TOWNSHIP, 2023))).toBeNull();

    const closed = await runCli(['close', '--org', TOWNSHIP, '--year', '2023', '--reason', '历史台账补录，当年无月报'], dataDir);
    expect(closed.code).toBe(0);
    expect(closed.stdout).toContain('已结账：白土乡2023年度');
    const history = await onGateway((db) => historyOf(db, 'period_closes', `${TOWNSHIP}:2023`));
    expect(history).toEqual([
      expect.objectContaining({ action: 'close', by: 'cli', after: expect.objectContaining({ closeReason: '历史台账补录，当年无月报' }) }),
    ]);
  });

  it('should print a closed year’s readable table, write the report draft and reopen the year', async () => {
    const table = await runCli(['figures', '--org', TOWNSHIP, '--period', '2023'], dataDir);
    expect(table.stdout).toContain('已结账');
    expect(table.stdout).toContain('【矛盾纠纷化解】');
    expect(table.stdout).toMatch(/发放宣传资料\s+3046份/);
    expect(table.stdout).toMatch(/交办信访事项按期办结率\s+100%/);

    const docx = join(scratch, 'report.docx');
    const report = await runCli(['report', '--org', TOWNSHIP, '--period', '2023', '--out', docx, '--yu'], dataDir);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('白土乡2023年度法治政府建设情况报告');
    expect(existsSync(docx)).toBe(true);
    // --yu follows INDICATORS.md's defaults: sums with 余 as the real report prints them, counts exact.
    const text = await docxText(docx);
    for (const printed of ['3000余份', '500余人次', '20余幅', '受理各类矛盾纠纷221件', '处理上访诉求5件，办理5件']) expect(text).toContain(printed);

    expect((await runCli(['reopen', '--org', TOWNSHIP, '--year', '2023'], dataDir)).stdout).toContain('已反结账');
    const twice = await runCli(['reopen', '--org', TOWNSHIP, '--year', '2023'], dataDir);
    expect(twice).toMatchObject({ code: 1, stderr: expect.stringContaining('尚未结账') });
  });

  it('should label a township’s own 其他指标 in the table as entered', async () => {
    await onGateway(async (db) => {
      const org = await findOrg(db, TOWNSHIP);
      const entry = { orgCode: TOWNSHIP, orgPath: org?.path, year: 2022, code: 'x.emergency_team', label: '应急分队', unit: '支', value: 3 };
      await db.collection('manual_figures').doc(`${TOWNSHIP}:2022:x.emergency_team`).set(entry);
    });
    const table = await runCli(['figures', '--org', TOWNSHIP, '--period', '2022'], dataDir);
    expect(table.stdout).toContain('【其他指标】');
    expect(table.stdout).toMatch(/应急分队\s+3支/);
  });

  it('should make a person a township admin whom the session function then recognises', async () => {
    const granted = await runCli(['grant-admin', '--openid', 'o-new-admin', '--org', TOWNSHIP, '--name', '李四'], dataDir);
    expect(granted.code).toBe(0);
    const res = await fetch(`${gateway.url}/api/fn/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fazhi-openid': 'o-new-admin' },
      body: JSON.stringify({ data: { action: 'whoami' } }),
    });
    const body = (await res.json()) as { result?: { me: { name: string; role: string; org: { code: string } } | null } };
    expect(body.result?.me).toMatchObject({ name: '李四', role: '乡镇管理员', org: { code: TOWNSHIP } });
    const history = await onGateway((db) => historyOf(db, 'accounts', 'o-new-admin'));
    expect(history).toEqual([
      expect.objectContaining({ action: 'create', by: 'cli', before: null, after: { name: '李四', role: '乡镇管理员', orgCode: TOWNSHIP } }),
    ]);

    const village = await runCli(['grant-admin', '--openid', 'o-x', '--org', '500114213201'], dataDir);
    expect(village).toMatchObject({ code: 1, stderr: expect.stringContaining('村级单位') });
  }, 30000);

  it('should check the summaries against the records and rebuild the spoiled ones', async () => {
    expect(await runCli(['summaries', 'check', '--org', TOWNSHIP], dataDir)).toMatchObject({ code: 0, stdout: expect.stringContaining('统计汇总与记录一致') });
    const spoiledId = await onGateway(async (db) => {
      const { data } = await db.collection('summaries').where({ orgPath: TOWNSHIP, month: '2023-03' }).limit(1).get();
      const { _id: id, ...doc } = data[0] as { _id: string };
      await db
        .collection('summaries')
        .doc(id)
        .set({ ...doc, ok: { outreach_events: { n: 999 } } });
      return id;
    });
    const found = await runCli(['summaries', 'check'], dataDir);
    expect(found).toMatchObject({ code: 1, stdout: expect.stringContaining('有 1 份与记录不一致') });
    expect(found.stdout).toContain('2023-03');
    expect((await runCli(['summaries', 'rebuild', '--org', TOWNSHIP], dataDir)).stdout).toContain('写入 1 份，删除 0 份');
    expect((await runCli(['summaries', 'check'], dataDir)).code).toBe(0);
    // A village's records add up to its township's roll-up: asked for the village, the township is rebuilt.
    const village = await onGateway(async (db) => {
      const { data } = await db.collection('summaries').where({ orgPath: TOWNSHIP, month: '2023-03' }).limit(1000).get();
      const { _id: id, ...doc } = (data as Array<{ _id: string; orgCode: string; span: string }>).find((d) => d.span === 'unit' && d.orgCode !== TOWNSHIP)!;
      await db
        .collection('summaries')
        .doc(id)
        .set({ ...doc, ok: { outreach_events: { n: 999 } } });
      return doc.orgCode;
    });
    const rebuilt = (await runCli(['summaries', 'rebuild', '--org', village], dataDir)).stdout;
    expect(rebuilt).toContain(`（${TOWNSHIP}）及下级单位`);
    expect(rebuilt).toContain('写入 1 份，删除 0 份');
    expect((await runCli(['summaries', 'check'], dataDir)).code).toBe(0);
    const shown = figuresJson((await runCli(['figures', '--org', TOWNSHIP, '--period', '2023-03', '--json'], dataDir)).stdout);
    // As the pipelines aggregate them from the records: the oracle.
    expect(shown.figures).toEqual(await onGateway(async (db) => assemble(await rowsFromRecords(db, TOWNSHIP, mustParsePeriod('2023-03')))));
    expect(spoiledId).toContain('_2023-03');
    expect(await runCli(['summaries', 'mend'], dataDir)).toMatchObject({ code: 2, stderr: expect.stringContaining('summaries rebuild 或 summaries check') });
  }, 30000);

  it('should answer every mistake with a Chinese message and a non-zero exit', async () => {
    const unknown = await spawnCli(['frobnicate'], dataDir);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('不认识的命令：frobnicate');
    expect(unknown.stderr).toContain('用法');
    expect(unknown.stdout).toBe('');

    const cases: Array<[string[], string]> = [
      [['import', join(scratch, 'no-such.xlsx')], '找不到文件或文件夹'],
      [['import', join(FIXTURE, 'expected.json')], '只能导入 .xlsx'],
      [['figures', '--org', TOWNSHIP, '--period', '2023Q5'], '期间格式不对'],
      [['figures', '--org', '500114999', '--period', '2023'], '没有找到单位“500114999”'],
      [['figures', '--org', TOWNSHIP], '缺少 --period'],
      [['export', '--org', TOWNSHIP, '--period', '2023', '--out', join(scratch, 'x.csv')], '须是 .xlsx'],
      [['report', '--org', TOWNSHIP, '--period', '2023Q1', '--out', join(scratch, 'r.docx')], '须是一个年度'],
      [['close', '--org', TOWNSHIP, '--year', 'next'], '四位年份'],
      [['grant-admin', '--openid', 'o-y', '--org', '500114999'], '没有找到单位'],
      [['figures', '--org', TOWNSHIP, '--period', '2023', '--jsn'], '不认识的选项：--jsn'],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, dataDir);
      expect({ args, code: result.code === 0 ? 0 : 'non-zero', stderr: result.stderr }).toEqual({
        args,
        code: 'non-zero',
        stderr: expect.stringContaining(message),
      });
    }
  }, 30000);
});
