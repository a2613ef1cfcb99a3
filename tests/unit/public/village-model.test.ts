import { contactSections, dayLabel, daysAwayLabel, villageCodeOf } from '../../../src/pages/village/village-model';
import { STATE_HINT, beijingStamp, stateClass } from '../../../src/pages/village/request-view';

describe('which village a visit is for', () => {
  it('should read the code image scene first, URL-encoded or not', () => {
    expect(villageCodeOf({ scene: '500114213201' })).toBe('500114213201');
    expect(villageCodeOf({ scene: encodeURIComponent('code=500114213202'), code: '500114213203' })).toBe('500114213202');
  });

  it('should fall back to the link code, then the remembered village', () => {
    expect(villageCodeOf({ code: '500114213203' }, '500114213204')).toBe('500114213203');
    expect(villageCodeOf({ code: 'abc' }, '500114213204')).toBe('500114213204');
    expect(villageCodeOf({ scene: '%E0%A4%A' }, undefined)).toBeNull();
    expect(villageCodeOf({})).toBeNull();
  });
});

describe('how the village page reads', () => {
  it('should write dates the way people say them', () => {
    expect(dayLabel('2026-11-26')).toBe('11月26日 周四');
    expect(daysAwayLabel('2026-11-22', '2026-11-22')).toBe('今天');
    expect(daysAwayLabel('2026-11-23', '2026-11-22')).toBe('明天');
    expect(daysAwayLabel('2026-12-08', '2026-11-22')).toBe('16天后');
    expect(daysAwayLabel('2026-11-21', '2026-11-22')).toBe('');
  });

  it('should put the adviser first and say what to do when nobody is published', () => {
    const sections = contactSections({ advisers: [], mediators: [{ name: '甲' }], legalPersons: [] });
    expect(sections.map((s) => s.title)).toEqual(['法律顾问', '人民调解员', '法律明白人']);
    expect(sections[0].empty).toContain('12348');
  });

  it('should show request states with a class and a plain hint, and times in Beijing', () => {
    expect(stateClass('已转为案件')).toBe('state-tag state-converted');
    expect(STATE_HINT['待处理']).toContain('调解员');
    expect(beijingStamp('2026-11-21T18:30:00.000Z')).toBe('2026-11-22 02:30');
  });
});
