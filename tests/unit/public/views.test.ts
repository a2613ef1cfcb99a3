import { comingEvents, publicContact, publicEvent, requestStatusView, villageContacts, type RosterPerson } from '../../../src/domain/public/views';
import { validateArticle } from '../../../src/domain/public/article';

const person = (overrides: Partial<RosterPerson>): RosterPerson => ({ name: '张三', role: '人民调解员', ...overrides });

describe('what the public sees of a roster entry', () => {
  it('should show a phone only when its owner agreed to publish it', () => {
    expect(publicContact(person({ phone: '13800000001', publishPhone: true }))).toEqual({ name: '张三', phone: '13800000001' });
    expect(publicContact(person({ phone: '13800000001', publishPhone: false }))).toEqual({ name: '张三' });
    expect(publicContact(person({ phone: '13800000001' }))).toEqual({ name: '张三' });
  });

  it('should show service hours of advisers only, and never ids or dates', () => {
    const adviser = { ...person({ role: '法律顾问', serviceHours: '每周二上午' }), _id: 'RY00038', startDate: '2022-01-01' };
    expect(publicContact(adviser)).toEqual({ name: '张三', serviceHours: '每周二上午' });
    expect(publicContact(person({ serviceHours: '每周二上午' }))).toEqual({ name: '张三' });
  });

  it('should list the people serving today by role, those with a phone first', () => {
    const contacts = villageContacts(
      [
        person({ name: '乙', phone: '13800000002', publishPhone: true }),
        person({ name: '甲' }),
        person({ name: '丙', endDate: '2020-01-01' }),
        person({ name: '丁', deleted: true }),
        person({ name: '戊', startDate: '2099-01-01' }),
        person({ name: '己', role: '法律明白人' }),
        person({ name: '庚', role: '网格员' }),
        person({ name: '辛', role: '法律顾问' }),
      ],
      '2026-11-22',
    );
    expect(contacts).toEqual({
      advisers: [{ name: '辛' }],
      mediators: [{ name: '乙', phone: '13800000002' }, { name: '甲' }],
      legalPersons: [{ name: '己' }],
    });
  });
});

describe('coming events and request status', () => {
  it('should list planned events with a topic from today on, soonest first', () => {
    const e = (date: string) => ({ date, type: '院坝会', venue: '乡村', status: '计划', topic: '民法典进乡村' });
    const list = comingEvents([e('2026-12-09'), e('2026-11-21'), e('2026-11-22'), { ...e('2026-11-30'), deleted: true }], '2026-11-22');
    expect(list.map((x) => x.date)).toEqual(['2026-11-22', '2026-12-09']);
    // Held today (already happened), held without a 状态, or planned without a topic: not coming.
    const held = { ...e('2026-11-22'), status: '已举办' };
    const { status: _none, ...unstated } = e('2026-11-25');
    expect(comingEvents([held, unstated, { ...e('2026-11-26'), topic: ' ' }], '2026-11-22')).toEqual([]);
    expect(publicEvent({ ...e('2026-12-09'), topic: ' 防范诈骗 ' }, '白土村')).toEqual({
      date: '2026-12-09',
      type: '院坝会',
      place: '白土村 · 乡村',
      topic: '防范诈骗',
    });
  });

  it('should tell a resident the reference, kind, village, state and dates of a request, and nothing else', () => {
    const stored = {
      ref: 'TJ-20261122-0001',
      kind: '调解' as const,
      state: '已受理' as const,
      createdAt: 'c',
      updatedAt: 'u',
      name: '王秀兰',
      phone: '13908123456',
      description: '排水沟',
      submitterOpenid: 'o-1',
      handlerName: '许志红',
    };
    expect(requestStatusView(stored, '白土村')).toEqual({
      ref: 'TJ-20261122-0001',
      kind: '调解',
      villageName: '白土村',
      state: '已受理',
      createdAt: 'c',
      updatedAt: 'u',
    });
  });
});

describe('an article', () => {
  it('should need a title, a category of the list, a date and a body', () => {
    const ok = validateArticle({
      id: 'article-0001',
      orgCode: '500114213',
      title: '标题',
      category: '民法典',
      date: '2026-11-22',
      body: '正文',
      published: true,
    });
    expect(ok.ok).toBe(true);
    const bad = validateArticle({ id: 'article-0001', orgCode: '500114213', title: '', category: '小道消息', date: '2026-02-30', body: '', published: 'yes' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.field).sort()).toEqual(['body', 'category', 'date', 'published', 'title']);
  });
});
