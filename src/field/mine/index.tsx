import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { OutreachView } from '../../domain/api';
import { listMyOutreach } from '../../services/api';
import { messageOf } from '../../services/errors';
import { countsLine, newestFirst } from './mine-model';
import './index.css';

type Loaded = { state: 'loading' } | { state: 'ready'; items: OutreachView[] } | { state: 'failed'; message: string };

export default function MyRecords() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useDidShow(() => {
    listMyOutreach()
      .then((items) => setLoaded({ state: 'ready', items: newestFirst(items) }))
      .catch((e) => setLoaded({ state: 'failed', message: messageOf(e) }));
  });

  return (
    <View className='page mine' id='mine'>
      {loaded.state === 'loading' && <View className='muted'>正在加载…</View>}
      {loaded.state === 'failed' && (
        <View className='banner-error' id='mine-error'>
          {loaded.message}
        </View>
      )}
      {loaded.state === 'ready' && loaded.items.length === 0 && (
        <View className='empty' id='mine-empty'>
          暂无记录
        </View>
      )}
      {loaded.state === 'ready' &&
        loaded.items.map((item) => (
          <View className='card record-item' id={`record-${item.id}`} key={item.id}>
            <View className='record-head'>
              <Text className='record-date'>{item.date}</Text>
              <Text className='record-type'>{item.type}</Text>
            </View>
            <View className='record-venue muted'>
              {item.venue}
              {item.topic ? ` · ${item.topic}` : ''}
            </View>
            <View className='record-counts'>{countsLine(item)}</View>
          </View>
        ))}
    </View>
  );
}
