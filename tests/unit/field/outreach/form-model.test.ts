import { validateOutreach } from '../../../../src/domain/records/outreach';
import {
  buildOutreachRecord,
  changeType,
  defaultVenueFor,
  hasProblems,
  initialDraft,
  placeProblems,
  type OutreachDraft,
} from '../../../../src/field/outreach/form-model';

const ID = 'abcdefghijklmnopqrstuvwx';
const TODAY = '2024-03-05';
const ORG = '520000000001';

describe('initialDraft', () => {
  it('should default to market-day outreach at the market, today, with zero counts', () => {
    expect(initialDraft({ newId: ID, today: TODAY })).toEqual({
      id: ID,
      type: '赶集日集中宣传',
      venue: '集市',
      date: TODAY,
      topic: '',
      attendees: 0,
      materials: 0,
      banners: 0,
      consultations: 0,
    });
  });

  it('should start from the type last used, with the village as venue for other types', () => {
    const draft = initialDraft({ newId: ID, today: TODAY, lastType: '院坝会' });
    expect(draft).toMatchObject({ type: '院坝会', venue: '乡村' });
  });

  it('should ignore a remembered type that is not in the vocabulary', () => {
    expect(initialDraft({ newId: ID, today: TODAY, lastType: '唱歌' }).type).toBe('赶集日集中宣传');
  });

  it('should restore a stored draft, keeping its id so a resend is the same record', () => {
    const stored = { id: 'storedid0000000000000000', type: '法治讲座', venue: '学校', date: '2024-03-01', topic: '宪法', attendees: 40 };
    expect(initialDraft({ newId: ID, today: TODAY, stored })).toMatchObject({ ...stored, materials: 0 });
  });

  it('should drop the unsound parts of a stored draft', () => {
    const stored = { id: '!', type: '唱歌', venue: '月球', date: '2023-02-30', topic: 7, attendees: -3, banners: 1.5 };
    expect(initialDraft({ newId: ID, today: TODAY, stored })).toEqual(initialDraft({ newId: ID, today: TODAY }));
  });
});

describe('changeType', () => {
  const base = initialDraft({ newId: ID, today: TODAY });

  it('should move the default venue along with the type', () => {
    expect(changeType(base, '入户宣传').venue).toBe(defaultVenueFor('入户宣传'));
    expect(changeType(changeType(base, '入户宣传'), '赶集日集中宣传').venue).toBe('集市');
  });

  it('should keep a venue the person chose', () => {
    expect(changeType({ ...base, venue: '学校' }, '法治讲座').venue).toBe('学校');
  });
});

describe('buildOutreachRecord', () => {
  const draft: OutreachDraft = { ...initialDraft({ newId: ID, today: TODAY }), attendees: 120, materials: 300, banners: 2, consultations: 15 };

  it('should build a record that the shared schema accepts', () => {
    const record = buildOutreachRecord(draft, ORG);
    expect(validateOutreach(record)).toEqual({ ok: true, value: record });
    expect(record).toMatchObject({ id: ID, orgCode: ORG, date: TODAY, attendees: 120 });
  });

  it('should leave out an empty topic and trim a filled one', () => {
    expect(buildOutreachRecord({ ...draft, topic: '  ' }, ORG)).not.toHaveProperty('topic');
    expect(buildOutreachRecord({ ...draft, topic: ' 民法典 ' }, ORG).topic).toBe('民法典');
  });
});

describe('placeProblems', () => {
  it('should put each field problem beside its field and the rest on top', () => {
    const result = validateOutreach(
      buildOutreachRecord({ ...initialDraft({ newId: 'x', today: '2024-02-30' }), banners: 5000 }, 'bad'),
    );
    expect(result.ok).toBe(false);
    const placed = placeProblems(result.ok ? [] : result.problems);
    expect(placed.fields.date).toMatch(/活动日期/);
    expect(placed.fields.banners).toBe('横幅幅数不能超过1000');
    expect(placed.general).toEqual(expect.arrayContaining(['记录编号格式不对', '单位代码格式不对']));
    expect(hasProblems(placed)).toBe(true);
  });

  it('should keep only the first problem of a field', () => {
    const placed = placeProblems([
      { field: 'attendees', message: '第一' },
      { field: 'attendees', message: '第二' },
    ]);
    expect(placed.fields).toEqual({ attendees: '第一' });
    expect(placed.general).toEqual([]);
  });

  it('should report no problems for none', () => {
    expect(hasProblems(placeProblems([]))).toBe(false);
  });
});
