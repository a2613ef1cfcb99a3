/** 我的记录: order and wording of the list. Pure. */
import type { OutreachView } from '../../domain/api';

/** Newest work first; for the same day, the latest recorded first. */
export function newestFirst(items: readonly OutreachView[]): OutreachView[] {
  return [...items].sort(
    (a, b) => b.date.localeCompare(a.date) || (b.recordedAt ?? '').localeCompare(a.recordedAt ?? ''),
  );
}

/** '受众 120 人 · 资料 300 份 · 横幅 2 幅 · 咨询 15 人次' */
export function countsLine(item: OutreachView): string {
  return [
    `受众 ${item.attendees} 人`,
    `资料 ${item.materials} 份`,
    `横幅 ${item.banners} 幅`,
    `咨询 ${item.consultations} 人次`,
  ].join(' · ');
}
