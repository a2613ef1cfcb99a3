/** Wording of the outbox status. Pure. */
import type { OutboxCounts } from '../../services/outbox/queue';
import type { Usage } from '../../services/outbox/repo';

export function statusLine(counts: OutboxCounts): string {
  if (counts.failed === 0 && counts.pending === 0) return '手机上的记录都已发送';
  const parts: string[] = [];
  if (counts.pending) parts.push(`待发送 ${counts.pending} 条`);
  if (counts.failed) parts.push(`需处理 ${counts.failed} 条`);
  return parts.join(' · ');
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** A warning once storage reaches 80 %, before a record can no longer be kept. */
export function storageWarning(usage: Usage): string | null {
  if (usage.level === 'ok') return null;
  const used = `手机存储已用 ${mb(usage.usedBytes)}MB / ${mb(usage.limitBytes)}MB`;
  return usage.level === 'full' ? `${used}，已满：请先联网发送或删除记录，新记录无法保存` : `${used}，请尽快联网发送待发送的记录`;
}
