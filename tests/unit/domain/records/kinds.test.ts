/**
 * The kinds registry drives its consumers: period close, the catalogue and drill-down count a record by
 * the dates its kind describes; forms, problems and the record page name fields by its labels; masking
 * and the ledger export hide every personal field; 我的待办's states and the 法律明白人 rule come from it.
 * Each test is built from the registry, so a consumer that kept a copy of its own fails as soon as the
 * description changes; the "follows a change" tests change the description and watch the consumer move.
 */
import { KINDS, RECORD_KINDS, periodDatesOf, stateLimitOf, type KindDef, type RecordKind } from '@/domain/records/kinds';
import { PERIODS, type RecordPeriod } from '@/domain/records/periods';
import { FIGURES } from '@/domain/indicators/catalogue';
import type { BaseMeasure, FigureDef } from '@/domain/indicators/types';
import { checkPlan, drillPlan } from '@/domain/console/drill';
import { formSpec } from '@/domain/forms/spec';
import { FORM_KINDS, FORM_TITLES } from '@/domain/forms/roles';
import { isClosingState } from '@/domain/forms/case';
import { recordLines } from '@/domain/console/record';
import { TABLES } from '@/domain/ledger/tables';
import { toRow } from '@/domain/ledger/export';
import { APP_ROLES, DISPUTE_STATES } from '@/domain/vocab';
import type { RecordView } from '@/domain/api';
import { touchedDates } from '../../../../cloudfunctions/lib/period-close';
import { recordView, type StoredRecord } from '../../../../cloudfunctions/lib/records/views';
import type { Caller } from '../../../../cloudfunctions/lib/caller';

const DATED = RECORD_KINDS.map((kind) => KINDS[kind]).filter((def): def is KindDef & { period: RecordPeriod } => def.period !== null);
const CASES = DATED.filter((def) => def.period.outcome);

function measuresOf(f: FigureDef): BaseMeasure[] {
  const m = f.measure;
  if (m.kind === 'ratio') return [m.numerator, m.denominator];
  if (m.kind === 'total') return [...m.of];
  return m.kind === 'manual' ? [] : [m];
}
const MEASURES = FIGURES.flatMap(measuresOf);

describe('when a record counts', () => {
  it('should describe a period for every dated kind and none for the roster and 其他指标', () => {
    expect(DATED.map((d) => d.kind)).toEqual(['outreach', 'consultation', 'dispute', 'petition', 'reception', 'study']);
    expect(KINDS.person.period).toBeNull();
    expect(KINDS.manualFigure.period).toBeNull();
    for (const def of DATED) {
      expect(def.period).toBe(PERIODS[def.collection]);
      for (const date of periodDatesOf(def.collection)) expect(def.fields).toContain(date);
    }
  });

  it.each(DATED.map((def) => [def.kind, def] as const))('period close should place a new %s in the year of its period dates', (_kind, def) => {
    const outcome = def.period.outcome;
    const record = { orgCode: '500114213', [def.period.date]: '2023-12-11', ...(outcome ? { [outcome.date]: '2024-01-06' } : {}) };
    expect(touchedDates(def.collection, null, record)).toEqual(outcome ? ['2023-12-11', '2024-01-06'] : ['2023-12-11']);
    // A date under any other name places nothing: the consumer reads no date of its own.
    expect(touchedDates(def.collection, null, { orgCode: '500114213', someDate: '2023-12-11' })).toEqual([]);
  });

  it.each(CASES.map((def) => [def.kind, def] as const))('period close should let a %s’s outcome touch only the outcome’s year', (_kind, def) => {
    const outcome = def.period.outcome;
    if (!outcome) throw new Error('a case has an outcome');
    const open = { orgCode: '500114213', [def.period.date]: '2023-12-11' };
    for (const field of outcome.fields) {
      const closed = { ...open, [outcome.date]: '2024-01-06', [field]: field === outcome.date ? '2024-01-06' : 'changed' };
      expect(touchedDates(def.collection, open, closed)).toEqual(['2024-01-06']);
    }
    const otherField = def.fields.find((f) => f !== def.period.date && !outcome.fields.includes(f));
    if (!otherField) throw new Error('a case has fields besides its dates and outcome');
    expect(touchedDates(def.collection, open, { ...open, [otherField]: 'changed' })).toEqual(['2023-12-11', '2023-12-11']);
  });

  it('period close should follow a change of the description', () => {
    const period = PERIODS.disputes as { date: string; outcome?: { date: string; fields: readonly string[] } };
    const before = { ...period };
    try {
      period.date = 'takenUpOn';
      period.outcome = { date: 'settledOn', fields: ['state', 'settledOn'] };
      const record = { orgCode: '500114213', acceptDate: '2022-01-01', takenUpOn: '2023-12-11', settledOn: '2024-01-06' };
      expect(touchedDates('disputes', null, record)).toEqual(['2023-12-11', '2024-01-06']);
    } finally {
      Object.assign(period, before);
    }
  });

  it('the catalogue should count each record by one of its kind’s period dates, and every dated kind by its main date', () => {
    for (const m of MEASURES) {
      if (m.source === 'orgs' || m.source === 'people') continue;
      expect(periodDatesOf(m.source)).toContain(m.dateField);
    }
    for (const def of DATED) {
      expect(MEASURES.some((m) => m.source === def.collection && m.dateField === def.period.date)).toBe(true);
    }
    for (const def of CASES) {
      expect(MEASURES.some((m) => m.source === def.collection && m.dateField === def.period.outcome?.date)).toBe(true);
    }
  });

  it('the catalogue and drill-down should follow a change of the description', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh catalogue over a changed description
      const periods = require('@/domain/records/periods') as typeof import('@/domain/records/periods');
      (periods.PERIODS.disputes as { date: string }).date = 'takenUpOn';
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const drill = require('@/domain/console/drill') as typeof import('@/domain/console/drill');
      expect(drill.drillPlan('mediation.accepted')?.parts[0].dateField).toBe('takenUpOn');
      expect(drill.drillPlan('mediation.closed')?.parts[0].dateField).toBe('closeDate');
    });
    expect(drillPlan('mediation.accepted')?.parts[0].dateField).toBe(KINDS.dispute.period?.date);
  });

  it('every dated kind’s ledger table should carry its period dates as date columns', () => {
    for (const def of DATED) {
      for (const date of periodDatesOf(def.collection)) {
        expect(def.ledger.columns.find((c) => c.field === date)?.kind).toBe('date');
      }
    }
  });
});

