/* eslint-disable @typescript-eslint/no-explicit-any -- page and app instances are the mini-program's own untyped objects */
/**
 * The production mini-program (dist/weapp) running as WeChat runs it, for tests: the logic layer in
 * its own realm (loader.ts) with the test `wx` (wx.ts), App/Page/Component with WeChat's life cycles and
 * page stack, setData with its 1 MB limit, and each page rendered from its data with WeChat's WXML
 * compiler (render.ts). Cloud functions go to the REAL local function host of the gateway, as the
 * page's WeChat user. Any error the app logs, throws or leaves unhandled fails the run (`errors`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { cloudApp } from '../../../cloudfunctions/lib/cloudbase';
import { withLocalSdk } from '../../../scripts/local-sdk';
import { WEAPP_TEST_ENV } from '../global-setup';
import { newDevice, type Device } from './device';
import { createLogicLayer, type LogicLayer } from './loader';
import { compileWxml, eventTarget, findById, findByText, handlerOf, renderTree, takeRenderWarnings, visibleText, walk, type ViewNode } from './render';
import { trapTaroWindow } from './window-trap';
import { createWx, eventsOf, strict, type WxHost } from './wx';

export const DIST = join(__dirname, '..', '..', '..', 'dist', 'weapp');
/**
 * How long a wait for the app lasts before it fails (as Playwright's 30 s in the browser tests). A
 * screen that needs a cold function worker of the gateway took over 10 s when two test files ran at
 * once on a loaded two-core machine; a broken screen still fails, only later.
 */
const WAIT_MS = 30000;
const SET_DATA_LIMIT = 1024 * 1024;
const PAGE_STACK_LIMIT = 10;

export interface LaunchOptions {
  gatewayUrl: string;
  /** The CloudBase environment the build was made for (default: the test build's). */
  cloudEnv?: string;
  /** The WeChat user: every person has an openid, a resident too (bound to no role). */
  openid: string;
  /** Keep storage and files across a kill; a fresh phone otherwise. */
  device?: Device;
  platform?: 'android' | 'ios' | 'windows' | 'mac';
  /** The page WeChat opens first (default: the first page of app.json) and its query. */
  path?: string;
  query?: Record<string, string>;
  /** WeChat's launch scene (1001 the chat list, 1047 a scanned mini-program code). */
  scene?: number;
  online?: boolean;
  privacy?: 'agree' | 'disagree';
}

interface PageInstance {
  route: string;
  options: Record<string, string>;
  data: Record<string, unknown>;
  [method: string]: any;
}

export interface ApiCall {
  api: string;
  options: any;
}

const alive = new Set<MiniProgram>();
process.on('unhandledRejection', (reason) => {
  for (const app of alive) app.errors.push(`unhandled rejection: ${describe(reason)}`);
});

function describe(value: unknown): string {
  if (value && typeof value === 'object' && 'stack' in value) return String((value as Error).stack);
  try {
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function parseUrl(url: string, from: string): { route: string; query: Record<string, string> } {
  const [path, search = ''] = url.split('?');
  const route = path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(from), path);
  const query: Record<string, string> = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const [key, value = ''] = pair.split('=');
    query[decodeURIComponent(key)] = value;
  }
  return { route, query };
}

/** Sets `value` at a setData path such as `root.cn.[0].cn[2].v`. */
function setPath(target: Record<string, any>, path: string, value: unknown): void {
  const keys: (string | number)[] = [];
  for (const part of path.split('.')) {
    const re = /([^[\]]+)|\[(\d+)\]/g;
    for (let m = re.exec(part); m; m = re.exec(part)) keys.push(m[1] !== undefined ? m[1] : Number(m[2]));
  }
  let node: any = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) node[key] = value;
    else {
      if (node[key] === null || typeof node[key] !== 'object') node[key] = typeof keys[i + 1] === 'number' ? [] : {};
      node = node[key];
    }
  });
}

