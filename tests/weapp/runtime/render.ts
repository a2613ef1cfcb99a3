/**
 * The render layer: each page's WXML compiled by WeChat's own compiler (`wcc` from the npm package
 * miniprogram-compiler) and evaluated against the page's data, as the view layer does. Custom
 * components (Taro's recursive `comp`) are expanded with their own templates. The result is a tree a
 * test can read (the text a person sees) and tap (WeChat's bubbling of bind/catch handlers).
 */
import vm from 'node:vm';
import { wxmlToJs } from 'miniprogram-compiler';

export interface ViewNode {
  tag: string;
  attr: Record<string, unknown>;
  children: (ViewNode | string)[];
  parent?: ViewNode;
  /** The page or component whose methods this node's handlers name. */
  owner: string;
}

interface RawNode {
  tag: string;
  attr?: Record<string, unknown>;
  children?: (RawNode | string)[];
}

type Generate = (data: unknown, env: unknown, globalEnv: unknown) => RawNode;
type Gwx = (path: string) => Generate | undefined;

const compiled = new Map<string, Gwx>();
/** What WeChat's view layer warned about while rendering (a missing template, a bad expression). */
const renderWarnings: string[] = [];
export const takeRenderWarnings = (): string[] => renderWarnings.splice(0);

/** Compiles every WXML of the package once per test process; a WXML that does not compile throws. */
export function compileWxml(root: string): Gwx {
  const known = compiled.get(root);
  if (known) return known;
  const source = wxmlToJs(root, { maxBuffer: 64 * 1024 * 1024 });
  const sink = (...args: unknown[]) => renderWarnings.push(args.map(String).join(' '));
  const context = vm.createContext({ window: {}, console: { log: () => undefined, info: () => undefined, warn: sink, error: sink } });
  const raw = vm.runInContext(`(function (global) {${source}\n})(this)`, context) as Gwx;
  // The view layer receives the data as JSON: objects of its own realm (wcc's runtime tests
  // `constructor === Object` before handing data to WXS functions).
  const realmJson = vm.runInContext('JSON', context) as JSON;
  const gwx: Gwx = (path) => {
    const generate = raw(path);
    return generate && ((data, env, globalEnv) => generate(realmJson.parse(JSON.stringify(data)), env, globalEnv));
  };
  compiled.set(root, gwx);
  return gwx;
}

export interface ComponentTemplates {
  /** The package path (no extension) of a custom component used by tag name. */
  pathOf(tag: string): string | undefined;
}

/** Renders `path`.wxml with `data`, expanding custom components; wcc's tags are `wx-<name>`. */
export function renderTree(gwx: Gwx, path: string, data: unknown, components: ComponentTemplates, owner = path): ViewNode {
  const generate = gwx(`${path}.wxml`);
  if (!generate) throw new Error(`no compiled WXML for ${path}.wxml`);
  const raw = generate(data, {}, {});
  return adopt(gwx, raw, components, owner);
}

function adopt(gwx: Gwx, raw: RawNode, components: ComponentTemplates, owner: string, parent?: ViewNode): ViewNode {
  const tag = raw.tag.replace(/^wx-/, '');
  const node: ViewNode = { tag, attr: raw.attr ?? {}, children: [], parent, owner };
  const componentPath = components.pathOf(tag);
  if (componentPath) {
    // A custom component renders its own template from its properties.
    const inner = renderTree(gwx, componentPath, node.attr, components, componentPath);
    for (const child of inner.children) {
      if (typeof child === 'string') node.children.push(child);
      else {
        child.parent = node;
        node.children.push(child);
      }
    }
    return node;
  }
  for (const child of raw.children ?? []) {
    node.children.push(typeof child === 'string' ? child : adopt(gwx, child, components, owner, node));
  }
  return node;
}

const BLOCK_TAGS = new Set(['view', 'button', 'form', 'picker', 'label', 'scroll-view', 'swiper-item', 'navigator']);

function isHidden(node: ViewNode): boolean {
  const style = typeof node.attr.style === 'string' ? node.attr.style.replace(/\s/g, '') : '';
  return node.attr.hidden === true || style.includes('display:none');
}

/** The text a person sees, blocks on their own lines; inputs show their value or placeholder. */
export function visibleText(node: ViewNode): string {
  if (isHidden(node)) return '';
  if (node.tag === 'input' || node.tag === 'textarea') {
    const value = node.attr.value;
    return value !== undefined && value !== '' ? String(value) : String(node.attr.placeholder ?? '');
  }
  const inner = node.children.map((child) => (typeof child === 'string' ? child : visibleText(child))).join('');
  return BLOCK_TAGS.has(node.tag) ? `\n${inner}\n` : inner;
}

export function walk(node: ViewNode, visit: (node: ViewNode) => void): void {
  if (isHidden(node)) return;
  visit(node);
  for (const child of node.children) if (typeof child !== 'string') walk(child, visit);
}

/** The innermost visible element whose text contains `text`. */
export function findByText(root: ViewNode, text: string): ViewNode | undefined {
  let found: ViewNode | undefined;
  walk(root, (node) => {
    if (visibleText(node).includes(text)) found = node;
  });
  return found;
}

export function findById(root: ViewNode, id: string): ViewNode | undefined {
  let found: ViewNode | undefined;
  walk(root, (node) => {
    if (!found && node.attr.id === id) found = node;
  });
  return found;
}

/** WeChat's event object for a node: id and dataset (from data-* attributes). */
export function eventTarget(node: ViewNode): { id: string; dataset: Record<string, unknown> } {
  const dataset: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node.attr)) {
    if (key.startsWith('data-')) dataset[key.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return { id: String(node.attr.id ?? ''), dataset };
}

/** The handler a node binds for `type` (bind/catch, with or without the colon), and whether it catches. */
export function handlerOf(node: ViewNode, type: string): { name: string; capture: boolean } | undefined {
  for (const [prefix, capture] of [
    ['catch', true],
    ['bind', false],
  ] as const) {
    for (const key of [`${prefix}${type}`, `${prefix}:${type}`]) {
      const name = node.attr[key];
      if (typeof name === 'string' && name) return { name, capture };
    }
  }
  return undefined;
}
