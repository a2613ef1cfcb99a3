/**
 * Following one case from 我的待办: change its state, close it with the result, add a 回访. Each step
 * is an edit (with the version it was made on) saved to the outbox and sent at once; without a
 * network it waits there like any record. The edits themselves are built by domain/forms/case.ts.
 */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { RecordView } from '../../domain/api';
import { beijingDate } from '../../domain/dates';
import { KINDS } from '../../domain/records/kinds';
import { AGREEMENT_FORMS, FOLLOW_UP_LABELS, type FollowUp, type Party } from '../../domain/records/case-fields';
import { addFollowUp, changeState, editableRecord, isCaseKind, isClosingState, needsCloseDate, nextStates, type CaseKind } from '../../domain/forms/case';
import ChoiceField from '../../components/ChoiceField';
import DateField from '../../components/DateField';
import TextField from '../../components/TextField';
import { getRecord } from '../../services/api';
import { messageOf } from '../../services/errors';
import { outbox } from '../../services/outbox';
import './index.css';

type Loaded = { state: 'loading' } | { state: 'ready'; view: RecordView } | { state: 'failed'; message: string };

export default function CasePage() {
  const params = useRouter().params;
  const kind = isCaseKind(params.kind) ? params.kind : undefined;
  const id = params.id ? decodeURIComponent(params.id) : '';
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  const load = () => {
    if (!kind || !id) return setLoaded({ state: 'failed', message: '没有找到这件事' });
    getRecord(kind, id)
      .then((view) => setLoaded({ state: 'ready', view }))
      .catch((e) => setLoaded({ state: 'failed', message: messageOf(e) }));
  };
  useEffect(load, [kind, id]);

  if (loaded.state === 'loading') return <View className="page muted">正在加载…</View>;
  if (loaded.state === 'failed' || !kind) {
    return (
      <View className="page">
        <View className="banner-error" id="case-error">
          {loaded.state === 'failed' ? loaded.message : '没有找到这件事'}
        </View>
      </View>
    );
  }
  return <CaseBody key={`${loaded.view.id}-${loaded.view.version}`} kind={kind} view={loaded.view} onSaved={load} />;
}