export class MiniProgram {
  readonly errors: string[] = [];
  readonly calls: ApiCall[] = [];
  readonly device: Device;
  private readonly host: WxHost;
  private readonly wx: Record<string, unknown>;
  private readonly layer: LogicLayer;
  private readonly appJson: { pages: string[]; subPackages?: { root: string; pages: string[] }[]; requiredPrivateInfos?: string[] };
  private readonly stack: PageInstance[] = [];
  private readonly pageConfigs = new Map<string, Record<string, any>>();
  private readonly componentConfigs = new Map<string, Record<string, any>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private loadingPath = '';
  private appInstance: Record<string, any> | undefined;
  private online: boolean;
  private dead = false;
  private readonly taroWindowCaught: () => boolean;

  private constructor(private readonly options: LaunchOptions) {
    this.device = options.device ?? newDevice();
    this.online = options.online ?? true;
    this.appJson = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8'));
    this.host = {
      device: this.device,
      fail: (message) => this.errors.push(message),
      fromHost: (value) => this.layer.fromHost(value),
      online: () => this.online,
      openid: options.openid,
      gatewayUrl: options.gatewayUrl,
      cloudEnv: options.cloudEnv ?? WEAPP_TEST_ENV,
      platform: options.platform ?? 'android',
      privacy: options.privacy ?? 'agree',
      modalAnswer: true,
      requiredPrivateInfos: this.appJson.requiredPrivateInfos ?? [],
      record: (api, opts) => this.calls.push({ api, options: opts }),
      navigate: (kind, opts) => this.navigate(kind, opts),
      callFunction: (name, data) => this.callFunction(name, data),
      uploadFile: (cloudPath, bytes) => this.uploadFile(cloudPath, bytes),
      tempFileUrls: (fileIDs) => this.tempFileUrls(fileIDs),
      setTimer: (fn, ms) => this.timer(setTimeout, fn, ms),
    };
    this.wx = createWx(this.host);
    this.layer = createLogicLayer(DIST, this.globals());
    this.taroWindowCaught = trapTaroWindow(this.layer.context, this.host.fail);
  }

  /** Starts the mini-program as WeChat does: app.js, onLaunch/onShow, then the first page. */
  static async launch(options: LaunchOptions): Promise<MiniProgram> {
    const app = new MiniProgram(options);
    alive.add(app);
    app.layer.require('app.js');
    if (!app.appInstance) throw new Error('app.js did not call App()');
    if (!app.taroWindowCaught()) throw new Error("the runtime did not find Taro's window: see tests/weapp/runtime/window-trap.ts");
    const route = options.path ?? app.appJson.pages[0];
    const query = options.query ?? {};
    const launch = { path: route, query, scene: options.scene ?? 1001, referrerInfo: {} };
    app.appInstance.onLaunch?.call(app.appInstance, app.layer.fromHost(launch));
    app.appInstance.onShow?.call(app.appInstance, app.layer.fromHost(launch));
    app.openPage(route, query);
    await app.settle();
    return app;
  }

  // ---- what a test does ---------------------------------------------------------------------------

  get page(): PageInstance {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error('no page is open');
    return top;
  }

  get route(): string {
    return this.page.route;
  }

  /** The current page rendered from its data by WeChat's WXML compiler. */
  screen(): ViewNode {
    const tree = renderTree(compileWxml(DIST), this.page.route, this.page.data, { pathOf: (tag) => this.componentPath(tag) });
    this.errors.push(...takeRenderWarnings().map((w) => `view layer (${this.page.route}): ${w}`));
    return tree;
  }

  text(): string {
    return visibleText(this.screen()).replace(/\n+/g, '\n').trim();
  }

  /** Waits until the page shows `text` (the app renders asynchronously, as on the phone). */
  async waitForText(text: string | RegExp, timeoutMs = WAIT_MS): Promise<void> {
    await this.waitFor(
      () => (typeof text === 'string' ? this.text().includes(text) : text.test(this.text())),
      () => `"${String(text)}" on ${this.safeRoute()}:\n${this.safeText()}`,
      timeoutMs,
    );
  }

