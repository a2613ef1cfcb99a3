/** One legal knowledge article of the township (no sign-in). */
import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ArticleView } from '../../domain/public/types';
import { getArticle } from '../../services/public';
import { messageOf } from '../../services/errors';
import { ElderSwitch, elderClass, useElderMode } from '../../pages/village/elder';
import '../../pages/village/resident.css';

type Loaded = { state: 'loading' } | { state: 'ready'; article: ArticleView } | { state: 'failed'; message: string };

export default function ArticlePage() {
  const { params } = useRouter();
  const [elder, setElder] = useElderMode();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    getArticle(params.id ?? '')
      .then((article) => setLoaded({ state: 'ready', article }))
      .catch((e) => setLoaded({ state: 'failed', message: messageOf(e) }));
  }, [params.id]);

  return (
    <View className={`page resident ${elderClass(elder)}`} id="article-page">
      <ElderSwitch on={elder} onChange={setElder} />
      {loaded.state === 'loading' && <View className="muted">正在加载…</View>}
      {loaded.state === 'failed' && (
        <View className="banner-error" id="article-error">
          {loaded.message}
        </View>
      )}
      {loaded.state === 'ready' && (
        <View className="card">
          <View className="title" id="article-title">
            {loaded.article.title}
          </View>
          <View className="muted">{`${loaded.article.category} · ${loaded.article.townshipName} · ${loaded.article.date}`}</View>
          {loaded.article.body.split('\n').map((paragraph, i) => (
            <View className="article-paragraph" key={i}>
              <Text>{paragraph}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
