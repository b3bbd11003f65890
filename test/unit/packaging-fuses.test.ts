// The packaged app's Electron fuses (build/electron-builder.yml): read from the packaging
// configuration itself, and checked against the option the installed electron-builder knows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const yml = readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8');

/**
 * The `key: value` lines of a top-level block of the YAML file (the fuses block is flat), read
 * without a YAML library: none is a dependency of the project.
 */
function block(name: string): Record<string, unknown> | undefined {
  const lines = yml.split('\n');
  const start = lines.findIndex((line) => line === `${name}:`);
  if (start < 0) return undefined;
  const entries: Record<string, unknown> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}([A-Za-z]+): (.+)$/.exec(line);
    if (!match) break;
    entries[match[1]!] = JSON.parse(match[2]!);
  }
  return entries;
}

const topLevelKey = (name: string): boolean => new RegExp(`^${name}:`, 'm').test(yml);

describe('the packaged app', () => {
  it('flips the fuses that would turn it into a general Node runtime or load other code', () => {
    expect(block('electronFuses')).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships an asar archive (the integrity fuses check it) and no hook that could undo the fuses', () => {
    expect(yml).not.toMatch(/^asar: false/m);
    expect(topLevelKey('afterPack')).toBe(false);
    expect(topLevelKey('afterSign')).toBe(false);
  });

  it('uses an electron-builder that applies electronFuses with @electron/fuses', () => {
    const require = createRequire(path.join(root, 'package.json'));
    const builderDir = path.dirname(require.resolve('app-builder-lib/package.json'));
    const packager = readFileSync(path.join(builderDir, 'out/platformPackager.js'), 'utf8');
    expect(packager).toContain('this.config.electronFuses');
    expect(packager).toContain('@electron/fuses');
    const builderPackage = JSON.parse(readFileSync(path.join(builderDir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(builderPackage.dependencies['@electron/fuses']).toBeDefined();
  });
});
