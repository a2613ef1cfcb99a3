/**
 * A date: the date picker and quick chips — 今天 / 昨天 by default (most records are logged the same
 * or the next day), or the caller's own (a due date offers days ahead).
 */
import { Picker, View } from '@tarojs/components';
import FieldRow from '../FieldRow';
import { addDays } from '../../domain/dates';
import './index.css';

export interface DateChip {
  /** The chip's element id is `<id>-<key>`. */
  key: string;
  label: string;
  value: string;
}

export interface DateFieldProps {
  id: string;
  label: string;
  value: string;
  today: string;
  onChange: (value: string) => void;
  /** Latest date allowed (default: no limit). */
  end?: string;
  error?: string;
  chips?: DateChip[];
}

export const pastChips = (today: string): DateChip[] => [
  { key: 'today', label: '今天', value: today },
  { key: 'yesterday', label: '昨天', value: addDays(today, -1) },
];

export const daysAfterChips = (from: string, days: readonly number[]): DateChip[] =>
  days.map((d) => ({ key: `plus${d}`, label: `${d}天`, value: addDays(from, d) }));

export default function DateField({ id, label, value, today, onChange, end, error, chips }: DateFieldProps) {
  return (
    <FieldRow id={id} label={label} error={error}>
      <View className="date-line">
        <Picker id={id} mode="date" value={value} start="2000-01-01" end={end ?? '2099-12-31'} onChange={(e) => onChange(e.detail.value)}>
          <View className="form-picker date-picker">{value}</View>
        </Picker>
        {(chips ?? pastChips(today)).map((chip) => (
          <View
            id={`${id}-${chip.key}`}
            key={chip.key}
            className={`chip chip-small ${value === chip.value ? 'chip-on' : ''}`}
            onClick={() => onChange(chip.value)}
          >
            {chip.label}
          </View>
        ))}
      </View>
    </FieldRow>
  );
}
