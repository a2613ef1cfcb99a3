/**
 * The outbox at a glance (home page): how many records wait, need fixing, or were sent, and a storage
 * warning before WeChat's 10 MB limit matters. Tapping opens 我的记录.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { outbox } from '../../services/outbox';
import { statusLine, storageWarning } from './status-model';
import './index.css';

export default function OutboxStatus() {
  const [state, setState] = useState(() => ({ counts: outbox().counts(), usage: outbox().usage() }));

  useEffect(() => outbox().subscribe(() => setState({ counts: outbox().counts(), usage: outbox().usage() })), []);

  const warning = storageWarning(state.usage);
  return (
    <View
      className={`card outbox-status ${state.counts.failed ? 'outbox-status-failed' : ''}`}
      id="outbox-status"
      onClick={() => Taro.navigateTo({ url: '/field/mine/index' })}
    >
      <Text id="outbox-status-line">{statusLine(state.counts)}</Text>
      {warning && (
        <View className="outbox-warning" id="storage-warning">
          {warning}
        </View>
      )}
    </View>
  );
}
