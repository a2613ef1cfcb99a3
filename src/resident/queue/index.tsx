/**
 * 村民求助: the requests residents sent to the villages in the caller's scope, for 人民调解员, 村干部 and
 * township admins — accept, turn into a 法律咨询 / 矛盾纠纷 in one tap, or close. Logic in queue-model.ts.
 */
import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import type { QueueItem } from '../../domain/public/types';
import type { RequestState } from '../../domain/public/vocab';
import { acceptRequest, callPhone, closeRequest, convertRequest, requestQueue } from '../../services/public';
import { messageOf } from '../../services/errors';
import { beijingStamp, stateClass } from '../../pages/village/request-view';
import {
  FILTERS,
  actionsFor,
  choiceFor,
  convertLabel,
  convertRequestOf,
  defaultChoice,
  otherKind,
  convertedLine,
  switchLabel,
  replaceItem,
  typeOptions,
  type ConvertChoice,
} from './queue-model';
import '../../pages/village/resident.css';
import './index.css';

type Loaded = { state: 'loading' } | { state: 'ready'; items: QueueItem[] } | { state: 'failed'; message: string };

export default function RequestQueue() {
  const [filter, setFilter] = useState<RequestState | '全部'>('全部');
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [error, setError] = useState<string | null>(null);

  const load = (state: RequestState | '全部') => {
    setFilter(state);
    requestQueue(state === '全部' ? undefined : state)
      .then((items) => setLoaded({ state: 'ready', items }))
      .catch((e) => setLoaded({ state: 'failed', message: messageOf(e) }));
  };
  useDidShow(() => load(filter));

  const apply = async (work: () => Promise<QueueItem>) => {
    setError(null);
    try {
      const next = await work();
      if (loaded.state === 'ready') setLoaded({ state: 'ready', items: replaceItem(loaded.items, next) });
      Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <View className="page" id="request-queue">
      <View className="queue-filters">
        {FILTERS.map((state) => (
          <View className={`queue-filter ${filter === state ? 'queue-filter-on' : ''}`} id={`filter-${state}`} key={state} onClick={() => load(state)}>
            {state}
          </View>
        ))}
      </View>
      {error && (
        <View className="banner-error" id="queue-error">
          {error}
        </View>
      )}
      {loaded.state === 'loading' && <View className="muted">正在加载…</View>}
      {loaded.state === 'failed' && (
        <View className="banner-error" id="queue-failed">
          {loaded.message}
        </View>
      )}
      {loaded.state === 'ready' && loaded.items.length === 0 && (
        <View className="empty" id="queue-empty">
          暂无村民求助
        </View>
      )}
      {loaded.state === 'ready' &&
        loaded.items.map((item) => (
          <RequestCard
            key={item.ref}
            item={item}
            onAccept={() => apply(() => acceptRequest(item.ref))}
            onClose={() => apply(() => closeRequest(item.ref))}
            onConvert={(choice) => apply(async () => (await convertRequest(convertRequestOf(item.ref, choice))).item)}
          />
        ))}
    </View>
  );
}

interface CardProps {
  item: QueueItem;
  onAccept: () => void;
  onClose: () => void;
  onConvert: (choice: ConvertChoice) => void;
}

function RequestCard({ item, onAccept, onClose, onConvert }: CardProps) {
  const [choice, setChoice] = useState<ConvertChoice>(() => defaultChoice(item));
  const actions = actionsFor(item.state);
  const options = typeOptions(choice.kind);
  return (
    <View className="card" id={`queue-${item.ref}`}>
      <View className="village-head-line">
        <Text className="section-title">{`${item.kind} · ${item.villageName}`}</Text>
        <Text className={stateClass(item.state)} id={`queue-state-${item.ref}`}>
          {item.state}
        </Text>
      </View>
      <View className="muted">{`${item.ref}　${beijingStamp(item.createdAt)}`}</View>
      <View className="queue-who">
        <Text className="contact-name">{item.name}</Text>
        <Text className="contact-call" onClick={() => callPhone(item.phone)}>{`拨打 ${item.phone}`}</Text>
      </View>
      <View className="queue-text">{item.description}</View>
      {item.caseId && (
        <View className="muted" id={`queue-case-${item.ref}`}>
          {convertedLine(item)}
        </View>
      )}
      {item.handlerName && <View className="muted">{`经办：${item.handlerName}`}</View>}
      {actions.convert && (
        <View className="queue-convert">
          <Picker mode="selector" range={[...options]} value={choice.typeIndex} onChange={(e) => setChoice({ ...choice, typeIndex: Number(e.detail.value) })}>
            <View className="queue-type" id={`convert-type-${item.ref}`}>{`类别：${options[choice.typeIndex] ?? '其他'}`}</View>
          </Picker>
          <Text className="link" id={`convert-switch-${item.ref}`} onClick={() => setChoice(choiceFor(otherKind(choice.kind)))}>
            {switchLabel(otherKind(choice.kind))}
          </Text>
        </View>
      )}
      <View className="queue-actions">
        {actions.accept && (
          <Button className="btn btn-secondary queue-btn" id={`accept-${item.ref}`} onClick={onAccept}>
            受理
          </Button>
        )}
        {actions.convert && (
          <Button className="btn btn-primary queue-btn" id={`convert-${item.ref}`} onClick={() => onConvert(choice)}>
            {convertLabel(choice.kind)}
          </Button>
        )}
        {actions.close && (
          <Button className="btn btn-secondary queue-btn" id={`close-${item.ref}`} onClick={onClose}>
            办结
          </Button>
        )}
      </View>
    </View>
  );
}