describe('each kind’s ledger table', () => {
  it('should be the format’s table of its collection', () => {
    for (const kind of RECORD_KINDS) expect(TABLES).toContain(KINDS[kind].ledger);
    for (const kind of RECORD_KINDS) expect(KINDS[kind].ledger.collection).toBe(KINDS[kind].collection);
  });
});

describe('labels', () => {
  it('should name every field of every kind', () => {
    for (const kind of RECORD_KINDS) {
      const def = KINDS[kind];
      expect(
        Object.keys(def.labels)
          .filter((f) => f !== 'id')
          .sort(),
      ).toEqual([...def.fields].sort());
    }
  });

  it('should be what the forms show: the label, or the label with a hint', () => {
    for (const kind of FORM_KINDS) {
      expect(FORM_TITLES[kind]).toBe(KINDS[kind].label);
      const spec = formSpec(kind, { role: '乡镇管理员' });
      expect(spec.title).toBe(KINDS[kind].label);
      const labelled = spec.fields.filter((f) => f.label.startsWith(KINDS[kind].labels[f.name]));
      // Only the outreach form words its photos and location its own way (现场照片, 活动位置).
      const own = spec.fields.filter((f) => !labelled.includes(f)).map((f) => `${kind}.${f.name}`);
      expect(own).toEqual(kind === 'outreach' ? ['outreach.photos', 'outreach.location'] : []);
    }
  });

  it('should be what a problem with the kind’s period date says', () => {
    for (const def of DATED) {
      const answer = def.validate({ [def.period.date]: '2023-02-30' });
      if (answer.ok) throw new Error('an empty record is refused');
      const problem = answer.problems.find((p) => p.field === def.period.date);
      expect(problem?.message).toContain(def.labels[def.period.date]);
    }
  });

  it('should be what the console’s record page shows', () => {
    const view = {
      kind: 'petition',
      id: 'P1',
      orgCode: '500114213',
      registerDate: '2023-03-01',
      channel: '来访',
      state: '登记',
      category: '土地',
    } as unknown as RecordView;
    const lines = recordLines(view);
    expect(lines.map((l) => l.label)).toEqual(['registerDate', 'channel', 'category', 'state'].map((f) => KINDS.petition.labels[f]));
  });

  it('drill-down should word a condition as its ledger column', () => {
    const state = KINDS.dispute.ledger.columns.find((c) => c.field === 'state')?.name;
    expect(drillPlan('mediation.success_rate')?.parts[0].label).toBe(`分子：${KINDS.dispute.label}（${state}为调解成功）`);
  });
});

