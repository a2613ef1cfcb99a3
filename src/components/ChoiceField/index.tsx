/**
 * One word from a short vocabulary. Up to CHIP_LIMIT words show as big chips (one tap, all visible);
 * longer lists use the platform picker. The chip of option i is `<id>-opt-<i>`.
 */
import { Picker, View } from '@tarojs/components';
import FieldRow from '../FieldRow';
import { chipMode, optionId } from './choice-model';

export interface ChoiceFieldProps {
  id: string;
  label: string;
  options: readonly string[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

export default function ChoiceField({ id, label, options, value, onChange, error }: ChoiceFieldProps) {
  return (
    <FieldRow id={id} label={label} error={error}>
      {chipMode(options) ? (
        <View className="chips" id={id}>
          {options.map((option, i) => (
            <View key={option} id={optionId(id, i)} className={`chip ${option === value ? 'chip-on' : ''}`} onClick={() => onChange(option)}>
              {option}
            </View>
          ))}
        </View>
      ) : (
        <Picker
          id={id}
          mode="selector"
          range={[...options]}
          value={Math.max(0, options.indexOf(value))}
          onChange={(e) => onChange(options[Number(e.detail.value)] ?? value)}
        >
          <View className="form-picker">{value || '请选择'}</View>
        </Picker>
      )}
    </FieldRow>
  );
}
