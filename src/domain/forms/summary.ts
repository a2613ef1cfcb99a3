/**
 * How a record reads in a list (我的记录, the outbox): a title and one line of its numbers or facts.
 * Never the parties' names: lists are glanced at in public places. Pure.
 */
import type { FormKind } from './roles';
import { FORM_TITLES } from './roles';

export interface Summary {
  title: string;
  /** The record's own date (活动日期, 受理日期 …). */
  date: string;
  line: string;
}

const n = (v: unknown): number => (typeof v === 'number' ? v : 0);
const s = (v: unknown): string => (typeof v === 'string' ? v : '');

export function summaryOf(kind: FormKind, r: Record<string, unknown>): Summary {
  const title = FORM_TITLES[kind];
  switch (kind) {
    case 'outreach':
      return {
        title: `${title} · ${s(r.type)}`,
        date: s(r.date),
        line: [
          `${s(r.venue)}${r.topic ? ` · ${s(r.topic)}` : ''}`,
          `受众 ${n(r.attendees)} 人 · 资料 ${n(r.materials)} 份 · 横幅 ${n(r.banners)} 幅 · 咨询 ${n(r.consultations)} 人次`,
        ].join('\n'),
      };
    case 'consultation':
      return { title: `${title} · ${s(r.category)}`, date: s(r.date), line: `${n(r.people)} 人次${r.answeredBy ? ` · 答复人 ${s(r.answeredBy)}` : ''}` };
    case 'dispute':
      return {
        title: `${title} · ${s(r.disputeType)}`,
        date: s(r.acceptDate),
        line: `${s(r.state)} · ${s(r.source)}${Array.isArray(r.parties) ? ` · 当事人 ${r.parties.length} 人` : ''}`,
      };
    case 'petition':
      return {
        title: `${title} · ${s(r.channel)}`,
        date: s(r.registerDate),
        line: `${s(r.state)} · 期限 ${s(r.dueDate)}${r.category ? ` · ${s(r.category)}` : ''}`,
      };
    case 'reception':
      return { title: `${title} · ${s(r.leader)}`, date: s(r.date), line: `接待群众 ${n(r.people)} 人次` };
    case 'study':
      return {
        title: `${title} · ${s(r.type)}`,
        date: s(r.date),
        line: `应参加 ${n(r.expected)} · 实到 ${n(r.attended)} · 合格 ${n(r.passed)}${r.topic ? ` · ${s(r.topic)}` : ''}`,
      };
  }
}
