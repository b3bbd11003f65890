// Every unit test is named after the source file it tests (docs/testing.md), so a reader finds
// one from the other: `mime-build.test.ts` for `.../mime-build.ts`, the folder in front where
// the file name alone is not unique (`shell-errors.test.ts`), and a handful of whole-code-base
// checks named for what they check.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_FOLDERS = [
  'shared',
  'electron',
  'renderer',
  'eslint',
  'scripts',
  'test/bench',
  'test/support',
  'test/mailserver',
];
const SOURCE = /\.(?:ts|tsx|js|mjs)$/;
const CODE_BASE_CHECKS = new Set([
  'i18n-keys',
  'i18n-literal-strings',
  'packaging',
  'packaging-fuses',
  'test-file-names',
]);

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => SOURCE.test(file) && !file.endsWith('.d.ts') && !file.includes('node_modules'))
    .map((file) => path.join(folder, file));
}

/** The source files a test name can stand for: `<name>` alone, or `<folder>-<name>` when not unique. */
function sourcesNamed(testName: string, sources: readonly string[]): string[] {
  const byName = (name: string) => sources.filter((file) => path.basename(file).replace(SOURCE, '') === name);
  const unique = byName(testName);
  if (unique.length === 1) return unique;
  const dash = testName.indexOf('-');
  if (dash < 0) return [];
  const folder = testName.slice(0, dash);
  const shared = byName(testName.slice(dash + 1));
  return shared.length > 1 ? shared.filter((file) => path.basename(path.dirname(file)) === folder) : [];
}

describe('unit test file names', () => {
  const sources = SOURCE_FOLDERS.flatMap(sourceFiles);
  const tests = readdirSync(path.join(ROOT, 'test/unit')).filter((file) => file.endsWith('.test.ts'));

  it('each names the one source file it tests', () => {
    expect(tests.length).toBeGreaterThan(50);
    const unmatched = tests
      .map((file) => file.replace(/(?:\.[a-z]+)?\.test\.ts$/, ''))
      .filter((name) => !CODE_BASE_CHECKS.has(name) && sourcesNamed(name, sources).length !== 1);
    expect(unmatched).toEqual([]);
  });

  it('a folder goes in front only where the file name alone is ambiguous', () => {
    const sampleSources = ['electron/shell/errors.ts', 'electron/core/imap/body/errors.ts', 'a/mime-build.ts'];
    expect(sourcesNamed('shell-errors', sampleSources)).toEqual(['electron/shell/errors.ts']);
    expect(sourcesNamed('errors', sampleSources)).toEqual([]);
    expect(sourcesNamed('mime-build', sampleSources)).toEqual(['a/mime-build.ts']);
    expect(sourcesNamed('smtp-mime-build', sampleSources)).toEqual([]);
  });
});
