/**
 * 村二维码 (township admins): each village's mini-program code (made once by WeChat, kept in cloud
 * storage), leading straight to the village page, and its print picture — the code with the village's
 * and township's names under it, drawn here (services/print-code.ts) — to save and print.
 */
import { useEffect, useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import type { PublicOrg, VillageCodeAnswer } from '../../domain/public/types';
import { whoami } from '../../services/api';
import { getVillageCode, listTownships } from '../../services/public';
import { composePrintPicture, releasePrintPicture, savePrintPicture, type PrintPicture } from '../../services/print-code';
import { messageOf } from '../../services/errors';
import '../../pages/village/resident.css';
import './index.css';

export default function VillageCodes() {
  const [villages, setVillages] = useState<PublicOrg[] | null>(null);
  const [shown, setShown] = useState<VillageCodeAnswer | null>(null);
  const [township, setTownship] = useState('');
  const [picture, setPicture] = useState<PrintPicture | null>(null);
  const [making, setMaking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([whoami(), listTownships()])
      .then(([me, townships]) => {
        if (me?.role !== '乡镇管理员') setError('只有乡镇管理员可以生成村二维码。');
        else {
          setTownship(me.org.name);
          setVillages(townships.find((t) => t.code === me.org.code)?.villages ?? []);
        }
      })
      .catch((e) => setError(messageOf(e)));
  }, []);

  useEffect(
    () => () => {
      if (picture) releasePrintPicture(picture);
    },
    [picture],
  );

  const show = (village: PublicOrg) => {
    setPicture(null);
    setError(null);
    getVillageCode(village.code)
      .then(setShown)
      .catch((e) => setError(messageOf(e)));
  };

  /** Draws the print picture (once per village shown) and saves it. */
  const savePicture = async (code: VillageCodeAnswer) => {
    setError(null);
    setMaking(true);
    try {
      const made = picture ?? (await composePrintPicture(code, township));
      setPicture(made);
      await savePrintPicture(made);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setMaking(false);
    }
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
          <Button className="btn btn-primary" id="code-save" disabled={making || undefined} onClick={() => void savePicture(shown)}>
            {making ? '正在生成打印图片…' : '保存打印图片'}
          </Button>
          <View className="muted">打印图片：二维码下方印有村名和“微信扫码，找本村法律顾问、调解员”，可直接打印张贴。</View>
          {picture && (
            <View className="print-preview" id="code-print">
              <Image className="print-image" id="code-print-image" src={picture.src} mode="widthFix" />
              <View className="muted" id="code-print-name">{`已生成：${picture.fileName}`}</View>
            </View>
          )}
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
