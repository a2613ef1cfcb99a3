/** cloudfunctions/public: residents' legal services, no sign-in. Every answer is public-safe. */
import { z } from 'zod';
import { orgCode } from './fields';
import type { ArticleAnswer, MineAnswer, SubmitAnswer, SubscribeTopic, TownshipsAnswer, VillageAnswer } from '../public/types';

export const publicRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('townships') }),
  z.object({ action: z.literal('village'), code: orgCode }),
  z.object({ action: z.literal('article'), id: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/) }),
  z.object({ action: z.literal('submit'), request: z.unknown() }),
  /** Requests the caller made: by the keys the app kept, and by the caller's openid when there is one. */
  z.object({ action: z.literal('mine'), keys: z.array(z.string().regex(/^[A-Za-z0-9_-]{20,64}$/)).max(30) }),
  /** The subscribe-message templates; a template id is '' when not configured. */
  z.object({ action: z.literal('templates') }),
  /** The caller accepted the template in WeChat's dialog: one more message may be sent. */
  z.object({ action: z.literal('subscribe'), template: z.enum(['answer', 'deadline'] as const satisfies readonly SubscribeTopic[]) }),
]);

export type PublicRequest = z.input<typeof publicRequest>;

export interface PublicAnswers {
  townships: TownshipsAnswer;
  village: VillageAnswer;
  article: ArticleAnswer;
  submit: SubmitAnswer;
  mine: MineAnswer;
  templates: { templates: Record<SubscribeTopic, string> };
  /** Messages the caller may now be sent. */
  subscribe: { credits: number };
}
