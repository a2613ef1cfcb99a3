/** 我的待办: open mediation cases and petition matters in my scope, overdue and due-soon first. */
import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TodoItem } from '../../domain/api';
import { listTodo } from '../../services/api';
import { messageOf } from '../../services/errors';
import { caseUrl, todoLine } from './todo-model';
import SubscribeButton from '../../components/SubscribeButton';
import './index.css';

type Loaded = { state: 'loading' } | { state: 'ready'; items: TodoItem[] } | { state: 'failed'; message: string };

export default function Todo() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  const load = () =>
    listTodo()
      .then((items) => setLoaded({ state: 'ready', items }))
      .catch((e) => setLoaded({ state: 'failed', message: messageOf(e) }))
      .finally(() => Taro.stopPullDownRefresh());

  useDidShow(() => void load());
  usePullDownRefresh(() => void load());

  return (
    <View className='page todo' id='todo'>
      {loaded.state === 'loading' && <View className='muted'>正在加载…</View>}
      {loaded.state === 'failed' && (
        <View className='banner-error' id='todo-error'>
          {loaded.message}
        </View>
      )}
      {loaded.state === 'ready' && loaded.items.length === 0 && (
        <View className='empty' id='todo-empty'>
          没有待办的案件
        </View>
      )}
      {loaded.state === 'ready' && loaded.items.length > 0 && (
        <View className='muted todo-count' id='todo-count'>{`共 ${loaded.items.length} 件未办结`}</View>
      )}
      <SubscribeButton topic='deadline' label='信访事项到期时微信提醒我' id='todo-subscribe' />
      {loaded.state === 'ready' &&
        loaded.items.map((item) => {
          const line = todoLine(item);
          return (
            <View className='card todo-item' id={`todo-${item.id}`} key={item.id} onClick={() => Taro.navigateTo({ url: caseUrl(item) })}>
              <View className='todo-head'>
                <Text className='todo-title'>{line.title}</Text>
                {line.mark && (
                  <Text className={`todo-mark ${line.markClass}`} id={`mark-${item.id}`}>
                    {line.mark}
                  </Text>
                )}
              </View>
              <View className='muted'>{line.detail}</View>
            </View>
          );
        })}
    </View>
  );
}
