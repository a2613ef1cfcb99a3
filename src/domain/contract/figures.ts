/** cloudfunctions/figures: the report's figures of a unit for a period. */
import { z } from 'zod';
import { orgCode } from './fields';
import type { FiguresAnswer } from '../api';

export const figuresRequest = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('get'),
    /** Defaults to the caller's own unit. */
    org: orgCode.optional(),
    /** '2023', '2023H1', '2023Q1', '2023-05' or '2023-01-01..2023-06-30'. */
    period: z.string().min(4).max(40),
    ids: z.array(z.string().max(80)).max(200).optional(),
  }),
]);

export type FiguresRequest = z.input<typeof figuresRequest>;

export interface FiguresAnswers {
  get: FiguresAnswer;
}
