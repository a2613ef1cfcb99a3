import { initialAskDraft, kindOf, kindParam, placeAskProblems, validateAsk } from '../../../src/resident/ask/ask-model';

const key = 'abcdefghij0123456789klmn';

describe('the 我要咨询 / 我要调解 form', () => {
  it('should open as a consultation unless asked for mediation', () => {
    expect(kindOf('mediate')).toBe('调解');
    expect(kindOf(undefined)).toBe('咨询');
    expect(kindOf('anything')).toBe('咨询');
    expect(kindParam('调解')).toBe('mediate');
  });

  it('should start empty and unconsented, with the key it was given', () => {
    expect(initialAskDraft(key, '调解')).toEqual({ key, kind: '调解', name: '', phone: '', description: '', consent: false });
  });

  it('should put each problem beside its field, and the consent problem beside the box', () => {
    const checked = validateAsk(initialAskDraft(key, '咨询'), '500114213201');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const placed = placeAskProblems(checked.problems);
    expect(Object.keys(placed.fields).sort()).toEqual(['consent', 'description', 'name', 'phone']);
    expect(placed.general).toEqual([]);
  });

  it('should send the village from the page, not from the form', () => {
    const draft = { ...initialAskDraft(key, '咨询'), name: '李四', phone: '13900001111', description: '家里老人赡养的问题想咨询。', consent: true };
    expect(validateAsk(draft, '500114213201')).toMatchObject({ ok: true, value: { villageCode: '500114213201', kind: '咨询' } });
    const noVillage = validateAsk(draft, '');
    expect(noVillage.ok).toBe(false);
    if (!noVillage.ok) expect(placeAskProblems(noVillage.problems).general).toHaveLength(1);
  });
});
