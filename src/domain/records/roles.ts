/**
 * Which roles may log each record kind, and who follows open cases (我的待办). The server's policy
 * enforces these lists and the app shows forms from them: one list, so the two never drift apart.
 * Pure.
 */
import type { AppRole } from '../vocab';
import type { RecordKind } from './kinds';

const FIELD_LOGGERS: readonly AppRole[] = ['法律明白人', '人民调解员', '村干部', '乡镇管理员'];
const CASE_WORKERS: readonly AppRole[] = ['人民调解员', '村干部', '乡镇管理员'];
const TOWNSHIP_STAFF: readonly AppRole[] = ['乡镇管理员'];

export const WRITE_ROLES: Record<RecordKind, readonly AppRole[]> = {
  outreach: FIELD_LOGGERS,
  consultation: FIELD_LOGGERS,
  // 法律明白人 log dispute clues found in 排查; mediators and cadres take the case from there.
  dispute: FIELD_LOGGERS,
  petition: CASE_WORKERS,
  reception: ['村干部', '乡镇管理员'],
  study: ['村干部', '乡镇管理员'],
  person: TOWNSHIP_STAFF,
  manualFigure: TOWNSHIP_STAFF,
};

/** Who has 我的待办: the people who take cases forward. */
export const TODO_ROLES: readonly AppRole[] = CASE_WORKERS;
