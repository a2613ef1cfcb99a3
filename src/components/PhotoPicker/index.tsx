/**
 * Photos of an event or case: thumbnails of the kept files, a big 拍照/选图 tile (`<id>-add`), and
 * × on each (`<id>-<i>-remove`). Files stay on the phone until the outbox uploads them.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import FieldRow from '../FieldRow';
import type { PhotoDraft } from '../../domain/forms/draft';
import { MAX_PHOTOS, choosePhotos, photoSrc } from '../../services/photos';
import { messageOf } from '../../services/errors';
import './index.css';

export interface PhotoPickerProps {
  id: string;
  label: string;
  value: PhotoDraft[];
  onChange: (value: PhotoDraft[]) => void;
  error?: string;
}

export default function PhotoPicker({ id, label, value, onChange, error }: PhotoPickerProps) {
  const [srcs, setSrcs] = useState<Record<string, string>>({});

  useEffect(() => {
    let live = true;
    for (const photo of value) {
      if (srcs[photo.local] !== undefined) continue;
      photoSrc(photo.local)
        .then((src) => live && setSrcs((s) => ({ ...s, [photo.local]: src })))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [value, srcs]);

  async function add() {
    try {
      const kept = await choosePhotos(MAX_PHOTOS - value.length);
      if (kept.length) onChange([...value, ...kept.map((local) => ({ local }))]);
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  }

  return (
    <FieldRow id={id} label={`${label}（${value.length}/${MAX_PHOTOS}，可不拍）`} error={error}>
      <View className="photos" id={id}>
        {value.map((photo, i) => (
          <View className="photo" key={photo.local} id={`${id}-${i}`}>
            {srcs[photo.local] ? <Image className="photo-img" src={srcs[photo.local]} mode="aspectFill" /> : <View className="photo-img" />}
            <Text className="photo-remove" id={`${id}-${i}-remove`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
              ×
            </Text>
          </View>
        ))}
        {value.length < MAX_PHOTOS && (
          <View className="photo photo-add" id={`${id}-add`} onClick={add}>
            <Text className="photo-add-plus">＋</Text>
            <Text className="photo-add-text">拍照/选图</Text>
          </View>
        )}
      </View>
    </FieldRow>
  );
}