  async waitForRoute(route: string, timeoutMs = WAIT_MS): Promise<void> {
    await this.waitFor(
      () => this.stack.length > 0 && this.route === route,
      () => `page ${route}, on ${this.safeRoute()}`,
      timeoutMs,
    );
  }

  async waitFor(ok: () => boolean, what: () => string, timeoutMs = WAIT_MS): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (ok()) return;
      if (this.errors.length) throw new Error(`the mini-program failed while waiting for ${what()}:\n${this.errors.join('\n')}`);
      if (Date.now() > until) throw new Error(`timed out waiting for ${what()}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Taps the element with this id, or else the innermost one showing this text, as a finger would. */
  async tap(target: string): Promise<void> {
    const node = await this.element(() => {
      const root = this.screen();
      return findById(root, target) ?? findByText(root, target);
    }, `something to tap: "${target}"`);
    this.dispatch(node, 'tap', {});
    await this.settle();
  }

  /** Types into the input/textarea with this id, or the first one inside it (its `input` event). */
  async type(id: string, value: string): Promise<void> {
    const node = await this.element(() => findById(this.screen(), id), `#${id}`);
    let field: ViewNode | undefined;
    walk(node, (n) => {
      if (!field && (n.tag === 'input' || n.tag === 'textarea')) field = n;
    });
    if (!field) throw new Error(`#${id} has no input on ${this.route}`);
    this.dispatch(field, 'input', { value, cursor: value.length, keyCode: 0 });
    await this.settle();
  }

  /** Chooses option `index` of a picker (its `change` event). */
  async pick(id: string, value: number | string): Promise<void> {
    await this.fire(id, 'change', { value });
  }

  async fire(id: string, type: string, detail: Record<string, unknown>): Promise<void> {
    const node = await this.element(() => findById(this.screen(), id), `#${id}`);
    this.dispatch(node, type, detail);
    await this.settle();
  }

  /** The back button of WeChat's navigation bar. */
  async back(): Promise<void> {
    this.navigate('navigateBack', { delta: 1 });
    await this.settle();
  }

  /** Waits (as a person does) until the page shows the element. */
  private async element(find: () => ViewNode | undefined, what: string): Promise<ViewNode> {
    let node: ViewNode | undefined;
    await this.waitFor(
      () => (node = find()) !== undefined,
      () => `${what} on ${this.safeRoute()}:\n${this.safeText()}`,
    );
    return node as ViewNode;
  }

  /** The phone loses or regains its network; WeChat tells the app. */
  async setOnline(online: boolean): Promise<void> {
    this.online = online;
    eventsOf(this.wx).network(online);
    await this.settle();
  }

  set privacy(answer: 'agree' | 'disagree') {
    this.host.privacy = answer;
  }

  /** The calls the app made to one API, in order. */
  callsTo(api: string): any[] {
    return this.calls.filter((c) => c.api === api).map((c) => c.options);
  }

  /** The system kills the mini-program: nothing runs any more; the device keeps storage and files. */
  kill(): Device {
    this.dead = true;
    alive.delete(this);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    return this.device;
  }

