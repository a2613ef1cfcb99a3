/*
 * The browser build's service worker: the app's own files (page, scripts, styles) are kept on the
 * phone, so that without a network the app still opens and every page it has loaded opens again.
 * Network first: with a signal the newest build is always used and the copy refreshed; without one
 * the copy answers, and a page address answers with the app's start page (hash routing).
 * The function calls (/api/) are never kept: the outbox decides what happens offline.
 * Copied as-is to dist/h5/sw.js (config/index.ts); registered by src/services/app-shell.h5.ts.
 */
const CACHE = 'fazhi-app-shell-v1';
const START = '/';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.add(START))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// Only the app's own files: its start page and the build's scripts, styles and images. Function
// calls, stored files and downloads (a report opened by its link) pass by untouched.
const APP_PATHS = /^\/(index\.html)?$|^\/(js|css|static)\//;
const isAppFile = (url) => url.origin === self.location.origin && APP_PATHS.test(url.pathname);

// The page asks to keep files it loaded before this worker controlled it (the first visit).
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'keep' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === 'string' && isAppFile(new URL(u)));
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all(
          urls.map((u) =>
            cache
              .match(u)
              .then((hit) => hit || fetch(u).then((res) => (res.ok ? cache.put(u, res) : undefined)))
              .catch(() => undefined),
          ),
        ),
      )
      .then(() => event.source && event.source.postMessage({ type: 'kept', count: urls.length })),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!isAppFile(url)) return;
  const navigation = request.mode === 'navigate';
  event.respondWith(
    fetch(request)
      .then((res) => {
        if (res.ok) {
          const copy = res.clone();
          caches.open(CACHE).then((cache) => cache.put(navigation ? START : request, copy));
        }
        return res;
      })
      .catch(() =>
        caches
          .match(navigation ? START : request, { ignoreSearch: navigation })
          .then((hit) => hit || (navigation ? caches.match(START) : undefined))
          .then((hit) => hit || Response.error()),
      ),
  );
});
