/**
 * The browser build without a network (see app-shell.ts): a service worker (src/h5/sw.js) keeps the
 * app's files; the pages of the subpackages a person uses are loaded while there is a network, so
 * that a form never opened before still opens offline; and a page that cannot be loaded says so in
 * Chinese instead of failing silently (webpack's ChunkLoadError).
 */
import Taro from '@tarojs/taro';

const WORKER = '/sw.js';

/** Taro's H5 router keeps its routes here: each `load()` starts the import of the page's code. */
interface TaroRoute {
  path: string;
  load: (context?: unknown, params?: unknown) => unknown[];
}

const routes = (): TaroRoute[] => (window as unknown as { __taroAppConfig?: { routes?: TaroRoute[] } }).__taroAppConfig?.routes ?? [];

export const PAGE_UNAVAILABLE = '没有网络，这个页面还没有存到手机上。请连上网络后再打开；已保存的记录不会丢失。';

function isChunkLoadError(reason: unknown): boolean {
  const error = reason as { name?: string; message?: string } | null;
  return !!error && (error.name === 'ChunkLoadError' || /Loading (CSS )?chunk/i.test(error.message ?? ''));
}

function sayPageUnavailable(): void {
  void Taro.showModal({ title: '页面打不开', content: PAGE_UNAVAILABLE, showCancel: false, confirmText: '知道了' }).then(() => {
    // Opened straight at a page that cannot load (a reload without a network): go to the start page.
    if (Taro.getCurrentPages().length === 0) void Taro.reLaunch({ url: '/pages/home/index' });
  });
}

export function startAppShell(): void {
  if (typeof window === 'undefined') return;
  window.addEventListener('unhandledrejection', (event) => {
    if (!isChunkLoadError(event.reason)) return;
    event.preventDefault();
    sayPageUnavailable();
  });
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.addEventListener('message', (event) => {
      // The files are kept: a sign for the person's browser tests that the phone is ready to go offline.
      if ((event.data as { type?: string } | null)?.type === 'kept') document.documentElement.dataset.offlineReady = 'true';
    });
    navigator.serviceWorker.register(WORKER).catch(() => undefined);
  }
}

const strip = (path: string): string => path.replace(/^\/+/, '');

export function preloadPackages(roots: readonly string[]): void {
  if (typeof window === 'undefined') return;
  const wanted = routes().filter((route) => roots.some((root) => strip(route.path).startsWith(`${root}/`)));
  const loads = wanted.map((route) => Promise.resolve(route.load()[0]));
  void Promise.allSettled(loads).then(keepLoadedFiles);
}

/** Asks the worker to keep every file of the app loaded so far (some loaded before it took over). */
function keepLoadedFiles(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(location.origin) && /\.(js|css)(\?|$)/.test(name));
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: 'keep', urls: [`${location.origin}/`, ...urls] }));
}
