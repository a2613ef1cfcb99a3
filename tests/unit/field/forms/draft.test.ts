import { buildRecord, changeValue, draftFromRecord, initialDraft, placeProblems, rememberedValues } from '../../../../src/domain/forms/draft';
import { formSpec, type FormContext } from '../../../../src/domain/forms/spec';
import { FORM_KINDS } from '../../../../src/domain/forms/roles';
import { KINDS } from '../../../../src/domain/records/kinds';

const ctx: FormContext = { role: '人民调解员', name: '李调解', today: '2024-05-06' };
const ID = 'abcdefghij0123456789abcd';
const ORG = '500114101201';

function fresh(kind: (typeof FORM_KINDS)[number], extra: Partial<FormContext> = {}) {
  const c = { ...ctx, ...extra };
  const spec = formSpec(kind, c);
  return { spec, draft: initialDraft(spec, { ...c, newId: ID }), c };
}

describe('record forms', () => {
  it.each(FORM_KINDS)('should make a valid %s record from the defaults plus what a person must type', (kind) => {
    const { spec, draft } = fresh(kind);
    const typed = {
      ...draft,
      values: {
        ...draft.values,
        ...(kind === 'reception' ? { leader: '王乡长' } : {}),
        ...(kind === 'study' ? { expected: 9 } : {}),
        ...(kind === 'dispute' || kind === 'petition' ? { parties: [{ name: '张三', phone: '13800000000', idNumber: '' }] } : {}),
      },
    };
    const { record } = buildRecord(spec, typed, ORG);
    const def = KINDS[kind];
    const checked = def.validate(def.prepare ? def.prepare(record) : record);
    expect(checked).toMatchObject({ ok: true });
  });

  it('should default a market-day event to today at the market with zero counts', () => {
    const { draft } = fresh('outreach');
    expect(draft).toEqual({ id: ID, values: expect.objectContaining({ type: '赶集日集中宣传', venue: '集市', date: '2024-05-06', attendees: 0, photos: [] }) });
  });

  it('should start from the type last used on this phone', () => {
    expect(fresh('outreach', { lastUsed: { type: '院坝会' } }).draft.values).toMatchObject({ type: '院坝会', venue: '乡村' });
    expect(fresh('outreach', { lastUsed: { type: '不存在' } }).draft.values.type).toBe('赶集日集中宣传');
  });

  it('should move the venue with the type unless the person chose another venue', () => {
    const { spec, draft, c } = fresh('outreach');
    expect(changeValue(spec, draft, 'type', '院坝会', c).values.venue).toBe('乡村');
    const chosen = changeValue(spec, draft, 'venue', '学校', c);
    expect(changeValue(spec, chosen, 'type', '院坝会', c).values.venue).toBe('学校');
  });

  it('should keep a petition due 60 days after registration until the person sets it', () => {
    const { spec, draft, c } = fresh('petition');
    expect(draft.values.dueDate).toBe('2024-07-05');
    const moved = changeValue(spec, draft, 'registerDate', '2024-05-01', c);
    expect(moved.values.dueDate).toBe('2024-06-30');
    const set = changeValue(spec, moved, 'dueDate', '2024-06-01', c);
    expect(changeValue(spec, set, 'registerDate', '2024-05-02', c).values.dueDate).toBe('2024-06-01');
  });

  it('should only let a 法律明白人 log a dispute clue as 受理', () => {
    const spec = formSpec('dispute', { role: '法律明白人' });
    expect(spec.fields.find((f) => f.name === 'state')).toMatchObject({ options: ['受理'] });
    expect(fresh('dispute', { role: '法律明白人' }).draft.values.source).toBe('排查发现');
  });

  it('should restore a stored draft where it is still sound, with its client id', () => {
    const { spec } = fresh('outreach');
    const draft = initialDraft(spec, {
      ...ctx,
      newId: 'newid000',
      stored: { id: 'kept-id-1', values: { type: '院坝会', attendees: 12, materials: -3, date: 'yesterday' } },
    });
    expect(draft.id).toBe('kept-id-1');
    expect(draft.values).toMatchObject({ type: '院坝会', attendees: 12, materials: 0, date: '2024-05-06' });
  });

  it('should leave out hidden fields and empty optional answers', () => {
    const { spec, draft } = fresh('dispute');
    const { record } = buildRecord(spec, draft, ORG);
    expect(record).not.toHaveProperty('closeDate');
    expect(record).not.toHaveProperty('agreementForm');
    expect(record).not.toHaveProperty('amount');
    expect(record).not.toHaveProperty('description');
    expect(record).not.toHaveProperty('parties');
  });

  it('should close a dispute with its date, agreement and amount when 调解成功', () => {
    const { spec, draft, c } = fresh('dispute');
    let d = changeValue(spec, draft, 'state', '调解成功', c);
    d = changeValue(spec, d, 'amount', '1500.5', c);
    expect(buildRecord(spec, d, ORG).record).toMatchObject({ state: '调解成功', closeDate: '2024-05-06', agreementForm: '书面', amount: 1500.5 });
  });

  it('should hand photos to the outbox rather than put local files in the record', () => {
    const { spec, draft, c } = fresh('outreach');
    const d = changeValue(spec, draft, 'photos', [{ local: 'idb:1' }], c);
    const built = buildRecord(spec, changeValue(spec, d, 'location', { latitude: 29.5, longitude: 108.7 }, c), ORG);
    expect(built.photos).toEqual([{ local: 'idb:1' }]);
    expect(built.record).not.toHaveProperty('photos');
    expect(built.record.location).toEqual({ latitude: 29.5, longitude: 108.7 });
  });

  it('should drop blank parties and upper-case an ID number ending in x', () => {
    const { spec, draft, c } = fresh('dispute');
    const d = changeValue(
      spec,
      draft,
      'parties',
      [
        { name: ' 张三 ', phone: '', idNumber: '50011419800101123x' },
        { name: '', phone: '', idNumber: '' },
      ],
      c,
    );
    expect(buildRecord(spec, d, ORG).record.parties).toEqual([{ name: '张三', idNumber: '50011419800101123X' }]);
  });

  it('should reopen a record needing fixing with its id, photos and the fields the form does not show', () => {
    const { spec, c } = fresh('dispute');
    const record = {
      id: 'fixme0001',
      orgCode: ORG,
      acceptDate: '2024-05-01',
      disputeType: '邻里',
      source: '排查发现',
      state: '受理',
      amount: 20,
      followUps: [{ date: '2024-05-02', result: '好' }],
    };
    const d = draftFromRecord(spec, record, [{ local: 'p', fileID: 'cloud://p' }], spec.defaults(c));
    expect(d).toMatchObject({ id: 'fixme0001', keep: { followUps: record.followUps } });
    expect(d.values).toMatchObject({ acceptDate: '2024-05-01', amount: '20', photos: [{ local: 'p', fileID: 'cloud://p' }] });
    expect(buildRecord(spec, d, ORG).record.followUps).toEqual(record.followUps);
  });

  it('should put each problem beside its field, a party problem with its number, others on top', () => {
    const { spec, draft } = fresh('dispute');
    const placed = placeProblems(
      spec,
      [
        { field: 'parties.1.phone', message: '电话格式不对' },
        { field: 'acceptDate', message: '请填写受理日期' },
        { field: 'id', message: '记录编号格式不对' },
        { field: 'closeDate', message: '须填写办结日期' },
      ],
      draft.values,
    );
    expect(placed.fields).toEqual({ parties: '第2位：电话格式不对', acceptDate: '请填写受理日期' });
    expect(placed.general).toEqual(['记录编号格式不对', '须填写办结日期']);
  });

  it('should remember the type-like answers for the next form', () => {
    const { spec, draft } = fresh('outreach');
    expect(rememberedValues(spec, draft.values)).toEqual({ type: '赶集日集中宣传' });
  });
});
