/** A labelled form row with its problem underneath (`<id>-error`). */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.css';

export interface FieldRowProps {
  id: string;
  label: string;
  error?: string;
  children: ReactNode;
}

export default function FieldRow({ id, label, error, children }: FieldRowProps) {
  return (
    <View className="form-row" id={`${id}-row`}>
      <View className="form-label">{label}</View>
      {children}
      {error && (
        <Text className="error-text" id={`${id}-error`}>
          {error}
        </Text>
      )}
    </View>
  );
}
