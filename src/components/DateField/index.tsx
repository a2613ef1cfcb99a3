/** A date: quick chips for 今天 / 昨天 (most records are logged the same or the next day) and the date picker. */
import { Picker, View } from '@tarojs/components';
import FieldRow from '../FieldRow';
import { addDays } from '../../domain/dates';
import './index.css';

export interface DateFieldProps {
  id: string;
  label: string;
  value: string;
  today: string;
  onChange: (value: string) => void;
  /** Latest date allowed (default: no limit). */
  end?: string;
  error?: string;
}

export default function DateField({ id, label, value, today, onChange, end, error }: DateFieldProps) {
  const yesterday = addDays(today, -1);
  return (
    <FieldRow id={id} label={label} error={error}>
      <View className='date-line'>
        <Picker id={id} mode='date' value={value} start='2000-01-01' end={end ?? '2099-12-31'} onChange={(e) => onChange(e.detail.value)}>
          <View className='form-picker date-picker'>{value}</View>
        </Picker>
        <View id={`${id}-today`} className={`chip chip-small ${value === today ? 'chip-on' : ''}`} onClick={() => onChange(today)}>
          今天
        </View>
        <View id={`${id}-yesterday`} className={`chip chip-small ${value === yesterday ? 'chip-on' : ''}`} onClick={() => onChange(yesterday)}>
          昨天
        </View>
      </View>
    </FieldRow>
  );
}
