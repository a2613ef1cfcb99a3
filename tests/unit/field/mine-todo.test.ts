import { entryNote, photoNote, sectionsOf, serverOnly } from '../../../src/field/mine/mine-model';
import { caseUrl, reminderUrl, todoCount, todoLine } from '../../../src/field/todo/todo-model';
import { fieldEntries } from '../../../src/pages/home/home-model';
import type { OutboxEntry } from '../../../src/services/outbox/types';
import type { RecordView, TodoItem } from '../../../src/domain/api';

const entry = (id: string, patch: Partial<OutboxEntry>): OutboxEntry => ({
  id,
  kind: 'consultation',
  action: 'create',
  record: { id, date: '2024-05-01', category: '婚姻家庭', people: 1 },
  photos: [],
  owner: null,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: 0,
  seq: 1,
  createdAt: 0,
  updatedAt: 0,
  ...patch,
});

describe('我的记录', () => {
  it('should list 需处理 first (newest), 待发送 in sending order, 已发送 newest first', () => {
    const s = sectionsOf([
      entry('p2', { seq: 2 }),
      entry('f1', { status: 'failed', updatedAt: 1 }),
      entry('s1', { status: 'sent', sentAt: 1 }),
      entry('p1', { seq: 1 }),
      entry('f2', { status: 'failed', updatedAt: 2 }),
      entry('s2', { status: 'sent', sentAt: 2 }),
    ]);
    expect([s.failed, s.pending, s.sent].map((l) => l.map((e) => e.id))).toEqual([
      ['f2', 'f1'],
      ['p1', 'p2'],
      ['s2', 's1'],
    ]);
  });

  it('should show server records the phone no longer holds, newest first, without deleted ones', () => {
    const view = (id: string, date: string, deleted = false) => ({ id, kind: 'consultation', date, deleted, recordedAt: date }) as unknown as RecordView;
    const list = serverOnly(
      [view('a', '2024-01-01'), view('held', '2024-03-01'), view('b', '2024-02-01'), view('gone', '2024-04-01', true)],
      [entry('held', {})],
    );
    expect(list.map((v) => v.id)).toEqual(['b', 'a']);
  });

  it('should explain why a record has not gone', () => {
    expect(entryNote(entry('x', { status: 'failed', error: { code: 'FORBIDDEN', message: '您的身份不能进行此操作', problems: [] } }))).toBe(
      '服务器退回：您的身份不能进行此操作',
    );
    expect(entryNote(entry('x', { error: { code: 'NETWORK', message: '网络不可用，请稍后重试', problems: [] } }))).toBe(
      '还没发出：网络不可用，请稍后重试，会自动重试',
    );
    expect(entryNote(entry('x', { status: 'sent' }))).toBeNull();
  });

  it('should say how many photos are uploaded', () => {
    expect(photoNote(entry('x', { photos: [{ local: 'a', fileID: 'f' }, { local: 'b' }] }))).toBe('照片 2 张（已上传 1）');
    expect(photoNote(entry('x', {}))).toBeNull();
  });
});

describe('我的待办', () => {
  const item: TodoItem = {
    kind: 'petition',
    id: 'p 1',
    orgName: '白土村',
    state: '办理中',
    since: '2024-03-01',
    dueDate: '2024-04-30',
    mark: 'overdue',
    summary: '信访事项（来访）',
    parties: [],
    version: 2,
  };

  it('should mark overdue and due-soon matters', () => {
    expect(todoLine(item)).toEqual({
      title: '信访事项（来访）',
      detail: '白土村 · 办理中 · 登记 2024-03-01 · 期限 2024-04-30',
      mark: '已逾期',
      markClass: 'mark-overdue',
    });
    expect(todoLine({ ...item, mark: 'dueSoon' }).mark).toBe('即将到期');
    expect(todoLine({ ...item, kind: 'dispute', mark: null, dueDate: undefined }).mark).toBeNull();
  });

  it('should name the parties, as the server gives them, to tell two cases of one kind apart', () => {
    expect(todoLine({ ...item, parties: ['王秀兰', '李四'] }).title).toBe('信访事项（来访） · 王秀兰、李四');
  });

  it('should open the case page of the item', () => {
    expect(caseUrl(item)).toBe('/field/case/index?kind=petition&id=p%201');
  });

  it('should count cases and the township’s reminders apart, and open a reminder’s month', () => {
    expect(todoCount(2, 0)).toBe('共 2 件未办结');
    expect(todoCount(1, 1)).toBe('共 1 件未办结、1 条催报');
    expect(todoCount(0, 2)).toBe('共 2 条催报');
    expect(reminderUrl('2024-09')).toBe('/field/monthly/index?month=2024-09');
  });

  it('should give a 法律明白人 我的待办 for the township’s reminders, though they follow no cases', () => {
    expect(fieldEntries('法律明白人').todo).toBe(true);
    expect(fieldEntries('人民调解员').todo).toBe(true);
    expect(fieldEntries('县级查看').todo).toBe(false);
  });
});
