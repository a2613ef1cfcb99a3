import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Me } from '../../domain/api';
import { beijingYear } from '../../domain/dates';
import { getFigures, whoami } from '../../services/api';
import { messageOf } from '../../services/errors';
import { DEV_SIGNIN_AVAILABLE, DEV_SIGNIN_URL } from '../../services/identity';
import { HOME_FIGURES, figureLines, homeModeOf, type FigureLine } from './home-model';
import './index.css';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; me: Me | null; shownAt: number }
  | { state: 'failed'; message: string };

export default function Home() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  // Re-read on every show: the identity may have changed on the sign-in page.
  useDidShow(() => {
    whoami()
      .then((me) => setLoaded({ state: 'ready', me, shownAt: Date.now() }))
      .catch((error) => setLoaded({ state: 'failed', message: messageOf(error) }));
  });

  return (
    <View className='page home' id='home'>
      {loaded.state === 'loading' && <View className='muted' id='home-loading'>正在加载…</View>}
      {loaded.state === 'failed' && (
        <View className='banner-error' id='home-error'>
          {loaded.message}
        </View>
      )}
      {loaded.state === 'ready' && <HomeBody me={loaded.me} shownAt={loaded.shownAt} />}
      {DEV_SIGNIN_AVAILABLE && (
        <View className='home-footer'>
          <Text className='link' id='go-signin' onClick={() => Taro.navigateTo({ url: DEV_SIGNIN_URL })}>
            切换身份
          </Text>
        </View>
      )}
    </View>
  );
}

function HomeBody({ me, shownAt }: { me: Me | null; shownAt: number }) {
  const mode = homeModeOf(me);
  if (mode === 'resident' || !me) return <ResidentHome />;
  return (
    <View>
      <View className='card' id='whoami'>
        <View className='title' id='me-name'>
          {me.name}
        </View>
        <View className='home-me-line'>
          <Text className='home-role' id='me-role'>
            {me.role}
          </Text>
          <Text className='muted' id='me-org'>
            {me.org.name}
          </Text>
        </View>
      </View>
      {mode === 'field' ? <FieldActions /> : <YearFigures shownAt={shownAt} />}
    </View>
  );
}

function FieldActions() {
  return (
    <View className='home-actions'>
      <Button className='btn btn-primary' id='go-outreach' onClick={() => Taro.navigateTo({ url: '/field/outreach/index' })}>
        登记普法活动
      </Button>
      <Button className='btn btn-secondary' id='go-mine' onClick={() => Taro.navigateTo({ url: '/field/mine/index' })}>
        我的记录
      </Button>
    </View>
  );
}

/** Re-read whenever the page is shown again (shownAt changes). */
function YearFigures({ shownAt }: { shownAt: number }) {
  const year = String(beijingYear(new Date()));
  const [lines, setLines] = useState<FigureLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    getFigures({ action: 'get', period: year, ids: HOME_FIGURES.map((f) => f.id) })
      .then((answer) => {
        setLines(figureLines(answer.figures));
        setError(null);
      })
      .catch((e) => setError(messageOf(e)));
  }, [year, shownAt]);

  return (
    <View className='card' id='figures'>
      <View className='title'>{year}年数据</View>
      {error && (
        <View className='banner-error' id='figures-error'>
          {error}
        </View>
      )}
      {!lines && !error && <View className='muted'>正在统计…</View>}
      {lines?.map((line) => (
        <View className='figure' id={`figure-${line.id}`} key={line.id}>
          <Text className='figure-label'>{line.label}</Text>
          <Text className='figure-value'>{` ${line.value} `}</Text>
          <Text className='figure-unit'>{line.unit}</Text>
        </View>
      ))}
    </View>
  );
}

function ResidentHome() {
  return (
    <View id='resident-home'>
      <View className='card'>
        <View className='title'>公共法律服务</View>
        <View className='muted'>遇到法律问题，可拨打公共法律服务热线免费咨询。</View>
      </View>
      <Button className='btn btn-primary' id='call-12348' onClick={() => Taro.makePhoneCall({ phoneNumber: '12348' })}>
        12348 公共法律服务热线
      </Button>
      <View className='card muted' id='resident-soon'>
        本村法律顾问、人民调解员、法律明白人和近期活动信息即将上线。
      </View>
    </View>
  );
}
