/**
 * 普法文章 — a legal knowledge article a township publishes for its villages. Written by township
 * admins (the `requests` function), read by anyone (the `public` function) once published.
 * Pure: depends only on zod and the domain.
 */
import { z } from 'zod';
import { calendarDate, clientId, oneOf, orgCode } from '../records/fields';
import { requiredText, validateWith, type Validation } from '../records/common';
import { ARTICLE_CATEGORIES } from './vocab';

export const articleSchema = z
  .object({
    id: clientId,
    /** The township that publishes it. */
    orgCode,
    title: requiredText('标题', 60),
    category: oneOf('分类', ARTICLE_CATEGORIES),
    date: calendarDate('发布日期'),
    body: requiredText('正文', 5000),
    published: z.boolean({ required_error: '请选择是否发布', invalid_type_error: '是否发布格式不对' }),
  })
  .strict();

export type ArticleInput = z.infer<typeof articleSchema>;

export function validateArticle(input: unknown): Validation<ArticleInput> {
  return validateWith(articleSchema, input);
}

export const ARTICLE_LABELS: Record<keyof ArticleInput, string> = {
  id: '文章编号',
  orgCode: '乡镇',
  title: '标题',
  category: '分类',
  date: '发布日期',
  body: '正文',
  published: '是否发布',
};
