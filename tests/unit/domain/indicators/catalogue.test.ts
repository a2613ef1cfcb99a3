import { readFileSync } from 'fs';
import { join } from 'path';
import { FIGURES, FIGURE_BY_ID, isComputedFigureId } from '@/domain/indicators/catalogue';
import { FIGURE_GROUPS } from '@/domain/indicators/types';
import { DISPUTE_TYPES } from '@/domain/vocab';

// A copy of shared/INDICATORS.md (the public contract of figure ids), kept with the fixtures.
const doc = readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'INDICATORS.md'), 'utf8');
/** Every `id` in the first column of INDICATORS.md's tables, and the manual ids of its prose. */
const documentedIds = [...doc.matchAll(/^\| `([a-z_.]+)` \|/gm)].map((m) => m[1]);

describe('the catalogue', () => {
  it('should define every figure id of INDICATORS.md, with its label and unit', () => {
    expect(documentedIds.length).toBeGreaterThan(30);
    for (const id of documentedIds) {
      const row = new RegExp(`^\\| \`${id.replace(/\./g, '\\.')}\` \\| (.+?) \\| (.+?) \\|`, 'm').exec(doc);
      expect({ id, label: FIGURE_BY_ID.get(id)?.label, unit: FIGURE_BY_ID.get(id)?.unit }).toEqual({ id, label: row?.[1], unit: row?.[2] });
    }
  });

  it('should define the four manual figures named in 其他指标', () => {
    for (const id of ['enforcement.permits', 'enforcement.penalties', 'manual.responsibility_letters', 'manual.disclosure_coverage']) {
      expect(doc).toContain(`\`${id}\``);
      expect(FIGURE_BY_ID.get(id)?.measure).toEqual({ kind: 'manual', code: id });
    }
  });

  it('should have one figure by type for every dispute type', () => {
    for (const t of DISPUTE_TYPES) expect(FIGURE_BY_ID.get(`mediation.by_type.${t}`)?.label).toBe(t);
  });

  it('should have unique ids and known groups', () => {
    expect(new Set(FIGURES.map((f) => f.id)).size).toBe(FIGURES.length);
    for (const f of FIGURES) expect(FIGURE_GROUPS).toContain(f.group);
  });

  it('should tell computed ids from manual ones', () => {
    expect(isComputedFigureId('mediation.accepted')).toBe(true);
    expect(isComputedFigureId('enforcement.permits')).toBe(false);
    expect(isComputedFigureId('manual.meetings')).toBe(false);
  });
});
