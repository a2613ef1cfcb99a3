/**
 * The place of an event, optional: one tap records where the phone is (`<id>-take`), another clears it.
 * WeChat gives gcj02 (the datum of China's maps); a browser gives only GPS's wgs84, so that is asked
 * for when gcj02 is refused, and the value says which one it is.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import FieldRow from '../FieldRow';
import { COORDINATE_LABELS, COORDINATE_SYSTEMS, type CoordinateSystem } from '../../domain/records/fields';

export interface GeoPoint {
  latitude: number;
  longitude: number;
  system?: CoordinateSystem;
}

export interface LocationFieldProps {
  id: string;
  label: string;
  value?: GeoPoint;
  onChange: (value: GeoPoint | undefined) => void;
  error?: string;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The first coordinate system the platform answers, in order of preference. */
async function locate(): Promise<GeoPoint> {
  let last: unknown;
  for (const system of COORDINATE_SYSTEMS) {
    try {
      const res = await Taro.getLocation({ type: system });
      return { latitude: round(res.latitude), longitude: round(res.longitude), system };
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

export default function LocationField({ id, label, value, onChange, error }: LocationFieldProps) {
  const [busy, setBusy] = useState(false);

  async function take() {
    if (busy) return;
    setBusy(true);
    try {
      onChange(await locate());
    } catch {
      Taro.showToast({ title: '没有取到位置，可不填', icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <FieldRow id={id} label={`${label}（可不填）`} error={error}>
      {value ? (
        <View className="inline-actions">
          <Text className="form-static" id={`${id}-value`}>
            {`纬度 ${value.latitude.toFixed(5)}，经度 ${value.longitude.toFixed(5)}${value.system ? `（${COORDINATE_LABELS[value.system]}）` : ''}`}
          </Text>
          <View className="link-btn link-danger" id={`${id}-clear`} onClick={() => onChange(undefined)}>
            清除
          </View>
        </View>
      ) : (
        <View className="link-btn" id={`${id}-take`} onClick={take}>
          {busy ? '正在定位…' : '＋ 记录当前位置'}
        </View>
      )}
    </FieldRow>
  );
}
