/**
 * 订阅消息提醒: one tap opens WeChat's subscribe dialog for a message of `topic` (each acceptance lets
 * one message through). Shows nothing where it cannot work: the browser build, or no template
 * configured for the mini-program.
 */
import { useEffect, useState } from 'react';
import { Button, View } from '@tarojs/components';
import type { SubscribeTopic } from '../../domain/public/types';
import { subscribeTemplate, subscribeTo } from '../../services/public';
import { messageOf } from '../../services/errors';

export default function SubscribeButton({ topic, label, id }: { topic: SubscribeTopic; label: string; id: string }) {
  const [templateId, setTemplateId] = useState('');
  const [note, setNote] = useState('');

  useEffect(() => {
    subscribeTemplate(topic).then(setTemplateId, () => setTemplateId(''));
  }, [topic]);

  if (!templateId) return null;
  const tap = () => {
    subscribeTo(topic, templateId)
      .then((accepted) => setNote(accepted ? '已订阅，有消息时微信会通知您（每订阅一次通知一次）' : '您没有同意接收通知，可以再点一次'))
      .catch((e) => setNote(messageOf(e)));
  };
  return (
    <View className="subscribe">
      <Button className="btn" id={id} onClick={tap}>
        {label}
      </Button>
      {note && (
        <View className="muted" id={`${id}-note`}>
          {note}
        </View>
      )}
    </View>
  );
}
