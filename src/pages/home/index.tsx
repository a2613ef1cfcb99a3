import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Me } from '../../domain/api';
import { beijingYear } from '../../domain/dates';
import { getFigures, whoamiOrLast } from '../../services/api';
import { messageOf } from '../../services/errors';
import { DEV_SIGNIN_AVAILABLE, DEV_SIGNIN_URL } from '../../services/identity';
import { isOnline, onNetworkChange } from '../../services/network';
import { preloadPackages } from '../../services/app-shell';
import {
  BIND_ENTRY,
  HOME_FIGURES,
  consoleEntry,
  fieldEntries,
  figureLines,
  homeModeOf,
  monthlyEntry,
  packagesFor,
  serviceEntries,
  type FigureLine,
  type FormEntry,
} from './home-model';
import OutboxStatus from '../../components/OutboxStatus';
import ResidentHome from '../village/ResidentHome';
import './index.css';

type Loaded = { state: 'loading' } | { state: 'ready'; me: Me | null; shownAt: number; offline: boolean } | { state: 'failed'; message: string };

export default function Home() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  // Without a signal the last known identity is used, so field work goes on offline. With one, the
  // pages this person uses are loaded now, so that they open later without a signal.
  const load = useCallback(() => {
    whoamiOrLast()
      .then(({ me, offline }) => {
        // An answer can land after the network went (a load started while online): the note follows
        // the network as it is now, not as it was when the load began.
        setLoaded({ state: 'ready', me, shownAt: Date.now(), offline: offline || !isOnline() });
        if (!offline) preloadPackages(packagesFor(me));
      })
      .catch((error) => setLoaded({ state: 'failed', message: messageOf(error) }));
  }, []);

  // Re-read on every show (the identity may have changed on the sign-in page) and when the network
  // comes back; say at once when it goes.
  useDidShow(load);
  useEffect(
    () =>
      onNetworkChange((online) => {
        if (online) load();
        else setLoaded((now) => (now.state === 'ready' ? { ...now, offline: true } : now));
      }),
    [load],
  );

  return (
    <View className="page home" id="home">
      {loaded.state === 'loading' && (
        <View className="muted" id="home-loading">
          正在加载…
        </View>
      )}
      {loaded.state === 'failed' && (
        <View className="banner-error" id="home-error">
          {loaded.message}
        </View>
      )}
      {loaded.state === 'ready' && <HomeBody me={loaded.me} shownAt={loaded.shownAt} offline={loaded.offline} />}
      {DEV_SIGNIN_AVAILABLE && (
        <View className="home-footer">
          <Text className="link" id="go-signin" onClick={() => Taro.navigateTo({ url: DEV_SIGNIN_URL })}>
            切换身份
          </Text>
        </View>
      )}
    </View>
  );
}

function HomeBody({ me, shownAt, offline }: { me: Me | null; shownAt: number; offline: boolean }) {
  const mode = homeModeOf(me);
  if (mode === 'resident' || !me) {
    return (
      <View>
        <ResidentHome />
        <View className="home-footer">
          <Text className="link" id={BIND_ENTRY.id} onClick={() => Taro.navigateTo({ url: BIND_ENTRY.url })}>
            {BIND_ENTRY.label}
          </Text>
        </View>
      </View>
    );
  }
  return (
    <View>
      <View className="card" id="whoami">
        <View className="title" id="me-name">
          {me.name}
        </View>
        <View className="home-me-line">
          <Text className="home-role" id="me-role">
            {me.role}
          </Text>
          <Text className="muted" id="me-org">
            {me.org.name}
          </Text>
        </View>
      </View>
      {offline && (
        <View className="banner-info" id="home-offline">
          现在没有网络：记录先保存在手机上，有网络时自动发送。
        </View>
      )}
      {mode === 'field' ? (
        <FieldActions me={me} />
      ) : (
        <View>
          <YearFigures shownAt={shownAt} />
          <Button className="btn btn-primary" id="go-console" onClick={() => Taro.navigateTo({ url: consoleEntry(me.role).url })}>
            {consoleEntry(me.role).label}
          </Button>
          {me.role === '乡镇管理员' && <FieldActions me={me} />}
        </View>
      )}
    </View>
  );
}

/** The field worker's branch: every form the role may use, 我的记录, 我的待办 and the outbox status. */
function FieldActions({ me }: { me: Me }) {
  return (
    <View className="home-actions">
      <OutboxStatus />
      <View className="home-forms">
        {fieldEntries(me.role).forms.map((entry) => (
          <Button className="btn btn-primary home-form" id={entry.id} key={entry.id} onClick={() => Taro.navigateTo({ url: entry.url })}>
            {entry.label}
          </Button>
        ))}
      </View>
      <EntryButtons entries={serviceEntries(me.role)} />
      <EntryButtons entries={[monthlyEntry(me.role)].filter((entry): entry is FormEntry => entry !== null)} />
      {fieldEntries(me.role).todo && (
        <Button className="btn btn-secondary" id="go-todo" onClick={() => Taro.navigateTo({ url: '/field/todo/index' })}>
          我的待办
        </Button>
      )}
      <Button className="btn btn-secondary" id="go-mine" onClick={() => Taro.navigateTo({ url: '/field/mine/index' })}>
        我的记录
      </Button>
    </View>
  );
}

function EntryButtons({ entries }: { entries: FormEntry[] }) {
  return (
    <View className="home-services">
      {entries.map((entry) => (
        <Button className="btn btn-secondary" id={entry.id} key={entry.id} onClick={() => Taro.navigateTo({ url: entry.url })}>
          {entry.label}
        </Button>
      ))}
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
    <View className="card" id="figures">
      <View className="title">{year}年数据</View>
      {error && (
        <View className="banner-error" id="figures-error">
          {error}
        </View>
      )}
      {!lines && !error && <View className="muted">正在统计…</View>}
      {lines?.map((line) => (
        <View className="figure" id={`figure-${line.id}`} key={line.id}>
          <Text className="figure-label">{line.label}</Text>
          <Text className="figure-value">{` ${line.value} `}</Text>
          <Text className="figure-unit">{line.unit}</Text>
        </View>
      ))}
    </View>
  );
}