describe('open states', () => {
  it('should be the states a case may still move on from, and nothing else closes it', () => {
    expect(KINDS.dispute.openStates).toEqual(['受理', '调解中']);
    expect(KINDS.petition.openStates).toEqual(['登记', '办理中']);
    for (const kind of ['dispute', 'petition'] as const) {
      for (const state of KINDS[kind].openStates) expect(isClosingState(kind, state)).toBe(false);
    }
    expect(isClosingState('dispute', '移交')).toBe(true);
  });

  it('should be what the quality checks list', () => {
    const where = (plan: ReturnType<typeof checkPlan>) => plan.parts[0].where;
    expect(where(checkPlan('overdue_petitions', '2024-01-01'))).toEqual([{ field: 'state', in: KINDS.petition.openStates }]);
    expect(where(checkPlan('stale_disputes', '2024-01-01'))).toEqual([{ field: 'state', in: KINDS.dispute.openStates }]);
  });
});

describe('who may log which state', () => {
  it('should give the dispute form’s state choices for every role', () => {
    for (const role of APP_ROLES) {
      const field = formSpec('dispute', { role }).fields.find((f) => f.name === 'state');
      const options = field && 'options' in field ? field.options : null;
      expect(options).toEqual(stateLimitOf('dispute', role)?.states ?? DISPUTE_STATES);
    }
    expect(stateLimitOf('dispute', '法律明白人')?.states).toEqual(['受理']);
    expect(stateLimitOf('dispute', '人民调解员')).toBeNull();
  });
});

describe('personal fields', () => {
  const PARTY = { name: '张建明', phone: '13812345678', idNumber: '500114198001011234' };
  const TELLING = `${PARTY.name}（电话${PARTY.phone}，身份证${PARTY.idNumber}）`;
  const leaks = (value: unknown) => [PARTY.name, PARTY.phone, PARTY.idNumber].filter((s) => JSON.stringify(value).includes(s));

  /** A stored case whose every personal field tells of its party. */
  function storedCase(def: KindDef): StoredRecord {
    const doc: Record<string, unknown> = {
      _id: 'CASE-1',
      orgCode: '500114213201',
      orgPath: ['500114', '500114213', '500114213201'],
      recordedBy: 'recorder',
      recorderName: '记录人',
      recordedAt: '2023-03-01T00:00:00.000Z',
      updatedAt: '2023-03-01T00:00:00.000Z',
      version: 1,
      deleted: false,
      handlerIds: ['handler'],
      photos: ['cloud://photo'],
      location: { latitude: 29.5, longitude: 108.7 },
    };
    for (const field of def.personalFields) {
      if (field === 'parties') doc.parties = [PARTY];
      else if (field === 'followUps') doc.followUps = [{ date: '2023-03-02', result: TELLING }];
      else doc[field] = TELLING;
    }
    return doc as StoredRecord;
  }
  const outsider: Caller = {
    openid: 'someone-else',
    name: '王五',
    role: '村干部',
    org: { _id: '500114213202', code: '500114213202', name: '别村', level: '村', parentCode: '500114213', path: ['500114', '500114213', '500114213202'] },
  };
  const PERSONAL = RECORD_KINDS.map((kind) => KINDS[kind]).filter((def) => def.personal);

  it('should be described for the cases only, as fields of theirs', () => {
    expect(PERSONAL.map((d) => d.kind)).toEqual<RecordKind[]>(['dispute', 'petition']);
    for (const def of PERSONAL) for (const field of [...def.personalFields, ...def.handlerOnly]) expect(def.fields).toContain(field);
  });

  it.each(PERSONAL.map((def) => [def.kind, def] as const))('should come masked to someone outside the %s, and handler-only fields not at all', (_kind, def) => {
    const doc = storedCase(def);
    expect(leaks(doc)).toHaveLength(3);
    const view = recordView(def.kind, doc, outsider, '某村');
    expect(leaks(view)).toEqual([]);
    for (const field of def.personalFields) expect(view[field]).toBeDefined();
    for (const field of def.handlerOnly) expect(view[field]).toBeUndefined();
  });

  it.each(PERSONAL.map((def) => [def.kind, def] as const))('should leave a %s’s ledger row masked', (_kind, def) => {
    const row = toRow(def.ledger, storedCase(def), 1);
    expect(leaks(row)).toEqual([]);
  });
});
