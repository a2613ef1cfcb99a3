/** One unit of the township, as chips (a township has a handful of villages). Chip ids: `<id>-<code>`. */
import { View } from '@tarojs/components';
import FieldRow from '../../components/FieldRow';

export default function UnitChips(props: {
  id: string;
  label: string;
  units: readonly { code: string; name: string }[];
  value: string;
  onChange: (code: string) => void;
  error?: string;
}) {
  const { id, label, units, value, onChange, error } = props;
  return (
    <FieldRow id={id} label={label} error={error}>
      <View className="chips" id={id}>
        {units.map((u) => (
          <View key={u.code} id={`${id}-${u.code}`} className={`chip ${u.code === value ? 'chip-on' : ''}`} onClick={() => onChange(u.code)}>
            {u.name}
          </View>
        ))}
      </View>
    </FieldRow>
  );
}
