/** 乡镇本级: the catalogue's pipelines narrowed to a unit's own records; with its villages it makes the whole. */
import { join } from 'path';
import { Aggregator } from 'mingo';
import { parseLedger } from '@/domain/ledger/ledger';
import { assemble, pipelinesFor, type AggregateRows } from '@/domain/indicators';
import { mustParsePeriod } from '@/domain/period';
import { addsUpOverUnits } from '@/domain/console/series';
import { FIXTURES, figuresOf, readCsvFolder, type Db } from '../helpers/ledger-fixture';

const db: Db = parseLedger(readCsvFolder(join(FIXTURES, 'baitu-2023')), new Map()).records;
const TOWNSHIP = '500114213';

function ownFigures(code: string) {
  const rows: AggregateRows = {};
  for (const { collection, pipeline } of pipelinesFor(code, mustParsePeriod('2023'), undefined, { scope: 'own' })) {
    rows[collection] = new Aggregator(pipeline, {}).run([...(db[collection] ?? [])]);
  }
  return assemble(rows);
}

describe('pipelines of a unit’s own records', () => {
  it('should count only the unit’s own records', () => {
    const own = ownFigures(TOWNSHIP);
    expect(own['org.villages']).toBe(0);
    expect(own['roster.township_mediators']).toBe(1);
    expect(own['roster.village_mediators']).toBe(0);
  });

  it('should add up with the villages to the township for every additive figure', () => {
    const own = ownFigures(TOWNSHIP);
    const villages = (db.orgs ?? []).filter((o) => o.level === '村').map((o) => figuresOf(db, String(o._id), '2023'));
    const whole = figuresOf(db, TOWNSHIP, '2023');
    for (const [id, value] of Object.entries(whole)) {
      if (!addsUpOverUnits(id) || value === null) continue;
      const sum = villages.reduce((t, f) => t + (f[id] ?? 0), own[id] ?? 0);
      expect({ id, sum: Math.round(sum * 100) / 100 }).toEqual({ id, sum: value });
    }
  });
});
