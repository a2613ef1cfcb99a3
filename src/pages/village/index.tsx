/**
 * The village page (no sign-in): who to call, what is coming, what to read, and the way to ask for
 * help. Opened from the home page's village list, a link (`?code=`) or the village's code image
 * (`?scene=`). The view only wires data to village-model.ts.
 */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { PublicContact, VillageAnswer } from '../../domain/public/types';
import { beijingDate } from '../../domain/dates';
import { callPhone, getVillage, rememberVillage, rememberedVillage } from '../../services/public';
import { messageOf } from '../../services/errors';
import { contactSections, dayLabel, daysAwayLabel, villageCodeOf, type ContactSection } from './village-model';
import { ElderSwitch, elderClass, useElderMode } from './elder';
import './resident.css';

type Loaded = { state: 'loading' } | { state: 'ready'; village: VillageAnswer } | { state: 'failed'; message: string };

const HOME = '/pages/home/index';

export default function VillagePage() {
  const router = useRouter();
  const [elder, setElder] = useElderMode();
  const [code] = useState(() => villageCodeOf(router.params, rememberedVillage()?.code));
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    if (!code) {
      Taro.reLaunch({ url: HOME });
      return;
    }
    getVillage(code)
      .then((village) => {
        rememberVillage(village.village);
        setLoaded({ state: 'ready', village });
        Taro.setNavigationBarTitle({ title: village.village.name }).catch(() => undefined);
      })
      .catch((error) => setLoaded({ state: 'failed', message: messageOf(error) }));
  }, [code]);

  return (
    <View className={`page resident ${elderClass(elder)}`} id="village-page">
      <ElderSwitch on={elder} onChange={setElder} />
      {loaded.state === 'loading' && <View className="muted">正在加载…</View>}
      {loaded.state === 'failed' && (
        <View>
          <View className="banner-error" id="village-error">
            {loaded.message}
          </View>
          <Button className="btn btn-secondary" onClick={() => Taro.reLaunch({ url: HOME })}>
            重新选择村
          </Button>
        </View>
      )}
      {loaded.state === 'ready' && <VillageBody village={loaded.village} />}
    </View>
  );
}

function VillageBody({ village }: { village: VillageAnswer }) {
  const today = beijingDate(new Date());
  const code = village.village.code;
  const sections = contactSections(village);
  const ask = (kind: 'consult' | 'mediate') => Taro.navigateTo({ url: `/resident/ask/index?code=${code}&kind=${kind}` });
  return (
    <View>
      <View className="card village-head">
        <View className="title" id="village-name">
          {village.village.name}
        </View>
        <View className="village-head-line">
          <Text className="muted">{village.township.name}</Text>
          <Text className="link" id="change-village" onClick={() => Taro.reLaunch({ url: HOME })}>
            换一个村
          </Text>
        </View>
      </View>

      <View className="ask-row">
        <Button className="btn btn-primary ask-btn" id="ask-consult" onClick={() => ask('consult')}>
          我要咨询
        </Button>
        <Button className="btn btn-primary ask-btn" id="ask-mediate" onClick={() => ask('mediate')}>
          我要调解
        </Button>
      </View>
      <View className="ask-row">
        <Button className="btn btn-secondary ask-btn" id="call-hotline" onClick={() => callPhone(village.hotline)}>
          {`拨打 ${village.hotline}`}
        </Button>
        <Button className="btn btn-secondary ask-btn" id="village-my-requests" onClick={() => Taro.navigateTo({ url: '/resident/mine/index' })}>
          我的求助进度
        </Button>
      </View>

      {sections.slice(0, 1).map((section) => (
        <ContactCard section={section} key={section.id} />
      ))}

      <View className="card" id="events">
        <View className="section-title">近期活动</View>
        {village.events.length === 0 && (
          <View className="muted" id="events-empty">
            近期暂无普法活动安排
          </View>
        )}
        {village.events.map((event, i) => (
          <View className="event" id={`event-${i}`} key={`${event.date}-${i}`}>
            <View className="event-when">
              <Text className="event-date">{dayLabel(event.date)}</Text>
              <Text className="event-away">{daysAwayLabel(event.date, today)}</Text>
            </View>
            <View className="event-what">{event.topic ? `${event.type}：${event.topic}` : event.type}</View>
            <View className="muted">{event.place}</View>
          </View>
        ))}
      </View>

      {sections.slice(1).map((section) => (
        <ContactCard section={section} key={section.id} />
      ))}

      <View className="card" id="articles">
        <View className="section-title">法律知识</View>
        {village.articles.length === 0 && <View className="muted">暂无文章</View>}
        {village.articles.map((article) => (
          <View
            className="article-line"
            id={`article-${article.id}`}
            key={article.id}
            onClick={() => Taro.navigateTo({ url: `/resident/article/index?id=${article.id}` })}
          >
            <View className="article-title">{article.title}</View>
            <View className="muted">{`${article.category} · ${article.date}`}</View>
          </View>
        ))}
      </View>
    </View>
  );
}

function ContactCard({ section }: { section: ContactSection }) {
  return (
    <View className="card" id={`contacts-${section.id}`}>
      <View className="section-title">{section.title}</View>
      {section.people.length === 0 && <View className="muted">{section.empty}</View>}
      {section.people.map((person, i) => (
        <ContactLine person={person} id={`${section.id}-${i}`} key={`${person.name}-${i}`} />
      ))}
    </View>
  );
}

function ContactLine({ person, id }: { person: PublicContact; id: string }) {
  return (
    <View className="contact" id={`contact-${id}`}>
      <View className="contact-who">
        <Text className="contact-name">{person.name}</Text>
        {person.serviceHours && <View className="contact-hours">{`服务时间：${person.serviceHours}`}</View>}
      </View>
      {person.phone && (
        <View className="contact-call" id={`call-${id}`} onClick={() => callPhone(person.phone as string)}>
          {`拨打 ${person.phone}`}
        </View>
      )}
    </View>
  );
}