function CaseBody({ kind, view, onSaved }: { kind: CaseKind; view: RecordView; onSaved: () => void }) {
  const today = beijingDate(new Date());
  const [record, setRecord] = useState(() => editableRecord(kind, view));
  const state = String(record.state);
  const options = nextStates(kind, state);
  const [target, setTarget] = useState('');
  const [closeDate, setCloseDate] = useState(today);
  const [agreementForm, setAgreementForm] = useState<string>(AGREEMENT_FORMS[0]);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [visitDate, setVisitDate] = useState(today);
  const [visitResult, setVisitResult] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // Labels and the date the case was taken up on, as the kinds' description names them.
  const labels = KINDS[kind].labels;
  const openedOn = KINDS[kind].period?.date;
  const parties = (record.parties as Party[] | undefined) ?? [];
  const visits = (record.followUps as FollowUp[] | undefined) ?? [];

  async function submit(next: Record<string, unknown>, closes: boolean) {
    if (busy) return;
    const checked = KINDS[kind].validate(next);
    if (!checked.ok) return setMessage({ error: true, text: checked.problems.map((p) => p.message).join('；') });
    setBusy(true);
    setMessage(null);
    try {
      outbox().add({ kind, action: 'update', baseVersion: view.version, record: checked.value });
      await outbox().flush({ ignoreBackoff: true });
    } catch (e) {
      setBusy(false);
      return setMessage({ error: true, text: messageOf(e) });
    }
    const entry = outbox().get(view.id);
    setBusy(false);
    if (entry?.status === 'failed') return setMessage({ error: true, text: entry.error?.message ?? '保存失败' });
    if (entry?.status === 'pending') {
      // Saved on the phone: the next step builds on it, on the same version, until it is sent.
      setRecord(checked.value);
      setTarget('');
      setVisitResult('');
      return setMessage({ error: false, text: '已保存在手机上，有网络时自动发送' });
    }
    Taro.showToast({ title: '已保存', icon: 'success', duration: 1000 });
    if (closes) setTimeout(() => Taro.navigateBack(), 600);
    else onSaved();
  }

  const saveState = () => {
    if (!target) return setMessage({ error: true, text: '请先选择新的状态' });
    const amountValue = amount.trim() === '' ? undefined : Number(amount);
    if (amountValue !== undefined && !Number.isFinite(amountValue)) return setMessage({ error: true, text: `${labels.amount}必须是数字` });
    const next = changeState(kind, record, { state: target, closeDate, agreementForm, amount: amountValue, note }, today);
    void submit(next, isClosingState(kind, target));
  };

  const saveVisit = () => {
    if (!visitResult.trim()) return setMessage({ error: true, text: `请填写${FOLLOW_UP_LABELS.result}` });
    void submit(addFollowUp(record, { date: visitDate, result: visitResult }), false);
  };

  return (
    <View className="page case" id="case">
      {message && (
        <View className={message.error ? 'banner-error' : 'banner-info'} id="case-message">
          {message.text}
        </View>
      )}
      <View className="card">
        <View className="title" id="case-title">
          {kind === 'dispute' ? `${String(record.disputeType)}纠纷` : `信访事项（${String(record.channel)}）`}
        </View>
        <View className="case-line">
          <Text className="muted">状态</Text>
          <Text className="case-state" id="case-state">
            {state}
          </Text>
        </View>
        {openedOn && (
          <View className="case-line">
            <Text className="muted">{labels[openedOn]}</Text>
            <Text>{String(record[openedOn])}</Text>
          </View>
        )}
        {kind === 'petition' && (
          <View className="case-line">
            <Text className="muted">{labels.dueDate}</Text>
            <Text>{String(record.dueDate)}</Text>
          </View>
        )}
        {parties.length > 0 && (
          <View className="case-line">
            <Text className="muted">{labels.parties}</Text>
            <Text>{parties.map((p) => p.name).join('、')}</Text>
          </View>
        )}
        {typeof record.description === 'string' && <View className="case-desc">{record.description}</View>}
        {typeof record.closingNote === 'string' && <View className="case-desc" id="case-closing-note">{`${labels.closingNote}：${record.closingNote}`}</View>}
      </View>

      {view.masked ? (
        <View className="banner-error" id="case-masked">
          您不是这件事的经办人，只能查看。
        </View>
      ) : (
        <>
          {options.length > 0 && (
            <View className="card" id="case-state-card">
              <ChoiceField id="next-state" label="变更状态" options={options} value={target} onChange={setTarget} />
              {target && needsCloseDate(kind, target) && (
                <DateField id="close-date" label={labels.closeDate} value={closeDate} today={today} onChange={setCloseDate} />
              )}
              {kind === 'dispute' && target === '调解成功' && (
                <>
                  <ChoiceField id="agreement-form" label={labels.agreementForm} options={AGREEMENT_FORMS} value={agreementForm} onChange={setAgreementForm} />
                  <TextField id="agreement-amount" label={`${labels.amount}（元，可不填）`} type="digit" value={amount} onChange={setAmount} />
                </>
              )}
              {target && isClosingState(kind, target) && (
                <TextField id="state-note" label={`${labels.closingNote}（可不填）`} value={note} multiline maxlength={500} onChange={setNote} />
              )}
              <Button className={`btn btn-primary ${busy ? 'btn-busy' : ''}`} id="save-state" onClick={saveState}>
                {target && isClosingState(kind, target) ? `办结：${target}` : '保存状态'}
              </Button>
            </View>
          )}
          <View className="card" id="case-followups">
            <View className="form-label">{`${labels.followUps}（${visits.length}）`}</View>
            {visits.map((v, i) => (
              <View className="followup" key={i} id={`followup-${i}`}>
                <Text className="followup-date">{v.date}</Text>
                <Text>{v.result}</Text>
              </View>
            ))}
            <DateField id="followup-date" label={FOLLOW_UP_LABELS.date} value={visitDate} today={today} end={today} onChange={setVisitDate} />
            <TextField
              id="followup-result"
              label={FOLLOW_UP_LABELS.result}
              value={visitResult}
              multiline
              maxlength={500}
              placeholder="如：双方已按协议履行"
              onChange={setVisitResult}
            />
            <Button className="btn btn-secondary" id="add-followup" onClick={saveVisit}>
              添加回访
            </Button>
          </View>
        </>
      )}
    </View>
  );
}
