/**
 * The home page of a resident (no account): the village chosen last time one tap away, every
 * township's villages to choose from, the 12348 hotline and the way to one's own requests.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { PublicOrg, TownshipChoice } from '../../domain/public/types';
import { HOTLINE } from '../../domain/public/vocab';
import { callPhone, listTownships, rememberVillage, rememberedVillage } from '../../services/public';
import { messageOf } from '../../services/errors';
import { ElderSwitch, elderClass, useElderMode } from './elder';
import './resident.css';

export default function ResidentHome() {
  const [elder, setElder] = useElderMode();
  const [mine] = useState(rememberedVillage);
  const [townships, setTownships] = useState<TownshipChoice[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    listTownships()
      .then((list) => {
        setTownships(list);
        if (list.length === 1) setOpen(list[0].code);
      })
      .catch((e) => setError(messageOf(e)));
  }, []);

  const goVillage = (village: PublicOrg) => {
    rememberVillage(village);
    Taro.navigateTo({ url: `/pages/village/index?code=${village.code}` });
  };

  return (
    <View className={`resident ${elderClass(elder)}`} id="resident-home">
      <ElderSwitch on={elder} onChange={setElder} />
      <View className="card">
        <View className="title">公共法律服务</View>
        <View className="muted">选择您所在的村，查看法律顾问、调解员和近期活动，也可以在线咨询或申请调解。</View>
      </View>
      {mine && (
        <Button className="btn btn-primary" id="go-my-village" onClick={() => goVillage(mine)}>
          {`进入 ${mine.name}`}
        </Button>
      )}
      <Button className="btn btn-secondary" id="call-12348" onClick={() => callPhone(HOTLINE)}>
        {`${HOTLINE} 公共法律服务热线`}
      </Button>

      <View className="card" id="village-chooser">
        <View className="section-title">{mine ? '选择其他村' : '选择您所在的村'}</View>
        {error && (
          <View className="banner-error" id="chooser-error">
            {error}
          </View>
        )}
        {!townships && !error && <View className="muted">正在加载…</View>}
        {townships?.map((township) => (
          <View key={township.code}>
            <View className="township" id={`township-${township.code}`} onClick={() => setOpen(open === township.code ? null : township.code)}>
              <Text>{township.name}</Text>
              <Text className="muted">{open === township.code ? '收起' : '展开'}</Text>
            </View>
            {open === township.code && (
              <View className="village-grid">
                {township.villages.map((village) => (
                  <View className="village-choice" id={`village-${village.code}`} key={village.code} onClick={() => goVillage(village)}>
                    {village.name}
                  </View>
                ))}
              </View>
            )}
          </View>
        ))}
      </View>

      <Text className="link" id="home-my-requests" onClick={() => Taro.navigateTo({ url: '/resident/mine/index' })}>
        我的求助进度
      </Text>
    </View>
  );
}