  /** Lets pending timers, promises and calls of the app run. */
  async settle(ms = 60): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
  }

  // ---- WeChat's globals -----------------------------------------------------------------------------

  private globals(): Record<string, unknown> {
    const fail = (message: string) => this.errors.push(message);
    const record =
      (level: string) =>
      (...args: unknown[]) => {
        const message = args.map(describe).join(' ');
        // React's and Taro's errors, and Taro's "小程序暂不支持 <api>" for an API wx does not have.
        fail(`console.${level}: ${message}`);
      };
    return {
      wx: strict('wx', this.wx, this.host),
      App: (config: Record<string, any>) => {
        this.appInstance = config;
      },
      Page: (config: Record<string, any>) => {
        this.pageConfigs.set(this.loadingPath, config);
      },
      Component: (config: Record<string, any>) => {
        this.componentConfigs.set(this.loadingPath, config);
      },
      getApp: () => this.appInstance,
      getCurrentPages: () => [...this.stack],
      console: { log: () => undefined, info: () => undefined, debug: () => undefined, warn: record('warn'), error: record('error') },
      setTimeout: (fn: () => void, ms?: number) => this.timer(setTimeout, fn, ms ?? 0),
      clearTimeout: (timer: NodeJS.Timeout) => clearTimeout(timer),
      setInterval: (fn: () => void, ms?: number) => this.timer(setInterval, fn, ms ?? 0),
      clearInterval: (timer: NodeJS.Timeout) => clearInterval(timer),
    };
  }

  private timer(kind: typeof setTimeout | typeof setInterval, fn: () => void, ms: number): NodeJS.Timeout {
    const timer = kind(() => {
      if (kind === setTimeout) this.timers.delete(timer);
      if (this.dead) return;
      try {
        fn();
      } catch (error) {
        this.errors.push(`uncaught in a timer: ${describe(error)}`);
      }
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  // ---- pages ---------------------------------------------------------------------------------------

  private componentPath(tag: string): string | undefined {
    const json = this.pageJson(this.page.route);
    const ref = json.usingComponents?.[tag];
    return ref ? posix.join(posix.dirname(this.page.route), ref) : undefined;
  }

  private pageJson(route: string): { usingComponents?: Record<string, string> } {
    const file = join(DIST, `${route}.json`);
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  }

  private loadPageConfig(route: string): Record<string, any> {
    const known = this.pageConfigs.get(route);
    if (known) return known;
    const declared = [...this.appJson.pages, ...(this.appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
    if (!declared.includes(route)) throw new Error(`navigateTo:fail page "${route}" is not found`);
    for (const [, ref] of Object.entries(this.pageJson(route).usingComponents ?? {})) {
      const path = posix.join(posix.dirname(route), ref);
      if (!this.componentConfigs.has(path)) this.withLoadingPath(path, () => this.layer.require(`${path}.js`));
    }
    this.withLoadingPath(route, () => this.layer.require(`${route}.js`));
    const config = this.pageConfigs.get(route);
    if (!config) throw new Error(`${route}.js did not call Page()`);
    return config;
  }

  private withLoadingPath(path: string, run: () => void): void {
    this.loadingPath = path;
    try {
      run();
    } finally {
      this.loadingPath = '';
    }
  }

  private openPage(route: string, query: Record<string, string>): void {
    const config = this.loadPageConfig(route);
    const page = Object.create(config) as PageInstance;
    page.route = route;
    page.__route__ = route;
    page.options = query;
    page.data = this.layer.fromHost(config.data ?? {});
    page.setData = (patch: Record<string, unknown>, callback?: () => void) => this.setData(page, patch, callback);
    this.stack.push(page);
    this.lifecycle(page, 'onLoad', this.layer.fromHost(query));
    this.lifecycle(page, 'onShow');
    this.lifecycle(page, 'onReady');
  }

  private lifecycle(page: PageInstance, name: string, ...args: unknown[]): void {
    try {
      page[name]?.call(page, ...args);
    } catch (error) {
      this.errors.push(`${page.route} ${name}: ${describe(error)}`);
    }
  }

  private setData(page: PageInstance, patch: Record<string, unknown>, callback?: () => void): void {
    const bytes = Buffer.byteLength(JSON.stringify(patch));
    if (bytes > SET_DATA_LIMIT) {
      // WeChat refuses the transfer to the view: the page does not change.
      const message = `setData: data size ${Math.ceil(bytes / 1024)} KB exceeds the 1024 KB limit (${page.route})`;
      this.errors.push(message);
      throw new Error(message);
    }
    // What reaches the view is serialised: functions and undefined fields vanish.
    const copy = JSON.parse(JSON.stringify(patch)) as Record<string, unknown>;
    for (const [path, value] of Object.entries(copy)) setPath(page.data, path, value);
    if (callback) this.timer(setTimeout, callback, 0);
  }

  private navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack', options: any): void {
    if (kind === 'navigateBack') {
      const delta = Math.max(1, options.delta ?? 1);
      for (let i = 0; i < delta && this.stack.length > 1; i++) this.lifecycle(this.stack.pop() as PageInstance, 'onUnload');
      this.lifecycle(this.page, 'onShow');
      return;
    }
    const { route, query } = parseUrl(String(options.url), this.stack.length ? this.route : '');
    this.loadPageConfig(route);
    if (kind === 'navigateTo') {
      if (this.stack.length >= PAGE_STACK_LIMIT) throw new Error('webview count limit exceed');
      this.lifecycle(this.page, 'onHide');
    } else if (kind === 'redirectTo') {
      this.lifecycle(this.stack.pop() as PageInstance, 'onUnload');
    } else {
      while (this.stack.length) this.lifecycle(this.stack.pop() as PageInstance, 'onUnload');
    }
    this.openPage(route, query);
  }

  private dispatch(node: ViewNode, type: string, detail: Record<string, unknown>): void {
    const target = eventTarget(node);
    const bubbles = type === 'tap' || type === 'longpress' || type.startsWith('touch');
    for (let current: ViewNode | undefined = node; current; current = bubbles ? current.parent : undefined) {
      const handler = handlerOf(current, type);
      if (!handler) continue;
      const owner = current.owner === this.page.route ? this.page : this.componentConfigs.get(current.owner)?.methods;
      const method = owner?.[handler.name];
      if (typeof method !== 'function') {
        this.errors.push(`no handler ${handler.name} for ${type} on ${current.owner}`);
        return;
      }
      const event = this.layer.fromHost({
        type,
        timeStamp: Date.now(),
        target,
        currentTarget: eventTarget(current),
        detail,
        touches: [],
        changedTouches: [],
        mark: {},
      });
      try {
        method.call(owner, event);
      } catch (error) {
        this.errors.push(`${type} handler on ${this.route}: ${describe(error)}`);
      }
      if (handler.capture) return;
    }
  }

  // ---- the cloud, as the page's WeChat user ------------------------------------------------------------

  private async callFunction(name: string, data: unknown): Promise<{ ok: true; result: unknown } | { ok: false }> {
    const res = await fetch(`${this.options.gatewayUrl}/api/fn/${encodeURIComponent(name)}`, {
      method: 'POST',
      // The gateway's function host gives the function this WX_OPENID, as CloudBase does for wx.cloud calls.
      headers: { 'content-type': 'application/json', 'x-fazhi-openid': this.options.openid },
      body: JSON.stringify({ data }),
    });
    const body = (await res.json()) as { result?: unknown; error?: unknown };
    if (this.dead) return new Promise(() => undefined);
    // CloudBase answers with JSON: dates become strings, undefined fields vanish.
    return 'result' in body && body.error === undefined ? { ok: true, result: body.result } : { ok: false };
  }

  private async uploadFile(cloudPath: string, fileContent: Buffer): Promise<string> {
    return withLocalSdk(this.options.gatewayUrl, async () => {
      const res = await cloudApp().uploadFile({ cloudPath, fileContent });
      return res.fileID;
    });
  }

  private async tempFileUrls(fileIDs: string[]): Promise<{ fileID: string; tempFileURL: string }[]> {
    return withLocalSdk(this.options.gatewayUrl, async () => {
      const res = await cloudApp().getTempFileURL({ fileList: fileIDs });
      return res.fileList.map((f: { fileID: string; tempFileURL: string }) => ({ fileID: f.fileID, tempFileURL: f.tempFileURL }));
    });
  }

  private safeRoute(): string {
    return this.stack.length ? this.route : '(no page)';
  }

  private safeText(): string {
    try {
      return this.text();
    } catch (error) {
      return `(render failed: ${describe(error)})`;
    }
  }
}
