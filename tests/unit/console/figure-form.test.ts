import { draftFor, draftOf, emptyDraft, problemsByField, valueText } from '@/console/figures/figure-form';
import type { ManualFigureEntry } from '@/domain/console/ledger-api';

const entry = (over: Partial<ManualFigureEntry>): ManualFigureEntry => ({
  code: 'enforcement.permits',
  label: '行政许可',
  unit: '件',
  value: 228,
  catalogue: true,
  version: 1,
  updatedAt: null,
  recorderName: null,
  ...over,
});

describe('the 其他指标 form', () => {
  it('should show and edit a rate as a percentage, other figures with their unit', () => {
    expect(valueText(0.975, '%')).toBe('97.5%');
    expect(valueText(160, '人次')).toBe('160人次');
    expect(draftOf(entry({ code: 'manual.disclosure_coverage', unit: '%', value: 0.98 })).value).toBe('98%');
  });

  it('should open a catalogue code with its entry of the year, a custom entry with its label and unit', () => {
    expect(draftFor({ entries: [entry({})] }, 'enforcement.permits')).toEqual({
      catalogueId: 'enforcement.permits',
      code: 'enforcement.permits',
      label: '',
      unit: '',
      value: '228',
    });
    expect(draftFor({ entries: [] }, 'enforcement.penalties')).toEqual(emptyDraft('enforcement.penalties'));
    expect(draftOf(entry({ code: 'x.a', label: '办理生育证', unit: '人次', catalogue: false, value: 160 }))).toMatchObject({
      catalogueId: '',
      label: '办理生育证',
      unit: '人次',
      value: '160',
    });
  });

  it('should keep the first problem of each field', () => {
    expect(
      problemsByField([
        { field: 'label', message: 'a' },
        { field: 'label', message: 'b' },
        { field: 'value', message: 'c' },
      ]),
    ).toEqual({ label: 'a', value: 'c' });
  });
});
