/**
 * The bench's synthetic county (tests/bench/county/generate.ts) at a small size: the requested number
 * of records, the ledger's mix of kinds and states, every record in a real unit of the tree and in its
 * township-year, and growing to a bigger size adding only new records.
 */
import {
  benchAccounts,
  countyPeople,
  countyRecords,
  countyUnits,
  COUNTY,
  DATED_COLLECTIONS,
  readTemplate,
  townshipCode,
  type CountyShape,
} from '../../bench/county/generate';
import { PERIODS } from '../../../src/domain/records/periods';
import type { Collection } from '../../../src/domain/records/common';

const SHAPE: CountyShape = { townships: 3, villages: 15, years: [2024, 2025] };
const template = readTemplate();
const records = [...countyRecords(template, 6000, 0, SHAPE)];
const units = countyUnits(SHAPE);
const unitByCode = new Map(units.map((u) => [u.code, u]));

describe('the synthetic county', () => {
  it('should have the county, its townships and their villages as a tree', () => {
    expect(units.filter((u) => u.level === '县').map((u) => u.code)).toEqual([COUNTY]);
    expect(units.filter((u) => u.level === '乡镇')).toHaveLength(3);
    expect(units.filter((u) => u.level === '村')).toHaveLength(45);
    for (const unit of units) {
      expect(unit.path[unit.path.length - 1]).toBe(unit.code);
      if (unit.parentCode) expect(unitByCode.get(unit.parentCode)?.path).toEqual(unit.path.slice(0, -1));
    }
  });

  it('should hold exactly the records asked for, each id once', () => {
    expect(records).toHaveLength(6000);
    expect(new Set(records.map(({ collection, doc }) => `${collection}/${String(doc._id)}`)).size).toBe(6000);
  });

  it("should keep the ledger's mix of kinds and its states", () => {
    const share = (list: ReadonlyArray<{ collection: string }>, kind: string) => list.filter((r) => r.collection === kind).length / list.length;
    for (const kind of DATED_COLLECTIONS) {
      expect(share(records, kind)).toBeGreaterThan(0);
      expect(Math.abs(share(records, kind) - share(template.records, kind))).toBeLessThan(0.02);
    }
    const states = new Set(records.filter((r) => r.collection === 'disputes').map((r) => r.doc.state));
    expect([...states]).toEqual(expect.arrayContaining(['调解成功', '调解不成功']));
    const deleted = records.filter((r) => r.doc.deleted === true).length;
    expect(deleted).toBeGreaterThan(0);
    expect(deleted / records.length).toBeLessThan(0.02);
  });

  it('should put every record in a unit of the tree, in every village, dated in its year', () => {
    const perSlot = new Map<string, number>();
    const villagesUsed = new Set<string>();
    let inYear = 0;
    for (const { collection, doc } of records) {
      const unit = unitByCode.get(String(doc.orgCode));
      expect(unit?.path).toEqual(doc.orgPath);
      if (unit?.level === '村') villagesUsed.add(unit.code);
      const year = Number(String(doc[PERIODS[collection as Collection]!.date]).slice(0, 4));
      // As in the real ledger, a handful are dated the December before or the January after.
      const slotYear = Number(String(doc._id).split('-').at(-2));
      expect([slotYear - 1, slotYear, slotYear + 1]).toContain(year);
      if (year === slotYear) inYear += 1;
      const slot = `${String((doc.orgPath as string[])[1])}:${slotYear}`;
      perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
    }
    expect(inYear / records.length).toBeGreaterThan(0.98);
    expect(villagesUsed.size).toBe(45);
    // 3 townships × 2 years share the 6000 records evenly.
    expect([...perSlot.values()]).toEqual(Array(6).fill(1000));
  });

  it('should grow by adding only new records', () => {
    const key = ({ collection, doc }: { collection: string; doc: Record<string, unknown> }) => `${collection}/${String(doc._id)}`;
    const small = [...countyRecords(template, 2500, 0, SHAPE)].map(key);
    const added = [...countyRecords(template, 6000, 2500, SHAPE)].map(key);
    expect(added).toHaveLength(3500);
    expect(new Set([...small, ...added])).toEqual(new Set(records.map(key)));
  });

  it('should give the bench people a roster entry and a unit of the tree', () => {
    const people = countyPeople(template, SHAPE);
    for (const person of people) expect(unitByCode.get(String(person.orgCode))?.path).toEqual(person.orgPath);
    for (const account of benchAccounts()) expect(unitByCode.has(String(account.orgCode))).toBe(true);
    const worker = benchAccounts().find((a) => a.role === '法律明白人');
    expect(people.find((p) => p._id === worker?.personId)?.orgCode).toBe(worker?.orgCode);
    expect(townshipCode(1)).not.toBe(template.township);
  });
});
