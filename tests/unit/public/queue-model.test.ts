import {
  actionsFor,
  choiceFor,
  convertLabel,
  convertRequestOf,
  convertedLine,
  defaultChoice,
  otherKind,
  replaceItem,
  typeOptions,
} from '../../../src/resident/queue/queue-model';
import { editableArticle, groupContacts, newArticle, withSavedArticle } from '../../../src/resident/manage/manage-model';
import type { ContactRow, ManagedArticle, QueueItem } from '../../../src/domain/public/types';
import { CASE_KINDS, CASE_KIND_LABELS } from '../../../src/domain/public/vocab';
import { KINDS } from '../../../src/domain/records/kinds';

describe("the handlers' queue", () => {
  it('should offer only the moves the state allows', () => {
    expect(actionsFor('待处理')).toEqual({ accept: true, convert: true, close: true });
    expect(actionsFor('已受理')).toEqual({ accept: false, convert: true, close: true });
    expect(actionsFor('已转为案件')).toEqual({ accept: false, convert: false, close: true });
    expect(actionsFor('已办结')).toEqual({ accept: false, convert: false, close: false });
  });

  it('should convert a mediation into a 矛盾纠纷 of type 其他 unless another is chosen', () => {
    const choice = defaultChoice({ kind: '调解' });
    expect(convertLabel(choice.kind)).toBe('转为矛盾纠纷');
    expect(convertRequestOf('TJ-20261122-0001', choice)).toEqual({ action: 'convert', ref: 'TJ-20261122-0001', as: 'dispute', disputeType: '其他' });
    const neighbours = { ...choice, typeIndex: typeOptions('dispute').indexOf('邻里') };
    expect(convertRequestOf('TJ-20261122-0001', neighbours).disputeType).toBe('邻里');
  });

  it('should let the handler make a consultation of it instead', () => {
    const choice = choiceFor(otherKind(defaultChoice({ kind: '调解' }).kind));
    expect(convertRequestOf('TJ-20261122-0001', choice)).toEqual({ action: 'convert', ref: 'TJ-20261122-0001', as: 'consultation', category: '其他' });
  });

  it('should replace an item in place after an action', () => {
    const item = (ref: string, state: QueueItem['state']) => ({ ref, state }) as QueueItem;
    expect(replaceItem([item('a', '待处理'), item('b', '待处理')], item('b', '已受理')).map((i) => i.state)).toEqual(['待处理', '已受理']);
  });
});

describe("the admin's published information", () => {
  it('should group contacts by village in the order given', () => {
    const row = (personId: string, orgCode: string) =>
      ({ personId, orgCode, orgName: orgCode, name: personId, role: '人民调解员', publishPhone: false }) as ContactRow;
    const groups = groupContacts([row('a', '1'), row('b', '2'), row('c', '1')]);
    expect(groups.map((g) => [g.orgCode, g.rows.map((r) => r.personId)])).toEqual([
      ['1', ['a', 'c']],
      ['2', ['b']],
    ]);
  });

  it('should start a new article unpublished, and keep the list newest first after a save', () => {
    expect(newArticle('art-000001', '500114213', '2026-11-22')).toMatchObject({ published: false, date: '2026-11-22', category: '民法典' });
    const a = (id: string, date: string) => ({ ...newArticle(id, '500114213', date), updatedAt: '', version: 1 }) as ManagedArticle;
    expect(withSavedArticle([a('x', '2026-11-01'), a('y', '2026-10-01')], a('y', '2026-11-20')).map((x) => x.id)).toEqual(['y', 'x']);
    expect(Object.keys(editableArticle(a('x', '2026-11-01'))).sort()).toEqual(['body', 'category', 'date', 'id', 'orgCode', 'published', 'title']);
  });
});

describe('what a converted request became', () => {
  it('should name the case kind as the kinds’ description does', () => {
    for (const kind of CASE_KINDS) expect(CASE_KIND_LABELS[kind]).toBe(KINDS[kind].label);
    expect(convertedLine({ caseKind: 'dispute', caseId: 'c-1' })).toBe('已转为矛盾纠纷：c-1');
    expect(convertedLine({ caseKind: 'consultation', caseId: 'c-2' })).toBe('已转为法律咨询：c-2');
  });
});
