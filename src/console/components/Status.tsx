/** The loading and error states every console page shows the same way. */
import { View } from '@tarojs/components';
import type { Loaded } from '../useLoad';

export default function Status({ loaded, id }: { loaded: Loaded<unknown>; id: string }) {
  if (loaded.state === 'loading') return <View className="muted console-loading">正在统计…</View>;
  if (loaded.state === 'failed') {
    return (
      <View className="banner-error" id={`${id}-error`}>
        {loaded.message}
      </View>
    );
  }
  return null;
}
