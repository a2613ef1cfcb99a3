/**
 * 村二维码 (township admins): each village's code image to print and put up, leading straight to the
 * village page. See qr-model.ts for why a QR of the H5 address rather than WeChat's own code.
 */
import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { PublicOrg, VillageCodeAnswer } from '../../domain/public/types';
import { whoami } from '../../services/api';
import { getVillageCode, listTownships } from '../../services/public';
import { messageOf } from '../../services/errors';
import { qrImage, villageUrl } from './qr-model';
import '../../pages/village/resident.css';
import './index.css';

const origin = (): string => (typeof location !== 'undefined' && location.origin ? location.origin : '');

export default function VillageCodes() {
  const [villages, setVillages] = useState<PublicOrg[] | null>(null);
  const [shown, setShown] = useState<{ code: VillageCodeAnswer; url: string; image: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([whoami(), listTownships()])
      .then(([me, townships]) => {
        if (me?.role !== '乡镇管理员') setError('只有乡镇管理员可以生成村二维码。');
        else setVillages(townships.find((t) => t.code === me.org.code)?.villages ?? []);
      })
      .catch((e) => setError(messageOf(e)));
  }, []);

  const show = (village: PublicOrg) => {
    getVillageCode(village.code)
      .then((code) => {
        const url = villageUrl(origin(), code.h5Path);
        setShown({ code, url, image: qrImage(url).dataUrl });
      })
      .catch((e) => setError(messageOf(e)));
  };

  return (
    <View className='page' id='village-codes'>
      {error && (
        <View className='banner-error' id='codes-error'>
          {error}
        </View>
      )}
      {shown && (
        <View className='card code-card' id='code-shown'>
          <View className='title'>{shown.code.village.name}</View>
          <Image className='code-image' id='code-image' src={shown.image} mode='aspectFit' />
          <View className='muted code-url'>{shown.url}</View>
          <View className='muted'>{`小程序码参数：page=${shown.code.page}，scene=${shown.code.scene}`}</View>
        </View>
      )}
      <View className='card'>
        <View className='section-title'>选择村，生成二维码</View>
        {!villages && !error && <View className='muted'>正在加载…</View>}
        <View className='village-grid'>
          {villages?.map((village) => (
            <View className='village-choice' id={`code-${village.code}`} key={village.code} onClick={() => show(village)}>
              <Text>{village.name}</Text>
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}
