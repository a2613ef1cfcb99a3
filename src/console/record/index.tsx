/**
 * One record in the console, opened from any list of records: its fields as the server answers them
 * (parties masked for anyone not handling the case), its history, and for the township admin 修改 /
 * 删除 / 恢复. Every change goes through the records function with the version shown here.
 */
import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { HistoryView, Me, RecordView } from '../../domain/api';
import { historyLines, recordLines } from '../../domain/console/record';
import { KINDS, RECORD_KINDS, type RecordKind } from '../../domain/records/kinds';
import { isFormKind } from '../../domain/forms/roles';
import { getHistory, getRecord, setRecordDeleted, whoami } from '../../services/api';
import { messageOf } from '../../services/errors';
import { useLoad } from '../useLoad';
import Status from '../components/Status';
import '../console.css';
import '../pc';

interface Loaded {
  me: Me | null;
  record: RecordView;
  /** The history, or why it is not shown (only township admins read it). */
  history: HistoryView[] | string;
}

const isKind = (v: string | undefined): v is RecordKind => (RECORD_KINDS as readonly string[]).includes(v ?? '');

async function load(kind: string | undefined, id: string): Promise<Loaded> {
  if (!isKind(kind) || !id) throw new Error('没有找到这条记录');
  const [me, record] = await Promise.all([whoami(), getRecord(kind, id)]);
  const history = await getHistory(kind, id).catch((e) => messageOf(e));
  return { me, record, history };
}

export default function RecordPage() {
  const params = useRouter().params;
  const kind = params.kind;
  const id = params.id ? decodeURIComponent(params.id) : '';
  const { loaded, reload } = useLoad(() => load(kind, id), `${kind}:${id}`);
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(false);
  // Back from 修改: read the record again (its version and fields changed).
  useDidShow(() => {
    if (shown) reload();
    setShown(true);
  });

  async function setDeleted(record: RecordView, deleted: boolean) {
    if (busy) return;
    if (deleted) {
      const { confirm } = await Taro.showModal({
        title: '删除这条记录？',
        content: '删除后不再计入任何数字，可以恢复。',
        confirmText: '删除',
        confirmColor: '#d93026',
      });
      if (!confirm) return;
    }
    setBusy(true);
    try {
      await setRecordDeleted(record.kind, record.id, record.version, deleted);
      setNotice({ error: false, text: deleted ? '已删除，不再计入数字' : '已恢复' });
      reload();
    } catch (e) {
      setNotice({ error: true, text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="page console" id="console-record">
      <Status loaded={loaded} id="record" />
      {notice && (
        <View className={notice.error ? 'banner-error' : 'banner-info'} id="record-notice">
          {notice.text}
        </View>
      )}
      {loaded.state === 'ready' && <RecordBody data={loaded.data} busy={busy} onDelete={setDeleted} />}
    </View>
  );
}

function RecordBody({ data, busy, onDelete }: { data: Loaded; busy: boolean; onDelete: (record: RecordView, deleted: boolean) => void }) {
  const { me, record, history } = data;
  const admin = me?.role === '乡镇管理员' && Array.isArray(history);
  const editable = admin && !record.deleted && !record.masked && isFormKind(record.kind);
  return (
    <View>
      <View className="card">
        <View className="title" id="record-title">
          {KINDS[record.kind].label}
        </View>
        <View className="muted" id="record-meta">{`${record.orgName} · 第 ${record.version} 版`}</View>
        {record.deleted && (
          <View className="banner-error" id="record-deleted">
            这条记录已删除，不计入任何数字。
          </View>
        )}
        {record.masked && (
          <View className="muted" id="record-masked">
            当事人信息已隐去：只有经办人能看到。
          </View>
        )}
        {recordLines(record).map((line) => (
          <View className="item" id={`record-field-${line.name}`} key={line.name}>
            <Text className="muted">{line.label}</Text>
            <View className="record-value">{line.value}</View>
          </View>
        ))}
      </View>
      {admin && (
        <View className="console-nav" id="record-actions">
          {editable && (
            <Button
              className="btn btn-secondary"
              id="record-edit"
              onClick={() => Taro.navigateTo({ url: `/field/${record.kind}/index?record=${encodeURIComponent(record.id)}` })}
            >
              修改
            </Button>
          )}
          {record.deleted ? (
            <Button className="btn btn-secondary" id="record-restore" disabled={busy || undefined} onClick={() => onDelete(record, false)}>
              恢复
            </Button>
          ) : (
            <Button className="btn btn-secondary" id="record-delete" disabled={busy || undefined} onClick={() => onDelete(record, true)}>
              删除
            </Button>
          )}
        </View>
      )}
      <View className="card" id="record-history">
        <View className="title">修改记录</View>
        {typeof history === 'string' ? (
          <View className="muted" id="record-history-note">
            {history}
          </View>
        ) : history.length === 0 ? (
          <View className="muted" id="record-history-note">
            还没有修改过（导入或演示数据没有登记记录）。
          </View>
        ) : (
          historyLines(history).map((line) => (
            <View className="item" key={line.key}>
              {line.text}
            </View>
          ))
        )}
      </View>
    </View>
  );
}
