/** This year and the two before: the console's year switch. */
import { Text, View } from '@tarojs/components';
import { yearChoices } from '../nav';

export default function YearTabs({ year, currentYear, onChange }: { year: number; currentYear: number; onChange: (year: number) => void }) {
  return (
    <View className="console-tabs" id="year-tabs">
      {yearChoices(currentYear).map((y) => (
        <Text className={`console-tab ${y === year ? 'console-tab-on' : ''}`} id={`year-${y}`} key={y} onClick={() => onChange(y)}>
          {`${y}年`}
        </Text>
      ))}
    </View>
  );
}
