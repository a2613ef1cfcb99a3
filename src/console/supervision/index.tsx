/**
 * 报送与审核: the villages' 月报 month by month (已报 / 零报告 / 逾期 / 未报) with reporting and on-time
 * rates, a reminder one tap from every village not yet reported; for the county viewer each
 * township's rates. The township's own admin also sets the due day and review (审核), and approves or
 * returns the records awaiting review.
 */
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Button, Input, Switch, Text, View } from '@tarojs/components';
import { beijingYear } from '../../domain/dates';
import type { CompletenessAnswer, ReviewItem } from '../../domain/supervision/api';
import { CADENCES, CADENCE_LABELS, DEFAULT_DUE_DAY, DEFAULT_HALF_DUE_DAYS, dueRuleText, rateText, type Cadence } from '../../domain/supervision/schedule';
import { approveMonth, approveRecords, getCompleteness, getReviewQueue, remindVillage, returnRecord, saveSettings } from '../../services/supervision';
import { messageOf } from '../../services/errors';
import { consoleParams } from '../nav';
import { recordPageUrl } from '../../domain/console/record';
import { useLoad } from '../useLoad';
import Status from '../components/Status';
import YearTabs from '../components/YearTabs';
import { canRemind, cellText, focusMonth, monthLabel, ratesLine, reviewGroups } from './supervision-model';
import '../console.css';
import './supervision.css';
import '../pc';

export default function Supervision() {
  const currentYear = beijingYear(new Date());
  const params = consoleParams(useRouter().params, currentYear);
  const [year, setYear] = useState(params.year);
  const [month, setMonth] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { loaded, reload } = useLoad(() => getCompleteness(year, params.org), `${year}:${params.org ?? ''}`);
  usePullDownRefresh(() => {
    reload();
    Taro.stopPullDownRefresh();
  });

  const act = async (work: () => Promise<string>) => {
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
      reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <View className="page console" id="console-supervision">
      <YearTabs year={year} currentYear={currentYear} onChange={setYear} />
      <Status loaded={loaded} id="supervision" />
      {notice && (
        <View className="banner-info" id="supervision-notice">
          {notice}
        </View>
      )}
      {error && (
        <View className="banner-error" id="supervision-error">
          {error}
        </View>
      )}
      {loaded.state === 'ready' && (
        <View>
          <View className="card" id="rates-year">
            <View className="title">{`${loaded.data.org.name} · ${year}年月报报送情况`}</View>
            <View>{ratesLine(loaded.data.yearRates)}</View>
            <View className="muted">{`统计到 ${loaded.data.asOf}；已过截止日的月份计入报送率`}</View>
          </View>
          {loaded.data.townships.length > 0 ? (
            <Townships answer={loaded.data} />
          ) : (
            <Villages answer={loaded.data} month={month ?? focusMonth(loaded.data)} onMonth={setMonth} act={act} />
          )}
          {loaded.data.canWrite && <Settings answer={loaded.data} act={act} />}
          {loaded.data.canWrite && <Review act={act} />}
        </View>
      )}
    </View>
  );
}

type Act = (work: () => Promise<string>) => Promise<void>;

function Townships({ answer }: { answer: CompletenessAnswer }) {
  return (
    <View className="card" id="townships">
      <View className="title">各乡镇</View>
      {answer.townships.map((t) => (
        <View className="village-line" id={`township-${t.org.code}`} key={t.org.code}>
          <Text>{t.org.name}</Text>
          <Text>{`报送率 ${rateText(t.year.reportingRate)} · 按时 ${rateText(t.year.onTimeRate)}`}</Text>
        </View>
      ))}
    </View>
  );
}

