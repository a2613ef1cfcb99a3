/**
 * 我的记录: what this phone holds in its outbox (需处理 / 待发送 / 已发送) and the person's records on
 * the server. The view only wires the outbox and mine-model.ts together.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { RecordView } from '../../domain/api';
import { formsFor, isFormKind } from '../../domain/forms/roles';
import { beijingDate } from '../../domain/dates';
import { awaitsHeldConfirmation } from '../../domain/records/outreach';
import { summaryOf, type Summary } from '../../domain/forms/summary';
import { listMine, whoamiOrLast } from '../../services/api';
import { pullReturned } from '../../services/supervision';
import { messageOf } from '../../services/errors';
import { isOnline, onNetworkChange } from '../../services/network';
import { STATUS_LABELS, outbox, sendNow, type OutboxEntry } from '../../services/outbox';
import { storageWarning } from '../../components/OutboxStatus/status-model';
import { entryNote, entrySummary, photoNote, sectionsOf, serverOnly } from './mine-model';
import './index.css';

const OFFLINE_NOTE = '没有网络，只显示手机上的记录';

type Server = { state: 'loading' } | { state: 'ready'; items: RecordView[] } | { state: 'failed'; message: string };

export default function MyRecords() {
  const [entries, setEntries] = useState<OutboxEntry[]>(() => outbox().list());
  const [server, setServer] = useState<Server>({ state: 'loading' });
  const today = beijingDate(new Date());

  useEffect(() => outbox().subscribe(() => setEntries(outbox().list())), []);

  const [sendNote, setSendNote] = useState<string | null>(null);

  const loadServer = useCallback(() => {
    whoamiOrLast()
      .then(async ({ me, offline }) => {
        if (offline || !me) throw new Error('offline');
        // Records the township returned in review join 需处理 (the outbox tells the view).
        await pullReturned().catch(() => undefined);
        const lists = await Promise.all(formsFor(me.role).map((kind) => listMine(kind)));
        setServer({ state: 'ready', items: lists.flat() });
      })
      .catch((e) => setServer({ state: 'failed', message: e instanceof Error && e.message === 'offline' ? OFFLINE_NOTE : messageOf(e) }));
  }, []);

  useDidShow(() => {
    setEntries(outbox().list());
    sendNow();
    loadServer();
  });

  // The server's list follows the network while the page is open, not only when it is shown again.
  useEffect(
    () =>
      onNetworkChange((online) => {
        if (online) {
          setSendNote(null);
          loadServer();
        } else setServer({ state: 'failed', message: OFFLINE_NOTE });
      }),
    [loadServer],
  );

  /** 立即发送: without a network nothing can go now; say what will happen instead of nothing. */
  function sendPending() {
    setSendNote(isOnline() ? null : '现在没有网络，发送不了。有网络时会自动发送，不用再点。');
    sendNow();
  }

  const sections = sectionsOf(entries);
  const warning = storageWarning(outbox().usage());
  const others = server.state === 'ready' ? serverOnly(server.items, entries) : [];

  async function discard(entry: OutboxEntry) {
    const { confirm } = await Taro.showModal({
      title: '删除这条记录？',
      content: '删除后不会再发送，手机上的照片也会删除。',
      confirmText: '删除',
      confirmColor: '#d93026',
    });
    if (confirm) await outbox().discard(entry.id);
  }

  return (
    <View className="page mine" id="mine">
      {warning && (
        <View className="banner-error" id="storage-warning">
          {warning}
        </View>
      )}
      {sections.failed.length > 0 && (
        <View id="section-failed">
          <View className="section-title section-failed">{`需处理（${sections.failed.length}）`}</View>
          {sections.failed.map((entry) => (
            <EntryItem key={entry.id} entry={entry}>
              <View className="inline-actions">
                <View className="link-btn" id={`fix-${entry.id}`} onClick={() => Taro.navigateTo({ url: `/field/${entry.kind}/index?outbox=${entry.id}` })}>
                  修改
                </View>
                <View
                  className="link-btn"
                  id={`retry-${entry.id}`}
                  onClick={() => {
                    outbox().retry(entry.id);
                    sendNow();
                  }}
                >
                  重新发送
                </View>
                <View className="link-btn link-danger" id={`discard-${entry.id}`} onClick={() => discard(entry)}>
                  删除
                </View>
              </View>
            </EntryItem>
          ))}
        </View>
      )}
      {sections.pending.length > 0 && (
        <View id="section-pending">
          <View className="section-title">{`待发送（${sections.pending.length}）`}</View>
          <Button className="btn btn-secondary" id="send-now" onClick={sendPending}>
            立即发送
          </Button>
          {sendNote && (
            <View className="banner-info" id="send-note">
              {sendNote}
            </View>
          )}
          {sections.pending.map((entry) => (
            <EntryItem key={entry.id} entry={entry} />
          ))}
        </View>
      )}
      {sections.sent.length > 0 && (
        <View id="section-sent">
          <View className="section-title">已发送</View>
          {sections.sent.map((entry) => (
            <EntryItem key={entry.id} entry={entry}>
              {awaitsHeldConfirmation(entry.kind, entry.record, today) && <ConfirmHeld id={entry.id} />}
            </EntryItem>
          ))}
        </View>
      )}
      <View id="section-server">
        {(others.length > 0 || server.state !== 'ready') && <View className="section-title">已提交的记录</View>}
        {server.state === 'loading' && <View className="muted">正在加载…</View>}
        {server.state === 'failed' && (
          <View className="muted" id="mine-error">
            {server.message}
          </View>
        )}
        {others.map((item) =>
          isFormKind(item.kind) ? (
            <RecordItem key={item.id} id={item.id} summary={summaryOf(item.kind, item)}>
              {awaitsHeldConfirmation(item.kind, item as { date?: unknown; status?: unknown }, today) && <ConfirmHeld id={item.id} />}
            </RecordItem>
          ) : null,
        )}
      </View>
      {entries.length === 0 && server.state === 'ready' && others.length === 0 && (
        <View className="empty" id="mine-empty">
          暂无记录
        </View>
      )}
    </View>
  );
}

