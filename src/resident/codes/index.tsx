/**
 * 村二维码 (township admins): each village's mini-program code (made once by WeChat, kept in cloud
 * storage) to save and print, leading straight to the village page.
 */
import { useEffect, useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import type { PublicOrg, VillageCodeAnswer } from '../../domain/public/types';
import { whoami } from '../../services/api';
import { getVillageCode, listTownships, saveVillageCodeImage } from '../../services/public';
import { messageOf } from '../../services/errors';
import '../../pages/village/resident.css';
import './index.css';

export default function VillageCodes() {
  const [villages, setVillages] = useState<PublicOrg[] | null>(null);
  const [shown, setShown] = useState<VillageCodeAnswer | null>(null);
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
      .then(setShown)
      .catch((e) => setError(messageOf(e)));
  };

  return (
    <View className="page" id="village-codes">
      {error && (
        <View className="banner-error" id="codes-error">
          {error}
        </View>
      )}
      {shown && (
        <View className="card code-card" id="code-shown">
          <View className="code-box" id="code-box">
            <Image className="code-image" id="code-image" src={shown.imageUrl} mode="scaleToFill" />
          </View>
          <View className="title">{shown.village.name}</View>
          <Button id="code-save" onClick={() => saveVillageCodeImage(shown).catch((e) => setError(messageOf(e)))}>
            保存图片
          </Button>
          <View className="muted">{`小程序码参数：page=${shown.page}，scene=${shown.scene}`}</View>
        </View>
      )}
      <View className="card">
        <View className="section-title">选择村，生成二维码</View>
        {!villages && !error && <View className="muted">正在加载…</View>}
        <View className="village-grid">
          {villages?.map((village) => (
            <View className="village-choice" id={`code-${village.code}`} key={village.code} onClick={() => show(village)}>
              <Text>{village.name}</Text>
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}
