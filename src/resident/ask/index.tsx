/**
 * 我要咨询 / 我要调解: a short form that lands in the village's request queue. WeChat's privacy
 * agreement comes first, before any personal field shows; the consent box must be ticked to send.
 * The view only wires inputs to ask-model.ts.
 */
import { useEffect, useState, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import type { RequestStatusView } from '../../domain/public/types';
import { DESCRIPTION_MAX } from '../../domain/public/request';
import { REQUEST_KINDS } from '../../domain/public/vocab';
import { getVillage, newRequestKey, rememberedVillage, requirePrivacyConsent, submitRequest } from '../../services/public';
import { isApiError, messageOf } from '../../services/errors';
import { ElderSwitch, elderClass, useElderMode } from '../../pages/village/elder';
import SubscribeButton from '../../components/SubscribeButton';
import { STATE_HINT, stateClass } from '../../pages/village/request-view';
import {
  ASK_FIELD_IDS,
  CONSENT_TEXT,
  KIND_TEXT,
  NO_ASK_PROBLEMS,
  initialAskDraft,
  kindOf,
  kindParam,
  placeAskProblems,
  validateAsk,
  type AskDraft,
  type AskField,
  type AskProblems,
} from './ask-model';
import '../../pages/village/resident.css';
import '../form.css';

type Privacy = 'asking' | 'agreed' | 'refused';

export default function AskPage() {
  const { params } = useRouter();
  const code = params.code ?? '';
  const [elder, setElder] = useElderMode();
  const [privacy, setPrivacy] = useState<Privacy>('asking');
  const [villageName, setVillageName] = useState(() => (rememberedVillage()?.code === code ? rememberedVillage()?.name : undefined));
  const [draft, setDraft] = useState<AskDraft>(() => initialAskDraft(newRequestKey(), kindOf(params.kind)));
  const [problems, setProblems] = useState<AskProblems>(NO_ASK_PROBLEMS);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<RequestStatusView | null>(null);

  const askPrivacy = () => {
    setPrivacy('asking');
    requirePrivacyConsent().then((ok) => setPrivacy(ok ? 'agreed' : 'refused'));
  };
  useEffect(() => {
    requirePrivacyConsent().then((ok) => setPrivacy(ok ? 'agreed' : 'refused'));
  }, []);

  useEffect(() => {
    if (villageName || !code) return;
    getVillage(code)
      .then((v) => setVillageName(v.village.name))
      .catch((e) => setProblems({ fields: {}, general: [messageOf(e)] }));
  }, [code, villageName]);

  function update(next: AskDraft, field: AskField) {
    setDraft(next);
    if (problems.fields[field]) {
      const fields = { ...problems.fields };
      delete fields[field];
      setProblems({ ...problems, fields });
    }
  }

  async function send() {
    if (sending) return;
    const checked = validateAsk(draft, code);
    if (!checked.ok) {
      setProblems(placeAskProblems(checked.problems));
      return;
    }
    setSending(true);
    setProblems(NO_ASK_PROBLEMS);
    try {
      setSent(await submitRequest(checked.value));
    } catch (error) {
      // The key stays: sending again is the same request, never a second one.
      const placed = isApiError(error) ? placeAskProblems(error.problems) : NO_ASK_PROBLEMS;
      setProblems({ fields: placed.fields, general: [messageOf(error), ...placed.general] });
    } finally {
      setSending(false);
    }
  }

  const text = KIND_TEXT[draft.kind];
  const fieldError = (field: AskField) =>
    problems.fields[field] ? (
      <Text className="error-text" id={`${ASK_FIELD_IDS[field]}-error`}>
        {problems.fields[field]}
      </Text>
    ) : null;

  return (
    <View className={`page resident ${elderClass(elder)}`} id="ask-page">
      <ElderSwitch on={elder} onChange={setElder} />
      {sent ? (
        <Sent request={sent} />
      ) : privacy !== 'agreed' ? (
        <View className="card" id="privacy-needed">
          <View className="muted">
            {privacy === 'asking' ? '正在打开隐私保护指引…' : '需要您同意《隐私保护指引》后才能填写姓名和电话。您也可以直接拨打12348。'}
          </View>
          {privacy === 'refused' && (
            <Button className="btn btn-primary" id="privacy-retry" onClick={askPrivacy}>
              查看并同意隐私保护指引
            </Button>
          )}
        </View>
      ) : (
        <View id="ask-form">
          <View className="kind-tabs">
            {REQUEST_KINDS.map((kind) => (
              <View
                className={`kind-tab ${draft.kind === kind ? 'kind-tab-on' : ''}`}
                id={`kind-${kindParam(kind)}`}
                key={kind}
                onClick={() => setDraft({ ...draft, kind })}
              >
                {KIND_TEXT[kind].title}
              </View>
            ))}
          </View>
          <View className="card">
            <View className="muted ask-hint">{text.hint}</View>
            {problems.general.length > 0 && (
              <View className="banner-error" id="ask-error">
                {problems.general.map((message) => (
                  <View key={message}>{message}</View>
                ))}
              </View>
            )}
            <Row label="所在村">
              <Text className="r-static" id="ask-village">
                {villageName ?? code}
              </Text>
            </Row>
            <Row label="您的姓名" error={fieldError('name')}>
              <Input
                className="r-input"
                id={ASK_FIELD_IDS.name}
                value={draft.name}
                maxlength={20}
                placeholder="请填写姓名"
                onInput={(e) => update({ ...draft, name: e.detail.value }, 'name')}
              />
            </Row>
            <Row label="手机号码" error={fieldError('phone')}>
              <Input
                className="r-input"
                id={ASK_FIELD_IDS.phone}
                type="number"
                value={draft.phone}
                maxlength={13}
                placeholder="11位手机号码"
                onInput={(e) => update({ ...draft, phone: e.detail.value }, 'phone')}
              />
            </Row>
            <Row label="发生了什么" error={fieldError('description')}>
              <Textarea
                className="r-textarea"
                id={ASK_FIELD_IDS.description}
                value={draft.description}
                maxlength={DESCRIPTION_MAX}
                placeholder={text.placeholder}
                onInput={(e) => update({ ...draft, description: e.detail.value }, 'description')}
              />
            </Row>
            <View
              className={`consent ${draft.consent ? 'consent-on' : ''}`}
              id={ASK_FIELD_IDS.consent}
              onClick={() => update({ ...draft, consent: !draft.consent }, 'consent')}
            >
              <Text className="consent-box">{draft.consent ? '☑' : '☐'}</Text>
              <Text className="consent-text">{CONSENT_TEXT}</Text>
            </View>
            {fieldError('consent')}
          </View>
          <Button className={`btn btn-primary ${sending ? 'btn-busy' : ''}`} id="ask-submit" onClick={send}>
            {sending ? '正在提交…' : '提交'}
          </Button>
        </View>
      )}
    </View>
  );
}

function Sent({ request }: { request: RequestStatusView }) {
  return (
    <View className="card" id="ask-sent">
      <View className="title">已提交</View>
      <View className="sent-line">
        <Text>编号：</Text>
        <Text className="sent-ref" id="ask-ref">
          {request.ref}
        </Text>
      </View>
      <View className="sent-line">
        <Text className={stateClass(request.state)} id="ask-state">
          {request.state}
        </Text>
      </View>
      <View className="muted">{STATE_HINT[request.state]}。请记下编号，打电话询问时报编号即可。</View>
      <SubscribeButton topic="answer" label="受理后微信通知我" id="sent-subscribe" />
      <Button className="btn btn-primary" id="sent-my-requests" onClick={() => Taro.redirectTo({ url: '/resident/mine/index' })}>
        查看我的求助进度
      </Button>
    </View>
  );
}

function Row({ label, error, children }: { label: string; error?: ReactNode; children: ReactNode }) {
  return (
    <View className="r-row">
      <View className="r-label">{label}</View>
      {children}
      {error}
    </View>
  );
}