/** A planned event whose day has come: confirm it was held, with its numbers, so that it counts. */
function ConfirmHeld({ id }: { id: string }) {
  return (
    <View className="held-confirm">
      <Text className="muted">活动日期已到：举办了请确认并填写人数，才会计入统计</Text>
      <View
        className="link-btn"
        id={`confirm-held-${id}`}
        onClick={() => Taro.navigateTo({ url: `/field/outreach/index?record=${encodeURIComponent(id)}&held=1` })}
      >
        确认已举办
      </View>
    </View>
  );
}

function EntryItem({ entry, children }: { entry: OutboxEntry; children?: ReactNode }) {
  const note = entryNote(entry);
  const photos = photoNote(entry);
  return (
    <RecordItem id={entry.id} summary={entrySummary(entry)} status={entry.status}>
      {photos && <View className="muted">{photos}</View>}
      {note && (
        <Text className={entry.status === 'failed' ? 'error-text' : 'muted'} id={`error-${entry.id}`}>
          {note}
        </Text>
      )}
      {children}
    </RecordItem>
  );
}

function RecordItem({ id, summary, status, children }: { id: string; summary: Summary; status?: OutboxEntry['status']; children?: ReactNode }) {
  return (
    <View className="card record-item" id={`record-${id}`}>
      <View className="record-head">
        <Text className="record-type">{summary.title}</Text>
        {status && (
          <Text className={`status status-${status}`} id={`status-${id}`}>
            {STATUS_LABELS[status]}
          </Text>
        )}
      </View>
      <View className="record-date">{summary.date}</View>
      <View className="record-counts">{summary.line}</View>
      {children}
    </View>
  );
}
