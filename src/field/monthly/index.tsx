/**
 * 月报: a village's 法律明白人 or 村干部 confirms a month in one step — the month's counts from their
 * records, then 报送 (a 零报告 when nothing was logged). Above it the township's reminders and the
 * months past due; records the township returned are put in 我的记录's 需处理.
 */
import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { beijingDate } from '../../domain/dates';
import type { MonthAnswer, TasksAnswer } from '../../domain/supervision/api';
import { getMonth, pullReturned, submitMonth } from '../../services/supervision';
import { messageOf } from '../../services/errors';
import { canStep, defaultMonth, monthLabel, reportLine, submitLabel } from './monthly-model';
import { isReportPeriod, nextPeriod, previousPeriod } from '../../domain/supervision/schedule';
import './index.css';

type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; message: string };

export default function Monthly() {
  const today = beijingDate(new Date());
  // A reminder in 我的待办 (or its subscribe message) opens the month it names.
  const asked = useRouter().params.month;
  const [tasks, setTasks] = useState<Loaded<TasksAnswer>>({ state: 'loading' });
  const [month, setMonth] = useState<string | null>(null);
  const [view, setView] = useState<Loaded<MonthAnswer>>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = (target: string) => {
    setMonth(target);
    setView({ state: 'loading' });
    setError(null);
    getMonth(target)
      .then((data) => setView({ state: 'ready', data }))
      .catch((e) => setView({ state: 'failed', message: messageOf(e) }));
  };

  const load = () =>
    pullReturned()
      .then((data) => {
        setTasks({ state: 'ready', data });
        open(month ?? (asked && isReportPeriod(asked) ? asked : defaultMonth(today, data.overdueMonths, data.cadence)));
      })
      .catch((e) => setTasks({ state: 'failed', message: messageOf(e) }))
      .finally(() => Taro.stopPullDownRefresh());

  useDidShow(() => void load());
  usePullDownRefresh(() => void load());

  const submit = async () => {
    if (!month) return;
    setBusy(true);
    setError(null);
    try {
      setView({ state: 'ready', data: await submitMonth(month) });
      const data = await pullReturned();
      setTasks({ state: 'ready', data });
      Taro.showToast({ title: '已报送', icon: 'success' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page monthly" id="monthly">
      {tasks.state === 'failed' && (
        <View className="banner-error" id="monthly-error">
          {tasks.message}
        </View>
      )}
      {tasks.state === 'ready' && tasks.data.reminders.length > 0 && (
        <View id="monthly-reminders">
          {tasks.data.reminders.map((r) => (
            <View className="banner-error" id={`reminder-${r.month}`} key={r.id} onClick={() => open(r.month)}>
              {r.message}
            </View>
          ))}
        </View>
      )}
      {tasks.state === 'ready' && tasks.data.overdueMonths.length > 0 && (
        <View className="card" id="monthly-overdue">
          <View className="muted">以下月份已过截止日，还没有报送：</View>
          {tasks.data.overdueMonths.map((m) => (
            <Text className="monthly-chip" id={`overdue-${m}`} key={m} onClick={() => open(m)}>
              {monthLabel(m)}
            </Text>
          ))}
        </View>
      )}
      {tasks.state === 'ready' && tasks.data.returned.length > 0 && (
        <View className="banner-info" id="monthly-returned" onClick={() => Taro.navigateTo({ url: '/field/mine/index' })}>
          {`乡镇退回了 ${tasks.data.returned.length} 条记录，请到“我的记录”的“需处理”中修改后重新发送`}
        </View>
      )}
      {month && (
        <View className="monthly-step">
          <Text className="link-btn" id="month-prev" onClick={() => canStep(month, today, -1) && open(previousPeriod(month))}>
            上个月
          </Text>
          <Text className="title" id="month-label">{`${monthLabel(month)}月报`}</Text>
          <Text className="link-btn" id="month-next" onClick={() => canStep(month, today, 1) && open(nextPeriod(month))}>
            {canStep(month, today, 1) ? '下个月' : ''}
          </Text>
        </View>
      )}
      {view.state === 'loading' && <View className="muted">正在加载…</View>}
      {view.state === 'failed' && (
        <View className="banner-error" id="month-error">
          {view.message}
        </View>
      )}
      {view.state === 'ready' && (
        <View className="card" id="month-card">
          <View className="muted">{`${view.data.village.name} · 报送截止 ${view.data.dueDate}`}</View>
          <View id="month-lines">
            {view.data.lines.map((line) => (
              <View className="monthly-line" key={line.id}>
                <Text>{line.words}</Text>
                <Text>{`${line.value} ${line.unit}`}</Text>
              </View>
            ))}
          </View>
          <View className="monthly-sentence" id="month-sentence">
            {view.data.sentence}
          </View>
          {view.data.report ? (
            <View className="banner-info" id="month-report">
              {reportLine(view.data.report)}
            </View>
          ) : (
            view.data.canSubmit && (
              <Button className="btn btn-primary" id="submit-month" disabled={busy || undefined} onClick={() => void submit()}>
                {busy ? '正在报送…' : submitLabel(view.data.zero)}
              </Button>
            )
          )}
          {error && (
            <View className="banner-error" id="submit-error">
              {error}
            </View>
          )}
        </View>
      )}
    </View>
  );
}