function Villages({ answer, month, onMonth, act }: { answer: CompletenessAnswer; month: string; onMonth: (m: string) => void; act: Act }) {
  const index = answer.months.findIndex((m) => m.month === month);
  const selected = answer.months[index];
  return (
    <View>
      <View className="console-tabs" id="month-tabs">
        {answer.months.map((m) => (
          <Text className={`console-tab ${m.month === month ? 'console-tab-on' : ''}`} id={`month-${m.month}`} key={m.month} onClick={() => onMonth(m.month)}>
            {monthLabel(m.month)}
          </Text>
        ))}
      </View>
      <View className="card" id="month-villages">
        <View className="title">{`${month} · 截止 ${selected.dueDate}`}</View>
        <View id="month-rates">{ratesLine(selected.rates)}</View>
        {answer.villages.map((row) => {
          const cell = row.cells[index];
          const shown = cellText(cell);
          return (
            <View className="village-line" id={`village-${row.village.code}`} key={row.village.code}>
              <Text>{row.village.name}</Text>
              <Text className={shown.className} id={`state-${row.village.code}`}>
                {shown.text}
              </Text>
              {answer.canWrite && canRemind(cell, answer.asOf) ? (
                <Text
                  className="link-btn"
                  id={`remind-${row.village.code}`}
                  onClick={() => void act(async () => (await remindVillage(row.village.code, month)).reminder.message.replace('乡镇提醒：', '已提醒：'))}
                >
                  {cell.reminded ? '再次提醒' : '提醒报送'}
                </Text>
              ) : (
                <Text className="muted">{cell.submittedBy ?? ''}</Text>
              )}
            </View>
          );
        })}
      </View>
      <View className="card grid-scroll" id="completeness-grid">
        <View className="grid">
          <View className="grid-row">
            <Text className="grid-cell grid-head">村（社区）</Text>
            {answer.months.map((m) => (
              <Text className="grid-cell grid-head" key={m.month}>
                {monthLabel(m.month)}
              </Text>
            ))}
            <Text className="grid-cell grid-head">报送率</Text>
          </View>
          {answer.villages.map((row) => (
            <View className="grid-row" key={row.village.code}>
              <Text className="grid-cell">{row.village.name}</Text>
              {row.cells.map((cell) => {
                const shown = cellText(cell);
                return (
                  <Text className={`grid-cell ${shown.className}`} id={`cell-${row.village.code}-${cell.month}`} key={cell.month}>
                    {shown.text}
                  </Text>
                );
              })}
              <Text className="grid-cell">{rateText(row.year.reportingRate)}</Text>
            </View>
          ))}
          <View className="grid-row" id="grid-rates">
            <Text className="grid-cell grid-head">报送率/按时率</Text>
            {answer.months.map((m) => (
              <Text className="grid-cell" key={m.month}>
                {m.rates.expected === 0 ? '—' : `${rateText(m.rates.reportingRate)}/${rateText(m.rates.onTimeRate)}`}
              </Text>
            ))}
            <Text className="grid-cell">{rateText(answer.yearRates.reportingRate)}</Text>
          </View>
        </View>
      </View>
    </View>
  );
}

function Settings({ answer, act }: { answer: CompletenessAnswer; act: Act }) {
  const current = answer.settings;
  const [cadence, setCadence] = useState<Cadence>(current?.cadence ?? 'monthly');
  const [dueDay, setDueDay] = useState(String(current?.dueDay ?? DEFAULT_DUE_DAY));
  const [review, setReview] = useState(current?.review ?? false);
  if (!current) return null;
  // Switching the cadence starts from that cadence's usual due day.
  const choose = (next: Cadence) => {
    setCadence(next);
    setDueDay(String(next === current.cadence ? current.dueDay : next === 'monthly' ? DEFAULT_DUE_DAY : DEFAULT_HALF_DUE_DAYS));
  };
  const save = () =>
    act(async () => {
      const day = Number(dueDay);
      const { settings } = await saveSettings(day, review, current.version, cadence);
      return `已保存：${dueRuleText(settings.cadence, settings.dueDay)}；审核${settings.review ? '已开启' : '未开启'}`;
    });
  return (
    <View className="card" id="supervision-settings">
      <View className="title">报送与审核设置</View>
      <View className="village-line">
        <Text>报送周期</Text>
        <View>
          {CADENCES.map((c) => (
            <Text className={`link-btn${c === cadence ? ' chosen' : ''}`} id={`settings-cadence-${c}`} key={c} onClick={() => choose(c)}>
              {`${c === cadence ? '● ' : '○ '}${CADENCE_LABELS[c]}`}
            </Text>
          ))}
        </View>
      </View>
      <View className="village-line">
        <Text>{cadence === 'monthly' ? '每月几日前报送上月月报' : '每半月结束后几天内报送'}</Text>
        <Input className="reason-input" id="settings-due-day" type="number" value={dueDay} onInput={(e) => setDueDay(e.detail.value)} />
      </View>
      <View className="village-line">
        <Text>审核后才计入统计</Text>
        <Switch id="settings-review" checked={review} onChange={(e) => setReview(e.detail.value)} />
      </View>
      <Button className="btn btn-secondary" id="settings-save" onClick={() => void save()}>
        保存设置
      </Button>
    </View>
  );
}

