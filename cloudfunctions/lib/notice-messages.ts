/**
 * What each subscribe message says, in the keywords of the templates DEPLOY.md asks the county to
 * choose in 小程序后台「订阅消息」 (the keys, e.g. `character_string1`, are the template's own; they
 * must match the chosen template). WeChat limits a `thing` to 20 characters, a `phrase` to 5.
 */
import type { RequestState } from '../../src/domain/public/vocab';
import { periodLabel } from '../../src/domain/supervision/schedule';

type MessageData = Record<string, { value: string }>;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** 办理结果通知: 受理编号, 办理状态, 更新时间, 温馨提示. */
export function answerMessage(ref: string, state: RequestState, beijingTime: string): MessageData {
  return {
    character_string1: { value: ref },
    phrase2: { value: cut(state, 5) },
    time3: { value: beijingTime },
    thing4: { value: '点击查看办理情况' },
  };
}

export type DeadlineThreshold = 'due3' | 'overdue';

/** 办理期限提醒: 事项名称, 办理期限, 提醒内容. */
export function deadlineMessage(title: string, dueDate: string, threshold: DeadlineThreshold): MessageData {
  return {
    thing1: { value: cut(title, 20) },
    date2: { value: dueDate },
    thing3: { value: threshold === 'overdue' ? '信访事项已超过办理期限' : '信访事项3天内到期' },
  };
}

/** The same 办理期限提醒 for a settled dispute's 回访 (follow-up visit). */
export function followUpMessage(title: string, dueDate: string, threshold: DeadlineThreshold): MessageData {
  return {
    thing1: { value: cut(title, 20) },
    date2: { value: dueDate },
    thing3: { value: threshold === 'overdue' ? '纠纷回访已超过期限' : '纠纷回访3天内到期' },
  };
}

/** The same 办理期限提醒 for a township's reminder (催报) of a village's 月报. */
export function reportReminderMessage(village: string, month: string, dueDate: string, late: boolean): MessageData {
  return {
    thing1: { value: cut(`${village}${periodLabel(month)}月报`, 20) },
    date2: { value: dueDate },
    thing3: { value: late ? '月报已逾期，乡镇提醒报送' : '乡镇提醒按时报送月报' },
  };
}
