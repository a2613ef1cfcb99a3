/**
 * The H5 build the browser tests use (built once by global-setup.ts): every module is in exactly one
 * script. Pages load on demand, and without config/index.ts's splitChunks each page's chunk carried its
 * own copy of the components and services the pages share — 3 MB of copies a phone downloaded again
 * on every new page. No browser needed: the scripts are read from dist/h5.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';

const SCRIPTS = join(__dirname, '..', '..', 'dist', 'h5', 'js');

type Node = { type: string; [key: string]: unknown };
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/**
 * The webpack module ids a production script defines: the keys of its module maps, objects whose
 * every property is `"<numeric id>": function (module, exports, require) {…}` (the entry's own map,
 * and each chunk's `webpackJsonp.push([[chunk ids], {modules}])`).
 */
function moduleIds(source: string): string[] {
  const ids: string[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'ObjectExpression') {
      const props = node.properties as Node[];
      const isModuleMap =
        props.length > 0 &&
        props.every((p) => {
          const key = p.key as Node | undefined;
          const value = p.value as Node | undefined;
          const name = key?.type === 'Literal' ? String(key.value) : key?.type === 'Identifier' ? String(key.name) : '';
          return p.type === 'Property' && /^\d+$/.test(name) && (value?.type === 'FunctionExpression' || value?.type === 'ArrowFunctionExpression');
        });
      if (isModuleMap) {
        for (const p of props) {
          const key = p.key as Node;
          ids.push(String(key.type === 'Literal' ? key.value : key.name));
        }
        return;
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.filter(isNode).forEach(visit);
      else if (isNode(value)) visit(value);
    }
  };
  visit(parse(source, { ecmaVersion: 'latest', sourceType: 'script' }) as unknown as Node);
  return ids;
}

test('no module of the H5 build is in two scripts', () => {
  const files = readdirSync(SCRIPTS).filter((name) => name.endsWith('.js'));
  const scriptsOf = new Map<string, string[]>();
  for (const file of files) {
    for (const id of moduleIds(readFileSync(join(SCRIPTS, file), 'utf8'))) scriptsOf.set(id, [...(scriptsOf.get(id) ?? []), file]);
  }
  // The reading itself works: the app's pages, components and libraries are found as modules.
  expect(files.length).toBeGreaterThan(10);
  expect(scriptsOf.size).toBeGreaterThan(100);
  const duplicated = [...scriptsOf].filter(([, inFiles]) => inFiles.length > 1).map(([id, inFiles]) => `module ${id} in ${inFiles.join(', ')}`);
  expect(duplicated).toEqual([]);
});
