/**
 * 我的求助: the state of the requests made on this phone (by the keys kept in storage) or under this
 * WeChat account — reference number, kind, village, state and dates, nothing else.
 */
import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RequestStatusView } from '../../domain/public/types';
import { myRequests } from '../../services/public';
import { messageOf } from '../../services/errors';
import { ElderSwitch, elderClass, useElderMode } from '../../pages/village/elder';
import { STATE_HINT, beijingStamp, stateClass } from '../../pages/village/request-view';
import '../../pages/village/resident.css';

type Loaded = { state: 'loading' } | { state: 'ready'; items: RequestStatusView[] } | { state: 'failed'; message: string };

export default function MyRequests() {
  const [elder, setElder] = useElderMode();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useDidShow(() => {
    myRequests()
      .then((items) => setLoaded({ state: 'ready', items }))
      .catch((e) => setLoaded({ state: 'failed', message: messageOf(e) }));
  });

  return (
    <View className={`page resident ${elderClass(elder)}`} id="my-requests">
      <ElderSwitch on={elder} onChange={setElder} />
      {loaded.state === 'loading' && <View className="muted">正在加载…</View>}
      {loaded.state === 'failed' && (
        <View className="banner-error" id="my-requests-error">
          {loaded.message}
        </View>
      )}
      {loaded.state === 'ready' && loaded.items.length === 0 && (
        <View className="empty" id="my-requests-empty">
          您还没有提交过咨询或调解申请
        </View>
      )}
      {loaded.state === 'ready' &&
        loaded.items.map((item) => (
          <View className="card" id={`request-${item.ref}`} key={item.ref}>
            <View className="village-head-line">
              <Text className="section-title">{`${item.kind} · ${item.villageName}`}</Text>
              <Text className={stateClass(item.state)} id={`request-state-${item.ref}`}>
                {item.state}
              </Text>
            </View>
            <View>{`编号：${item.ref}`}</View>
            <View className="muted">{STATE_HINT[item.state]}</View>
            <View className="muted">{`提交：${beijingStamp(item.createdAt)}　更新：${beijingStamp(item.updatedAt)}`}</View>
          </View>
        ))}
    </View>
  );
}
