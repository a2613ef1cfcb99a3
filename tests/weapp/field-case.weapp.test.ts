/**
 * A mediator, in the production mini-program, logs a dispute and takes it from 我的待办 through
 * 受理 → 调解中 → 回访 → 调解成功; once closed it leaves 我的待办.
 */
import { DEMO } from '../helpers/app-stack';
import { outboxEntries, weappStackForFile } from './helpers';

const env = weappStackForFile();

test('a mediator takes a case from 受理 to 调解成功 from 我的待办', async () => {
  const me = DEMO.mediator;
  const app = await env.launch({ openid: me });
  await app.tap('go-dispute');
  await app.waitForRoute('field/dispute/index');
  await app.type('field-parties-0-name', '孙某');
  await app.type('field-parties-0-phone', '13912345678');
  await app.type('field-description', '两户因耕地边界发生争执');
  await app.tap('save-dispute');
  await app.waitForRoute('field/mine/index');
  const created = outboxEntries(app).find((e) => e.kind === 'dispute');
  if (!created) throw new Error('no dispute in the outbox');
  const id = created.id;
  await app.waitFor(
    () => app.text().includes('已发送'),
    () => 'the dispute to be sent',
  );

  await app.back();
  await app.tap('go-todo');
  await app.waitForRoute('field/todo/index');
  await app.tap(`todo-${id}`);
  await app.waitForRoute('field/case/index');
  await app.waitForText('状态受理');

  // 受理 → 调解中
  await app.tap('next-state-opt-0');
  await app.tap('save-state');
  await app.waitForText('状态调解中');

  // 回访
  await app.type('followup-result', '双方同意由村委会现场勘界');
  await app.tap('add-followup');
  await app.waitForText('现场勘界');

  // Still in 我的待办, now 调解中; then 调解成功 with the agreement.
  await app.back();
  await app.waitForRoute('field/todo/index');
  await app.waitFor(
    () => (app.text().match(/调解中/g) ?? []).length > 0,
    () => 'the case in 我的待办',
  );
  await app.tap(`todo-${id}`);
  await app.waitForText('状态调解中');
  await app.tap('next-state-opt-0');
  await app.type('agreement-amount', '2000');
  await app.type('state-note', '按协议重新划定地界');
  await app.tap('save-state');
  await app.waitForRoute('field/todo/index');
  await app.waitFor(
    () => !app.text().includes('两户因耕地') && !JSON.stringify(app.page.data).includes(`todo-${id}`),
    () => 'the case to leave 我的待办',
  );

  const { record } = await env.stack.call<{ record: Record<string, unknown> }>('records', { action: 'get', kind: 'dispute', id }, me);
  expect(record).toMatchObject({ state: '调解成功', amount: 2000 });
  // The closing note is the case's own 办结情况, not another 回访.
  expect(record.followUps).toEqual([{ date: expect.any(String), result: '双方同意由村委会现场勘界' }]);
  expect(record.closingNote).toBe('按协议重新划定地界');
  const { todo } = await env.stack.call<{ todo: { id: string }[] }>('records', { action: 'todo' }, me);
  expect(todo.map((t) => t.id)).not.toContain(id);
}, 90000);
