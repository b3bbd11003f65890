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
    [
      'electron/core/x.ts',
      "import { autoUpdater } from 'electron-updater';\nexport const u = autoUpdater;\n",
      /only electron\/main.ts/,
    ],
    [
      'shared/x.ts',
      "import { autoUpdater } from 'electron-updater';\nexport const u = autoUpdater;\n",
      /only electron\/main.ts/,
    ],
    [
      'electron/web.ts',
      "import { autoUpdater } from 'electron-updater';\nexport const u = autoUpdater;\n",
      /only electron\/main.ts/,
    ],
    ['electron/shell/x.ts', "export const u = require('electron-updater');\n", /only electron\/main.ts/],
  ])('%s: a wrong-way import fails lint', async (file, code, why) => {
    const errors = await layerErrors(file, code);
    expect(errors.length).toBe(1);
    expect(errors[0]).toMatch(why);
  });

  const imports = (...specifiers: string[]): string =>
    specifiers.map((s, i) => `import * as m${i} from '${s}';\n`).join('') +
    `export const all = [${specifiers.map((_, i) => `m${i}`).join(', ')}];\n`;

  it.each([
    ['electron/core/imap/x.ts', '../smtp/smtp-client', /electron\/core\/imap\/ must not import electron\/core\/smtp\//],
    ['electron/core/imap/sync/x.ts', '../../accounts/cert-pins', /imap\/ must not import electron\/core\/accounts\//],
    ['electron/core/smtp/x.ts', '../imap/client-factory', /smtp\/ must not import electron\/core\/imap\//],
    ['electron/core/smtp/x.ts', '../accounts/account-secrets', /smtp\/ must not import electron\/core\/accounts\//],
    [
      'electron/core/net/x.ts',
      '../store/store',
      /net\/ must not import electron\/core\/store\/ \(it may import nothing/,
    ],
    ['electron/core/net/x.ts', '../imap/errors', /net\/ must not import electron\/core\/imap\//],
    ['electron/core/net/x.ts', '../events', /net\/ must not import electron\/core\/events/],
    ['electron/core/text/x.ts', '../imap/body', /text\/ must not import electron\/core\/imap\//],
    ['electron/core/store/x.ts', '../imap/errors', /store\/ must not import electron\/core\/imap\//],
    ['electron/core/store/x.ts', '../smtp/smtp-client', /store\/ must not import electron\/core\/smtp\//],
    ['electron/core/store/x.ts', '../accounts/cert-pins', /store\/ must not import electron\/core\/accounts\//],
    ['electron/core/store/x.ts', '../net/tls-options', /store\/ must not import electron\/core\/net\//],
    ['electron/core/search/x.ts', '../imap/body', /search\/ must not import electron\/core\/imap\//],
    ['electron/core/remote/x.ts', '../store/store', /remote\/ must not import electron\/core\/store\//],
    ['electron/core/accounts/discovery/x.ts', '../../search/local-search', /accounts\/ must not import .*search\//],
    ['electron/core/smtp/x.ts', '../service', /must not import the facade \(service\.ts\)/],
    ['electron/core/accounts/x.ts', '../service-api', /must not import the facade \(service-api\.ts\)/],
  ])('%s importing %s crosses a core sub-layer', async (file, specifier, why) => {
    const errors = await layerErrors(file, imports(specifier));
    expect(errors.length).toBe(1);
    expect(errors[0]).toMatch(why);
  });

  it.each([
    ['electron/core/accounts/x.ts', ['../imap/client-factory', '../smtp/smtp-options', '../net/tls-options']],
    ['electron/core/accounts/discovery/x.ts', ['../../net/line-socket', '../../store/store', '../../service-error']],
    ['electron/core/smtp/x.ts', ['../net/backoff', '../store/outbox-repo', '../text/html-text', '../events']],
    ['electron/core/imap/sync/x.ts', ['../../store/store', '../../net/serial-queue', '../../events', '../body']],
    ['electron/core/search/x.ts', ['../store/database', '../text/html-text', '../lifecycle']],
    ['electron/core/store/x.ts', ['../lifecycle']],
    ['electron/core/remote/x.ts', ['../net/log', './types']],
    ['electron/core/net/x.ts', ['./tls-options', '../../../shared/domain']],
    ['electron/core/service.ts', ['./imap/client-factory', './smtp/sending-service', './accounts/cert-pins']],
    ['electron/core/service-error.ts', ['./imap/errors']],
  ])('%s may import %j', async (file, specifiers) => {
    expect(await layerErrors(file, imports(...specifiers))).toEqual([]);
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
    ['electron/main.ts', "import { autoUpdater } from 'electron-updater';\nexport const u = autoUpdater;\n"],
    ['renderer/x.ts', "import { methods } from '../shared/contract';\nexport const a = methods;\n"],
    [
      'shared/x.ts',
      "import { methods } from './contract';\nimport { z } from 'zod';\nexport const a = [methods, z];\n",
    ],
  ])('%s: an import the right way passes', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
