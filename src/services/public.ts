/**
 * The residents' legal services as the app's pages see them: typed calls to the `public` and
 * `requests` functions, and what a resident's phone remembers — the chosen village, 长辈模式, and the
 * keys of the requests made on it (see cloudfunctions/lib/public/requests.ts for why keys).
 */
import Taro from '@tarojs/taro';
import type {
  ArticleView,
  ContactRow,
  ConvertAnswer,
  ManagedArticle,
  PublicOrg,
  QueueItem,
  RequestStatusView,
  TownshipChoice,
  VillageAnswer,
  VillageCodeAnswer,
  SubscribeTopic,
} from '../domain/public/types';
import type { RequestsRequest } from '../domain/contract/requests';
import type { ResidentRequestInput } from '../domain/public/request';
import type { ArticleInput } from '../domain/public/article';
import type { RequestState } from '../domain/public/vocab';
import { callFunction } from './transport';
import { newClientId } from './ids';
import { readStored, removeStored, writeStored } from './storage';

export const PUBLIC_STORAGE_KEYS = {
  village: 'fazhi.public.village',
  elder: 'fazhi.public.elder',
  requestKeys: 'fazhi.public.requestKeys',
} as const;

/** How many request keys a phone keeps: far more than a resident makes, far less than 1 MB. */
export const MAX_KEPT_KEYS = 30;

// ---- public (no sign-in) -------------------------------------------------------------------

export async function listTownships(): Promise<TownshipChoice[]> {
  return (await callFunction('public', { action: 'townships' })).townships ?? [];
}

export function getVillage(code: string): Promise<VillageAnswer> {
  return callFunction('public', { action: 'village', code });
}

export async function getArticle(id: string): Promise<ArticleView> {
  return (await callFunction('public', { action: 'article', id })).article;
}

/** The key is kept before sending, so a request whose answer was lost still shows in 我的求助. */
export async function submitRequest(request: ResidentRequestInput): Promise<RequestStatusView> {
  keepRequestKey(request.key);
  return (await callFunction('public', { action: 'submit', request })).request;
}

export async function myRequests(): Promise<RequestStatusView[]> {
  return (await callFunction('public', { action: 'mine', keys: keptRequestKeys() })).items ?? [];
}

// ---- requests (signed-in staff) ------------------------------------------------------------

export async function requestQueue(state?: RequestState): Promise<QueueItem[]> {
  return (await callFunction('requests', { action: 'queue', ...(state ? { state } : {}) })).items ?? [];
}

export async function acceptRequest(ref: string): Promise<QueueItem> {
  return (await callFunction('requests', { action: 'accept', ref })).item;
}

export async function closeRequest(ref: string): Promise<QueueItem> {
  return (await callFunction('requests', { action: 'close', ref })).item;
}

export function convertRequest(request: Omit<Extract<RequestsRequest, { action: 'convert' }>, 'action'>): Promise<ConvertAnswer> {
  return callFunction('requests', { action: 'convert', ...request });
}

export async function listContacts(org?: string): Promise<ContactRow[]> {
  return (await callFunction('requests', { action: 'contacts', ...(org ? { org } : {}) })).items ?? [];
}

export async function setContact(personId: string, change: { publishPhone?: boolean; serviceHours?: string }): Promise<ContactRow> {
  return (await callFunction('requests', { action: 'setContact', personId, ...change })).item;
}

export async function listManagedArticles(): Promise<ManagedArticle[]> {
  return (await callFunction('requests', { action: 'articles' })).items ?? [];
}

export async function saveArticle(article: ArticleInput): Promise<ManagedArticle> {
  return (await callFunction('requests', { action: 'saveArticle', article })).item;
}

export function getVillageCode(code: string): Promise<VillageCodeAnswer> {
  return callFunction('requests', { action: 'villageCode', code });
}

let templates: Promise<Record<SubscribeTopic, string>> | undefined;

/**
 * Asks WeChat's subscribe dialog for one message of `topic` and reports an acceptance to the server.
 * Must run inside a tap (WeChat's rule); the template ids are fetched ahead by subscribeTemplate().
 * Answers whether the person accepted.
 */
export async function subscribeTo(topic: SubscribeTopic, templateId: string): Promise<boolean> {
  const answer = (await Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
  if (answer[templateId] !== 'accept') return false;
  await callFunction('public', { action: 'subscribe', template: topic });
  return true;
}

/** The template id of `topic`, '' where messages cannot be subscribed (not configured, or not in WeChat). */
export async function subscribeTemplate(topic: SubscribeTopic): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') return '';
  templates ??= callFunction('public', { action: 'templates' }).then((a) => a.templates);
  return (await templates.catch(() => ({ answer: '', deadline: '' })))[topic] ?? '';
}

// ---- what the phone remembers ----------------------------------------------------------------

export function rememberedVillage(): PublicOrg | undefined {
  const stored = readStored<PublicOrg>(PUBLIC_STORAGE_KEYS.village);
  return stored && typeof stored.code === 'string' && typeof stored.name === 'string' ? { code: stored.code, name: stored.name } : undefined;
}

export function rememberVillage(village: PublicOrg): void {
  writeStored(PUBLIC_STORAGE_KEYS.village, { code: village.code, name: village.name });
}

export function isElderMode(): boolean {
  return readStored<boolean>(PUBLIC_STORAGE_KEYS.elder) === true;
}

export function setElderMode(on: boolean): void {
  if (on) writeStored(PUBLIC_STORAGE_KEYS.elder, true);
  else removeStored(PUBLIC_STORAGE_KEYS.elder);
}

/** A fresh request key: made when the form opens, the same for every resend of that request. */
export function newRequestKey(): string {
  return newClientId();
}

export function keptRequestKeys(): string[] {
  const stored = readStored<unknown>(PUBLIC_STORAGE_KEYS.requestKeys);
  return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string' && /^[A-Za-z0-9_-]{20,64}$/.test(k)) : [];
}

export function keepRequestKey(key: string): void {
  writeStored(PUBLIC_STORAGE_KEYS.requestKeys, withKey(keptRequestKeys(), key));
}

/** Newest first, no repeats, at most MAX_KEPT_KEYS. */
export function withKey(keys: readonly string[], key: string): string[] {
  return [key, ...keys.filter((k) => k !== key)].slice(0, MAX_KEPT_KEYS);
}

/**
 * WeChat's privacy agreement must be accepted before the form collects personal data. In the
 * mini-program, requirePrivacyAuthorize shows WeChat's own agreement pop-up when it is still needed;
 * the browser build of the local stack has no such pop-up, and the form's consent box suffices there.
 */
export function requirePrivacyConsent(): Promise<boolean> {
  if (process.env.FAZHI_LOCAL_STACK === 'true') return Promise.resolve(true);
  return new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}

export function callPhone(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}
