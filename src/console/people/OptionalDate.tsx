/** An optional date: the date picker and 清除 (empty start = always, empty end = still serving). */
import { Picker, View } from '@tarojs/components';
import FieldRow from '../../components/FieldRow';

export default function OptionalDate(props: { id: string; label: string; value: string; empty: string; onChange: (v: string) => void; error?: string }) {
  const { id, label, value, empty, onChange, error } = props;
  return (
    <FieldRow id={id} label={label} error={error}>
      <View className="staff-date-line">
        <Picker id={id} mode="date" value={value} start="1990-01-01" end="2099-12-31" onChange={(e) => onChange(e.detail.value)}>
          <View className="form-picker">{value || empty}</View>
        </Picker>
        {value && (
          <View id={`${id}-clear`} className="chip chip-small" onClick={() => onChange('')}>
            清除
          </View>
        )}
      </View>
    </FieldRow>
  );
}
