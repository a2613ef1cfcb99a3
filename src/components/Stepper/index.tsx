/**
 * A count with big −/+ buttons and a number input between them. `id` goes on the input;
 * the buttons get `<id>-minus` and `<id>-plus`.
 */
import { Input, Text, View } from '@tarojs/components';
import { parseCount, stepCount } from './stepper-model';
import './index.css';

export interface StepperProps {
  id: string;
  label: string;
  value: number;
  onChange: (value: number) => void;
  max?: number;
  error?: string;
}

export default function Stepper({ id, label, value, onChange, max, error }: StepperProps) {
  return (
    <View className="stepper-row">
      <View className="stepper-line">
        <Text className="stepper-label">{label}</Text>
        <View className="stepper">
          <View className={`stepper-btn ${value <= 0 ? 'stepper-btn-off' : ''}`} id={`${id}-minus`} onClick={() => onChange(stepCount(value, -1, max))}>
            −
          </View>
          <Input className="stepper-input" id={id} type="number" value={String(value)} onInput={(e) => onChange(parseCount(e.detail.value))} />
          <View className="stepper-btn" id={`${id}-plus`} onClick={() => onChange(stepCount(value, 1, max))}>
            +
          </View>
        </View>
      </View>
      {error && (
        <Text className="error-text" id={`${id}-error`}>
          {error}
        </Text>
      )}
    </View>
  );
}
