/** cloudfunctions/requests: the request queue of a unit's handlers, and a township's published contacts, articles and codes. */
import { z } from 'zod';
import { CASE_KINDS, REQUEST_KINDS, REQUEST_STATES } from '../public/vocab';
import { CONSULTATION_CATEGORIES, DISPUTE_TYPES } from '../vocab';
import { REF_PATTERN } from '../public/request';
import { orgCode, pageLimit, pageOffset } from './fields';
import type {
  ArticleSavedAnswer,
  ArticlesAnswer,
  ContactAnswer,
  ContactsAnswer,
  ConvertAnswer,
  QueueItemAnswer,
  QueuePage,
  VillageCodeAnswer,
} from '../public/types';

const ref = z.string().regex(REF_PATTERN);

export const requestsRequest = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('queue'),
    state: z.enum(REQUEST_STATES).optional(),
    kind: z.enum(REQUEST_KINDS).optional(),
    village: orgCode.optional(),
    offset: pageOffset.optional(),
    limit: pageLimit.optional(),
  }),
  z.object({ action: z.literal('accept'), ref }),
  z.object({
    action: z.literal('convert'),
    ref,
    as: z.enum(CASE_KINDS).optional(),
    category: z.enum(CONSULTATION_CATEGORIES).optional(),
    disputeType: z.enum(DISPUTE_TYPES).optional(),
  }),
  z.object({ action: z.literal('close'), ref }),
  z.object({ action: z.literal('contacts'), org: orgCode.optional() }),
  z.object({
    action: z.literal('setContact'),
    personId: z.string().min(1).max(64),
    publishPhone: z.boolean().optional(),
    serviceHours: z.string().max(100).optional(),
  }),
  z.object({ action: z.literal('articles') }),
  z.object({ action: z.literal('saveArticle'), article: z.unknown() }),
  z.object({ action: z.literal('villageCode'), code: orgCode }),
]);

export type RequestsRequest = z.input<typeof requestsRequest>;

export interface RequestsAnswers {
  queue: QueuePage;
  accept: QueueItemAnswer;
  close: QueueItemAnswer;
  convert: ConvertAnswer;
  contacts: ContactsAnswer;
  setContact: ContactAnswer;
  articles: ArticlesAnswer;
  saveArticle: ArticleSavedAnswer;
  villageCode: VillageCodeAnswer;
}
