/**
 * The layer boundaries of DESIGN.md are enforced by lint; this proves the rules fire, so a config edit
 * that silently disables one (as a later block replacing an earlier one once did) fails here.
 * ESLint loads its ESM config by dynamic import, which jest's VM does not allow: the probes are linted
 * in one child Node process through ESLint's API.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

interface Probe {
  file: string;
  code: string;
}

const LINT_PROBES = `
const { ESLint } = require('eslint');
const probes = JSON.parse(process.argv[1]);
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const p of probes) {
    const [r] = await eslint.lintText(p.code, { filePath: require('path').resolve(p.file) });
    out.push(r.messages.filter((m) => m.ruleId === 'no-restricted-imports').length);
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

function restrictedImportCounts(probes: Probe[]): number[] {
  const out = execFileSync(process.execPath, ['-e', LINT_PROBES, JSON.stringify(probes)], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as number[];
}

const importing = (file: string, line: string): Probe => ({ file, code: `${line}\nexport const probe = 1;\n` });

describe('lint keeps the layers pointing one way', () => {
  const cases: Array<[string, Probe, number]> = [
    ['src/domain may not import node built-ins', importing('src/domain/probe.ts', "import { readFileSync } from 'node:fs';"), 1],
    ['src/domain may not import Taro', importing('src/domain/probe.ts', "import Taro from '@tarojs/taro';"), 1],
    ['src/domain may not import the CloudBase SDK', importing('src/domain/probe.ts', "import tcb from '@cloudbase/node-sdk';"), 1],
    ['src/domain may not import the app services', importing('src/domain/probe.ts', "import { call } from '../services/api';"), 1],
    ['src/domain may not import React', importing('src/domain/probe.ts', "import { useState } from 'react';"), 1],
    ['src/domain may import its own modules', importing('src/domain/probe.ts', "import { KINDS } from './records/kinds';"), 0],
    ['app pages may not import the CloudBase SDK', importing('src/pages/probe.ts', "import tcb from '@cloudbase/node-sdk';"), 1],
    ['function entry points may not import the CloudBase SDK', importing('cloudfunctions/records/index.ts', "import tcb from '@cloudbase/node-sdk';"), 1],
    ['cloudfunctions/lib may import the CloudBase SDK', importing('cloudfunctions/lib/probe.ts', "import tcb from '@cloudbase/node-sdk';"), 0],
  ];
  const counts = restrictedImportCounts(cases.map(([, probe]) => probe));

  it.each(cases.map(([name, , expected], i) => [name, expected, i] as const))('should hold: %s', (_name, expected, i) => {
    expect(counts[i]).toBe(expected);
  });
});
