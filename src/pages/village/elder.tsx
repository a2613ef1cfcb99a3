/**
 * 长辈模式: larger text and higher contrast on the resident pages, one switch, remembered on the phone.
 * Pages put `elderClass(on)` on their root; app.css holds the `.elder` rules.
 */
import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { isElderMode, setElderMode } from '../../services/public';

export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(isElderMode);
  // Switched on another page: take it up when this one shows again.
  useDidShow(() => setOn(isElderMode()));
  return [
    on,
    (next: boolean) => {
      setElderMode(next);
      setOn(next);
    },
  ];
}

export const elderClass = (on: boolean): string => (on ? 'elder' : '');

export function ElderSwitch({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <View className="elder-switch" id="elder-toggle" onClick={() => onChange(!on)}>
      <Text className="elder-switch-label">长辈模式（大字）</Text>
      <View className={`elder-switch-knob ${on ? 'elder-switch-on' : ''}`} id={on ? 'elder-on' : 'elder-off'}>
        {on ? '已开' : '已关'}
      </View>
    </View>
  );
}
