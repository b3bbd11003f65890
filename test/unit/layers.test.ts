// The layer rule of docs/architecture.md, checked through ESLint itself with the project's own
// config: each case lints a snippet as if it lived at the given path.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/import-direction').map((m) => m.message);
}

describe('the layer lint rule', () => {
  it.each([
    [
      'electron/core/store/x.ts',
      "import { app } from 'electron';\nexport const a = app;\n",
      /must not import 'electron'/,
    ],
    ['shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n", /must not import 'electron'/],
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", /Node built-in/],
    [
      'shared/x.ts',
      "import { Store } from '../electron/core/store/store';\nexport const s = Store;\n",
      /outside shared/,
    ],
    [
      'renderer/x.ts',
      "import { Store } from '../electron/core/store/store';\nexport const s = Store;\n",
      /only shared/,
    ],
    ['renderer/app/x.tsx', "import path from 'path';\nexport const p = path;\n", /Node built-in/],
    ['renderer/x.ts', "export const e = await import('electron');\n", /must not import 'electron'/],
    ['electron/core/x.ts', "import { x } from '../main';\nexport const y = x;\n", /Electron shell/],
    ['electron/core/x.ts', "export const r = require('electron');\n", /must not import 'electron'/],
  ])('%s: a wrong-way import fails lint', async (file, code, why) => {
    const errors = await layerErrors(file, code);
    expect(errors.length).toBe(1);
    expect(errors[0]).toMatch(why);
  });

  it.each([
    [
      'electron/core/x.ts',
      "import { z } from 'zod';\nimport { methods } from '../../shared/contract';\nexport const a = [z, methods];\n",
    ],
    [
      'electron/main.ts',
      "import { app } from 'electron';\nimport { Store } from './core/store/store';\nexport const a = [app, Store];\n",
    ],
    ['renderer/x.ts', "import { methods } from '../shared/contract';\nexport const a = methods;\n"],
    [
      'shared/x.ts',
      "import { methods } from './contract';\nimport { z } from 'zod';\nexport const a = [methods, z];\n",
    ],
  ])('%s: an import the right way passes', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