function Review({ act }: { act: Act }) {
  const { loaded, reload } = useLoad(() => getReviewQueue(), 'queue');
  const [selected, setSelected] = useState<string[]>([]);
  const [returning, setReturning] = useState<ReviewItem | null>(null);
  const [reason, setReason] = useState('');
  const ref = (item: ReviewItem) => ({ kind: item.kind, id: item.id, version: item.version });
  const decide = (work: () => Promise<string>) =>
    act(async () => {
      const message = await work();
      setSelected([]);
      setReturning(null);
      setReason('');
      reload();
      return message;
    });
  if (loaded.state !== 'ready') return <Status loaded={loaded} id="review" />;
  const items = loaded.data.items;
  const waiting = items.filter((i) => i.state === '待审核');
  return (
    <View className="card" id="review-queue">
      <View className="title">{`待审核记录（${waiting.length}）`}</View>
      {items.length === 0 && <View className="muted">没有待审核的记录</View>}
      {selected.length > 0 && (
        <Button
          className="btn btn-primary"
          id="approve-selected"
          onClick={() => void decide(async () => `已通过 ${(await approveRecords(items.filter((i) => selected.includes(i.id)).map(ref))).approved} 条`)}
        >
          {`通过所选（${selected.length}）`}
        </Button>
      )}
      {reviewGroups(items).map((group) => (
        <View key={group.key} id={`review-group-${group.key}`}>
          <View className="village-line">
            <Text className="title">{`${group.orgName} · ${group.month}`}</Text>
            <Text
              className="link-btn"
              id={`approve-month-${group.key}`}
              onClick={() => void decide(async () => `已通过 ${(await approveMonth(group.orgCode, group.month)).approved} 条`)}
            >
              本村本月全部通过
            </Text>
          </View>
          {group.items.map((item) => (
            <View key={item.id}>
              <View className="review-line" id={`review-${item.id}`}>
                <Text
                  className={selected.includes(item.id) ? 'cell-done' : 'muted'}
                  id={`select-${item.id}`}
                  onClick={() => setSelected((s) => (s.includes(item.id) ? s.filter((x) => x !== item.id) : [...s, item.id]))}
                >
                  {selected.includes(item.id) ? '☑' : '☐'}
                </Text>
                <View
                  style={{ flex: 1 }}
                  id={`review-open-${item.id}`}
                  onClick={() => {
                    // The record itself, with its history: from every list of records (issue 17).
                    const url = recordPageUrl(item.kind, item.id);
                    if (url) void Taro.navigateTo({ url });
                  }}
                >
                  <View>{item.summary}</View>
                  <View className="muted">{`${item.recordedBy} · ${item.state}${item.reason ? `：${item.reason}` : ''}`}</View>
                </View>
                {item.state === '待审核' && (
                  <View className="review-actions">
                    <Text
                      className="link-btn"
                      id={`approve-${item.id}`}
                      onClick={() => void decide(async () => `已通过 ${(await approveRecords([ref(item)])).approved} 条`)}
                    >
                      通过
                    </Text>
                    <Text className="link-btn link-danger" id={`return-${item.id}`} onClick={() => setReturning(item)}>
                      退回
                    </Text>
                  </View>
                )}
              </View>
              {returning?.id === item.id && (
                <View id="return-form">
                  <Input
                    className="reason-input"
                    id="return-reason"
                    placeholder="退回原因（记录人会看到）"
                    value={reason}
                    onInput={(e) => setReason(e.detail.value)}
                  />
                  <Button
                    className="btn btn-primary"
                    id="return-confirm"
                    onClick={() => void decide(async () => (await returnRecord(ref(item), reason), '已退回，记录人会在“需处理”中看到原因'))}
                  >
                    确认退回
                  </Button>
                </View>
              )}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
