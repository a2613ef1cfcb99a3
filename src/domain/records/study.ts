/**
 * 学法培训 — a study or training session of cadres, or a law exam. The headcounts nest:
 * 合格 ≤ 实际参加 ≤ 应参加, which is what makes the exam rates come out in [0, 1].
 */
import { z } from 'zod';
import { STUDY_TYPES } from '../vocab';
import { calendarDate, clientId, count, oneOf, optionalText, orgCode } from './fields';
import { flag, validateWith, type Validation } from './common';

/** The fields' labels: the schema's messages, the form, the record page (KINDS[kind].labels). */
export const STUDY_LABELS = {
  id: '记录编号',
  orgCode: '单位',
  date: '学法日期',
  type: '学法类型',
  topic: '学习主题',
  expected: '应参加人数',
  attended: '实际参加人数',
  passed: '合格人数',
} as const;

export const studyFields = z
  .object({
    id: clientId,
    orgCode,
    date: calendarDate(STUDY_LABELS.date),
    type: oneOf(STUDY_LABELS.type, STUDY_TYPES),
    topic: optionalText(STUDY_LABELS.topic, 100),
    expected: count(STUDY_LABELS.expected, 10000),
    attended: count(STUDY_LABELS.attended, 10000),
    passed: count(STUDY_LABELS.passed, 10000),
  })
  .strict();

export type StudyInput = z.infer<typeof studyFields>;

export function studyRules(v: StudyInput, ctx: z.RefinementCtx): void {
  // A session nobody was expected at is not a session: 应参加 0 and 实到 0 would still count as one.
  if (v.expected < 1) flag(ctx, 'expected', '应参加人数至少为1');
  if (v.attended > v.expected) flag(ctx, 'attended', '实际参加人数不能多于应参加人数');
  if (v.passed > v.attended) flag(ctx, 'passed', '合格人数不能多于实际参加人数');
}

export const studySchema = studyFields.superRefine(studyRules);

export function validateStudy(input: unknown): Validation<StudyInput> {
  return validateWith(studySchema, input);
}
