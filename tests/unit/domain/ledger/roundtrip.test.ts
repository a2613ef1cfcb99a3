/** Export then import gives back the same records (LEDGER.md's contract), also through CSV text. */
import { join } from 'path';
import { parseLedger, type LedgerSheet } from '@/domain/ledger/ledger';
import { exportTable, type OutCell } from '@/domain/ledger/export';
import { parseCsv, writeCsv } from '@/domain/ledger/csv';
import { TABLE_BY_COLLECTION } from '@/domain/ledger/tables';
import type { Collection } from '@/domain/records/common';
import { FIXTURES, readCsvFolder } from '../helpers/ledger-fixture';

const original = parseLedger(readCsvFolder(join(FIXTURES, 'baitu-2023')), new Map());
const collections = Object.keys(original.records) as Collection[];
const exported = (): Array<LedgerSheet & { rows: OutCell[][] }> =>
  collections.map((c) => ({ name: TABLE_BY_COLLECTION.get(c)?.sheet ?? c, rows: exportTable(c, original.records[c] ?? []) }));

describe('ledger export', () => {
  it('should cover all nine tables of the fixture', () => {
    expect(collections.sort()).toEqual(['consultations', 'disputes', 'manual_figures', 'orgs', 'outreach', 'people', 'petitions', 'receptions', 'studies']);
  });

  it('should write the columns in the order of LEDGER.md, with 序号 first and 单位名称 beside 单位代码', () => {
    expect(exportTable('outreach', [])[0]).toEqual([
      '序号',
      '编号',
      '单位代码',
      '单位名称',
      '日期',
      '类型',
      '场所',
      '主题',
      '受众人数',
      '发放资料份数',
      '横幅幅数',
      '咨询人次',
      '状态',
      '记录人',
    ]);
    expect(exportTable('orgs', [])[0]).toEqual(['序号', '代码', '名称', '层级', '上级代码']);
  });

  it('should write dates as date cells of their day, counts as numbers, unit names and absent fields as empty cells', () => {
    const doc = { _id: 'TJ1', orgCode: '500114213201', orgPath: [], acceptDate: '2023-08-03', disputeType: '合同', source: '排查发现', state: '调解中' };
    const [, row] = exportTable('disputes', [doc, { ...doc, _id: 'TJ2' }], new Map([['500114213201', '平阳村']]));
    expect(row).toEqual([1, 'TJ1', '500114213201', '平阳村', new Date('2023-08-03T00:00:00.000Z'), '合同', '排查发现', '调解中', '', '', '']);
  });

  it('should fill 指标名称 and 单位 of catalogue 其他指标 codes and keep a custom code’s own', () => {
    const rows = exportTable('manual_figures', [
      { _id: 'a', orgCode: '500114213', orgPath: [], year: 2023, code: 'enforcement.permits', value: 228 },
      { _id: 'b', orgCode: '500114213', orgPath: [], year: 2023, code: 'x.birth_permits', label: '办理生育证', unit: '人次', value: 160 },
    ]);
    expect(rows.slice(1).map((r) => r.slice(5, 7))).toEqual([
      ['行政许可', '件'],
      ['办理生育证', '人次'],
    ]);
  });

  it('should give back the same records when its rows are imported', () => {
    const again = parseLedger(exported(), new Map());
    expect(again.problems).toEqual([]);
    expect(again.warnings).toEqual([]);
    expect(again.records).toEqual(original.records);
  });

  it('should give back the same records through CSV text', () => {
    const viaCsv = exported().map((s) => ({ name: s.name, rows: parseCsv(writeCsv(s.rows, { bom: true })) }));
    expect(parseLedger(viaCsv, new Map()).records).toEqual(original.records);
  });
});
