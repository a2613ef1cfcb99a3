/**
 * A horizontal bar chart drawn with plain views: one row per unit or month, the bar's length its share
 * of the longest, the exact value printed beside it. Works the same in WeChat and in the browser, and
 * the numbers stay readable (and testable) as text.
 */
import { Text, View } from '@tarojs/components';
import type { Series } from '../../domain/console/series';

export default function Bars({ series, id, onPick }: { series: Series; id: string; onPick?: (key: string) => void }) {
  return (
    <View className="bars" id={id}>
      {series.bars.map((bar) => (
        <View className="bar-row" id={`${id}-${bar.key}`} key={bar.key} onClick={() => onPick?.(bar.key)}>
          <Text className="bar-label">{bar.label}</Text>
          <View className="bar-track">
            <View className="bar-fill" style={{ width: `${Math.round(bar.share * 1000) / 10}%` }} />
          </View>
          <Text className="bar-value">{bar.text}</Text>
        </View>
      ))}
      {series.totalText && <View className="muted bar-total">{`合计 ${series.totalText}`}</View>}
    </View>
  );
}
