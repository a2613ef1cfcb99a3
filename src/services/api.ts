/**
 * Typed calls to the cloud functions, one per action in src/domain/api.ts. Pages use these, never
 * the transport directly.
 */
import type {
  FiguresAnswer,
  FiguresRequest,
  Me,
  OutreachView,
  RecordsRequest,
  SessionAnswer,
  SessionRequest,
} from '../domain/api';
import type { OutreachInput } from '../domain/records/outreach';
import { callFunction } from './transport';

/** Who the caller is; null for a resident (no bound identity). */
export async function whoami(): Promise<Me | null> {
  const request: SessionRequest = { action: 'whoami' };
  const answer = await callFunction<SessionAnswer>('session', request);
  return answer?.me ?? null;
}

export async function createOutreach(record: OutreachInput): Promise<OutreachView> {
  const request: RecordsRequest = { action: 'create', kind: 'outreach', record };
  const answer = await callFunction<{ record: OutreachView }>('records', request);
  return answer.record;
}

export async function listMyOutreach(): Promise<OutreachView[]> {
  const request: RecordsRequest = { action: 'listMine', kind: 'outreach' };
  const answer = await callFunction<{ items: OutreachView[] }>('records', request);
  return answer.items ?? [];
}

export function getFigures(request: FiguresRequest): Promise<FiguresAnswer> {
  return callFunction<FiguresAnswer>('figures', request);
}
