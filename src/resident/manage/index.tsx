/**
 * 公开信息管理 (township admins): whose phone residents see — only with the person's consent — and the
 * 法律顾问's service hours; the township's legal knowledge articles. Logic in manage-model.ts.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { ContactRow, ManagedArticle } from '../../domain/public/types';
import type { ArticleInput } from '../../domain/public/article';
import { ARTICLE_CATEGORIES } from '../../domain/public/vocab';
import { beijingDate } from '../../domain/dates';
import { whoami } from '../../services/api';
import { newClientId } from '../../services/ids';
import { listContacts, listManagedArticles, saveArticle, setContact } from '../../services/public';
import { isApiError, messageOf } from '../../services/errors';
import { editableArticle, groupContacts, newArticle, replaceContact, withSavedArticle } from './manage-model';
import '../../pages/village/resident.css';
import '../form.css';
import './index.css';

type Tab = 'contacts' | 'articles';

export default function ManagePage() {
  const [tab, setTab] = useState<Tab>('contacts');
  const [township, setTownship] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    whoami()
      .then((me) => (me?.role === '乡镇管理员' ? setTownship(me.org.code) : setError('只有乡镇管理员可以管理公开信息。')))
      .catch((e) => setError(messageOf(e)));
  }, []);

  return (
    <View className="page" id="manage-page">
      <View className="kind-tabs">
        <View className={`kind-tab ${tab === 'contacts' ? 'kind-tab-on' : ''}`} id="tab-contacts" onClick={() => setTab('contacts')}>
          联系人公开
        </View>
        <View className={`kind-tab ${tab === 'articles' ? 'kind-tab-on' : ''}`} id="tab-articles" onClick={() => setTab('articles')}>
          普法文章
        </View>
      </View>
      {error && (
        <View className="banner-error" id="manage-error">
          {error}
        </View>
      )}
      {township && tab === 'contacts' && <Contacts />}
      {township && tab === 'articles' && <Articles township={township} />}
    </View>
  );
}

function Contacts() {
  const [rows, setRows] = useState<ContactRow[] | null>(null);
  const [hours, setHours] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    listContacts()
      .then(setRows)
      .catch((e) => setError(messageOf(e)));
  }, []);

  const change = async (row: ContactRow, patch: { publishPhone?: boolean; serviceHours?: string }) => {
    setError(null);
    try {
      const next = await setContact(row.personId, patch);
      setRows((current) => (current ? replaceContact(current, next) : current));
      Taro.showToast({ title: '已保存', icon: 'success', duration: 1000 });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <View>
      <View className="muted manage-hint">只有本人同意公开的，才打开“公开电话”。村民页面只显示打开了的电话。</View>
      {error && <View className="banner-error">{error}</View>}
      {!rows && !error && <View className="muted">正在加载…</View>}
      {rows &&
        groupContacts(rows).map((group) => (
          <View className="card" key={group.orgCode}>
            <View className="section-title">{group.orgName}</View>
            {group.rows.map((row) => (
              <View className="manage-row" key={row.personId}>
                <View className="contact">
                  <View>
                    <Text className="contact-name">{row.name}</Text>
                    <Text className="muted">{` ${row.role} · ${row.phone ?? '无电话'}`}</Text>
                  </View>
                  {row.phone && (
                    <View
                      className={`elder-switch-knob ${row.publishPhone ? 'elder-switch-on' : ''}`}
                      id={`publish-${row.personId}`}
                      onClick={() => change(row, { publishPhone: !row.publishPhone })}
                    >
                      {row.publishPhone ? '已公开' : '不公开'}
                    </View>
                  )}
                </View>
                {row.role === '法律顾问' && (
                  <View className="manage-hours">
                    <Input
                      className="r-input manage-hours-input"
                      id={`hours-${row.personId}`}
                      value={hours[row.personId] ?? row.serviceHours ?? ''}
                      placeholder="服务时间，如：每周二上午"
                      maxlength={100}
                      onInput={(e) => setHours({ ...hours, [row.personId]: e.detail.value })}
                    />
                    <Text
                      className="link"
                      id={`save-hours-${row.personId}`}
                      onClick={() => change(row, { serviceHours: hours[row.personId] ?? row.serviceHours ?? '' })}
                    >
                      保存
                    </Text>
                  </View>
                )}
              </View>
            ))}
          </View>
        ))}
    </View>
  );
}

function Articles({ township }: { township: string }) {
  const [list, setList] = useState<ManagedArticle[] | null>(null);
  const [editing, setEditing] = useState<ArticleInput | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    listManagedArticles()
      .then(setList)
      .catch((e) => setError(messageOf(e)));
  }, []);

  const save = async () => {
    if (!editing) return;
    setError(null);
    try {
      const saved = await saveArticle(editing);
      setList((current) => withSavedArticle(current ?? [], saved));
      setEditing(null);
      Taro.showToast({ title: '已保存', icon: 'success', duration: 1000 });
    } catch (e) {
      const details = isApiError(e) ? e.problems.map((p) => p.message) : [];
      setError([messageOf(e), ...details].join('；'));
    }
  };

  if (editing) {
    const categoryIndex = ARTICLE_CATEGORIES.indexOf(editing.category);
    return (
      <View className="card" id="article-editor">
        {error && <View className="banner-error">{error}</View>}
        <View className="r-row">
          <View className="r-label">标题</View>
          <Input
            className="r-input"
            id="article-title-input"
            value={editing.title}
            maxlength={60}
            onInput={(e) => setEditing({ ...editing, title: e.detail.value })}
          />
        </View>
        <View className="r-row">
          <View className="r-label">分类</View>
          <Picker
            mode="selector"
            range={[...ARTICLE_CATEGORIES]}
            value={categoryIndex}
            onChange={(e) => setEditing({ ...editing, category: ARTICLE_CATEGORIES[Number(e.detail.value)] ?? editing.category })}
          >
            <View className="r-picker">{editing.category}</View>
          </Picker>
        </View>
        <View className="r-row">
          <View className="r-label">发布日期</View>
          <Picker mode="date" value={editing.date} onChange={(e) => setEditing({ ...editing, date: e.detail.value })}>
            <View className="r-picker">{editing.date}</View>
          </Picker>
        </View>
        <View className="r-row">
          <View className="r-label">正文</View>
          <Textarea
            className="r-textarea manage-body"
            id="article-body-input"
            value={editing.body}
            maxlength={5000}
            onInput={(e) => setEditing({ ...editing, body: e.detail.value })}
          />
        </View>
        <View className="consent" id="article-published" onClick={() => setEditing({ ...editing, published: !editing.published })}>
          <Text className="consent-box">{editing.published ? '☑' : '☐'}</Text>
          <Text className="consent-text">发布（村民可以看到）</Text>
        </View>
        <Button className="btn btn-primary" id="article-save" onClick={save}>
          保存
        </Button>
        <Button className="btn btn-secondary" onClick={() => setEditing(null)}>
          取消
        </Button>
      </View>
    );
  }

  return (
    <View>
      {error && <View className="banner-error">{error}</View>}
      <Button className="btn btn-primary" id="new-article" onClick={() => setEditing(newArticle(newClientId(), township, beijingDate(new Date())))}>
        写新文章
      </Button>
      {!list && !error && <View className="muted">正在加载…</View>}
      {list?.map((article) => (
        <View className="card article-line" id={`managed-${article.id}`} key={article.id} onClick={() => setEditing(editableArticle(article))}>
          <View className="article-title">{article.title}</View>
          <View className="muted">{`${article.published ? '已发布' : '草稿'} · ${article.category} · ${article.date}`}</View>
        </View>
      ))}
    </View>
  );
}
