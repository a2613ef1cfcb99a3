/**
 * The logic layer as WeChat runs it: one JS realm holding only WeChat's globals, and every file of
 * the package run through WeChat's module wrapper — `require` relative to the file (no node_modules,
 * no Node built-ins), and the browser globals passed in as `undefined` so that a file cannot reach
 * them even where the realm would have them.
 */
import { readFileSync, existsSync } from 'node:fs';
import { posix } from 'node:path';
import vm from 'node:vm';

/** The names WeChat's module wrapper shadows, plus the browser APIs people reach for most. */
export const SHADOWED_BROWSER_GLOBALS = [
  'window',
  'document',
  'frames',
  'self',
  'location',
  'navigator',
  'localStorage',
  'sessionStorage',
  'history',
  'Caches',
  'screen',
  'alert',
  'confirm',
  'prompt',
  'XMLHttpRequest',
  'WebSocket',
  'fetch',
  'indexedDB',
  'Reporter',
  'webkit',
  'WeixinJSCore',
] as const;

export interface LogicLayer {
  context: vm.Context;
  /** Runs a file of the package (path relative to the package root, with or without .js). */
  require(path: string): unknown;
  /** A value made in this realm from plain data (what crosses WeChat's bridge is JSON). */
  fromHost<T>(value: T): T;
}

export function createLogicLayer(root: string, globals: Record<string, unknown>): LogicLayer {
  const context = vm.createContext({ ...globals });
  // WeChat's logic layer has a `global` object of its own (Taro copies it into its window).
  vm.runInContext('var global = globalThis;', context);
  const cache = new Map<string, { exports: unknown }>();
  const realmJson = vm.runInContext('JSON', context) as JSON;

  function resolve(from: string, request: string): string {
    const joined = request.startsWith('/') ? posix.normalize(request.slice(1)) : posix.join(posix.dirname(from), request);
    const withExt = joined.endsWith('.js') ? joined : `${joined}.js`;
    if (withExt.startsWith('..') || !existsSync(posix.join(root, withExt))) {
      // WeChat's own words for a module that is not in the package.
      throw new Error(`module '${withExt}' is not defined, require args is '${request}'`);
    }
    return withExt;
  }

  function load(file: string): unknown {
    const cached = cache.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    cache.set(file, module);
    const source = readFileSync(posix.join(root, file), 'utf8');
    const wrapper = `(function (require, module, exports, ${SHADOWED_BROWSER_GLOBALS.join(', ')}) {${source}\n})`;
    const fn = new vm.Script(wrapper, { filename: file }).runInContext(context) as (...args: unknown[]) => void;
    const localRequire = (request: string) => load(resolve(file, request));
    fn.call(module.exports, localRequire, module, module.exports, ...SHADOWED_BROWSER_GLOBALS.map(() => undefined));
    return module.exports;
  }

  return {
    context,
    require: (path) => load(resolve('', path.startsWith('/') ? path : `/${path}`)),
    fromHost: <T>(value: T) => (value === undefined ? value : (realmJson.parse(JSON.stringify(value)) as T)),
  };
}
