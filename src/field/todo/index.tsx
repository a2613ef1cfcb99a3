/**
 * 我的待办: the township's reminders (催报) of the village's unreported 月报 first, then open mediation
 * cases and petition matters in my scope, overdue and due-soon first. A 法律明白人 follows no cases:
 * theirs has the reminders only.
 */
import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TodoItem } from '../../domain/api';
import type { ReminderView } from '../../domain/supervision/api';
import { hasTodo } from '../../domain/forms/roles';
import { listTodo, whoamiOrLast } from '../../services/api';
import { getTasks } from '../../services/supervision';
import { messageOf } from '../../services/errors';
import { caseUrl, reminderUrl, todoCount, todoLine } from './todo-model';
import SubscribeButton from '../../components/SubscribeButton';
import './index.css';

type Loaded = { state: 'loading' } | { state: 'ready'; items: TodoItem[]; reminders: ReminderView[] } | { state: 'failed'; message: string };

async function loadTodo(): Promise<{ items: TodoItem[]; reminders: ReminderView[] }> {
  const { me } = await whoamiOrLast();
  const [items, tasks] = await Promise.all([me && hasTodo(me.role) ? listTodo() : Promise.resolve([]), getTasks()]);
  return { items, reminders: tasks.reminders };
}

export default function Todo() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  const load = () =>
    loadTodo()
      .then((found) => setLoaded({ state: 'ready', ...found }))
      .catch((e) => setLoaded({ state: 'failed', message: messageOf(e) }))
      .finally(() => Taro.stopPullDownRefresh());

  useDidShow(() => void load());
  usePullDownRefresh(() => void load());

  return (
    <View className="page todo" id="todo">
      {loaded.state === 'loading' && <View className="muted">正在加载…</View>}
      {loaded.state === 'failed' && (
        <View className="banner-error" id="todo-error">
          {loaded.message}
        </View>
      )}
      {loaded.state === 'ready' && loaded.items.length + loaded.reminders.length === 0 && (
        <View className="empty" id="todo-empty">
          没有待办事项
        </View>
      )}
      {loaded.state === 'ready' && loaded.items.length + loaded.reminders.length > 0 && (
        <View className="muted todo-count" id="todo-count">
          {todoCount(loaded.items.length, loaded.reminders.length)}
        </View>
      )}
      <SubscribeButton topic="deadline" label="信访到期、纠纷回访到期、乡镇催报时微信提醒我" id="todo-subscribe" />
      {loaded.state === 'ready' &&
        loaded.reminders.map((reminder) => (
          <View
            className="card todo-item"
            id={`todo-report-${reminder.month}`}
            key={reminder.id}
            onClick={() => Taro.navigateTo({ url: reminderUrl(reminder.month) })}
          >
            <View className="todo-head">
              <Text className="todo-title">{`${reminder.village}月报待报送`}</Text>
              <Text className="todo-mark mark-overdue">催报</Text>
            </View>
            <View className="muted">{reminder.message}</View>
          </View>
        ))}
      {loaded.state === 'ready' &&
        loaded.items.map((item) => {
          const line = todoLine(item);
          return (
            <View className="card todo-item" id={`todo-${item.id}`} key={item.id} onClick={() => Taro.navigateTo({ url: caseUrl(item) })}>
              <View className="todo-head">
                <Text className="todo-title">{line.title}</Text>
                {line.mark && (
                  <Text className={`todo-mark ${line.markClass}`} id={`mark-${item.id}`}>
                    {line.mark}
                  </Text>
                )}
              </View>
              <View className="muted">{line.detail}</View>
            </View>
          );
        })}
    </View>
  );
}
