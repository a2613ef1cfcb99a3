/**
 * Taro gives mini-program code a `window` of its own (webpack's ProvidePlugin maps `window` to
 * Taro's TaroWindow), where browser-only members such as `innerWidth` are simply undefined — in
 * WeChat a page that lays itself out from `window.innerWidth` renders wrong without any error.
 * The runtime flags such reads: it catches Taro's window as it is built (TaroWindow's constructor
 * assigns `this.getComputedStyle`, which meets a one-shot setter on Object.prototype) and gives it
 * accessors that record the read as a failure and answer undefined, as WeChat does.
 */
import vm from 'node:vm';

/** Browser members of window that do not exist in the mini-program (Taro's own members are not listed). */
const BROWSER_ONLY = [
  'innerWidth',
  'innerHeight',
  'outerWidth',
  'outerHeight',
  'devicePixelRatio',
  'screen',
  'screenX',
  'screenY',
  'scrollX',
  'scrollY',
  'pageXOffset',
  'pageYOffset',
  'scrollTo',
  'scrollBy',
  'matchMedia',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'open',
  'alert',
  'confirm',
  'prompt',
  'print',
];

const HOOK = 'getComputedStyle';

/** Arms the trap; answers a check that Taro's window was caught (call it after app.js ran). */
export function trapTaroWindow(context: vm.Context, fail: (message: string) => void): () => boolean {
  const objectPrototype = vm.runInContext('Object.prototype', context) as object;
  let caught = false;
  Object.defineProperty(objectPrototype, HOOK, {
    configurable: true,
    get: () => undefined,
    set(this: object, value: unknown) {
      delete (objectPrototype as Record<string, unknown>)[HOOK];
      Object.defineProperty(this, HOOK, { value, writable: true, enumerable: true, configurable: true });
      for (const name of BROWSER_ONLY) {
        Object.defineProperty(this, name, {
          configurable: true,
          get() {
            fail(`window.${name} was read: the mini-program has no browser window (it is undefined in WeChat)`);
            return undefined;
          },
          set() {
            fail(`window.${name} was assigned: the mini-program has no browser window`);
          },
        });
      }
      caught = true;
    },
  });
  return () => caught;
}
