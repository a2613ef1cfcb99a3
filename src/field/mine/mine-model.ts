/**
 * 我的记录: the phone's outbox in three groups (需处理 first: they wait for the person; then 待发送 in
 * the order they will go; then 已发送), followed by the person's records on the server that the
 * phone no longer holds. Pure.
 */
import type { RecordView } from '../../domain/api';
import { isFormKind } from '../../domain/forms/roles';
import { summaryOf, type Summary } from '../../domain/forms/summary';
import type { OutboxEntry } from '../../services/outbox/types';
import { RETURNED } from '../../services/outbox/outbox';

export interface Sections {
  failed: OutboxEntry[];
  pending: OutboxEntry[];
  sent: OutboxEntry[];
}

export function sectionsOf(entries: readonly OutboxEntry[]): Sections {
  return {
    failed: entries.filter((e) => e.status === 'failed').sort((a, b) => b.updatedAt - a.updatedAt),
    pending: entries.filter((e) => e.status === 'pending').sort((a, b) => a.seq - b.seq),
    sent: entries.filter((e) => e.status === 'sent').sort((a, b) => (b.sentAt ?? 0) - (a.sentAt ?? 0)),
  };
}

/** Server records not shown from the outbox already; newest work first. */
export function serverOnly(items: readonly RecordView[], entries: readonly OutboxEntry[]): RecordView[] {
  const held = new Set(entries.map((e) => e.id));
  return items
    .filter((item) => !held.has(item.id) && !item.deleted)
    .sort((a, b) => summaryDate(b).localeCompare(summaryDate(a)) || (b.recordedAt ?? '').localeCompare(a.recordedAt ?? ''));
}

function summaryDate(item: RecordView): string {
  return isFormKind(item.kind) ? summaryOf(item.kind, item).date : '';
}

export function entrySummary(entry: OutboxEntry): Summary {
  return summaryOf(entry.kind, entry.record);
}

/** What the person reads under a record that has not gone yet. */
export function entryNote(entry: OutboxEntry): string | null {
  if (entry.status === 'failed' && entry.error?.code === RETURNED) return `乡镇审核退回：${entry.error.message}`;
  if (entry.status === 'failed') return entry.error ? `服务器退回：${entry.error.message}` : '服务器退回，请修改后重新发送';
  if (entry.status === 'pending' && entry.error) return `还没发出：${entry.error.message}，会自动重试`;
  return null;
}

export function photoNote(entry: OutboxEntry): string | null {
  if (entry.photos.length === 0) return null;
  const uploaded = entry.photos.filter((p) => p.fileID).length;
  return uploaded === entry.photos.length ? `照片 ${entry.photos.length} 张` : `照片 ${entry.photos.length} 张（已上传 ${uploaded}）`;
}
