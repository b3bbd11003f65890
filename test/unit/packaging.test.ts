// The packaged app, built for real by electron-builder (`--dir`, Linux) from build/
// electron-builder.yml with a stand-in Electron binary (the real one cannot be downloaded here):
// app.asar holds the main, preload and renderer bundles and nothing of the sources or tests,
// better-sqlite3's native module sits unpacked beside it, the metadata and update feed are right,
// and the fuses were flipped in the binary. About 20 s, so it runs when MAIL_PACKAGING=1 is set
// (.ci/run sets it); the fuse settings themselves are read in packaging-fuses.test.ts every run.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const work = mkdtempSync(path.join(tmpdir(), 'mail-packaging-'));
const out = path.join(work, 'out');
const unpacked = path.join(out, 'linux-unpacked');
const resources = path.join(unpacked, 'resources');

/** @electron/fuses' marker, then wire version 1, 8 fuses, all "inherit" until flipped. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

function standInElectron(): string {
  const dir = path.join(work, 'electron-dist');
  mkdirSync(dir);
  const binary = path.join(dir, 'electron');
  writeFileSync(
    binary,
    Buffer.concat([
      Buffer.from('#!/bin/sh\nexit 0\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, 8]),
      Buffer.from('rrrrrrrr'),
    ]),
  );
  chmodSync(binary, 0o755);
  return dir;
}

let entries: string[] = [];

describe.skipIf(!process.env.MAIL_PACKAGING)('the package electron-builder makes', () => {
  beforeAll(() => {
    // a dist/ left by an older build may lack a later entry: build when any shipped one is missing
    const shipped = [
      'main.cjs',
      'engine-utility.cjs',
      'fetch-thread.cjs',
      'preload.cjs',
      path.join('renderer', 'index.html'),
    ];
    if (shipped.some((file) => !existsSync(path.join(root, 'dist', file)))) {
      const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
      expect(build.status).toBe(0);
    }
    const electronVersion = (require('electron/package.json') as { version: string }).version;
    const run = spawnSync(
      process.execPath,
      [
        require.resolve('electron-builder/cli.js'),
        '--config',
        'build/electron-builder.yml',
        '--dir',
        '--linux',
        `-c.electronDist=${standInElectron()}`,
        `-c.electronVersion=${electronVersion}`,
        // the rebuild for Electron's ABI needs the network and a compiler: a release machine's job
        '-c.npmRebuild=false',
        `-c.directories.output=${out}`,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, MAIL_UPDATE_URL: 'https://updates.example/mail' } },
    );
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const asar = require('@electron/asar') as { listPackage(file: string, options: object): string[] };
    entries = asar.listPackage(path.join(resources, 'app.asar'), {}).map((entry) => entry.split(path.sep).join('/'));
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the main, preload and renderer bundles', () => {
    for (const file of [
      '/dist/main.cjs',
      '/dist/engine-utility.cjs',
      // the extra sync connection's thread (imap/sync/fetch-thread.ts looks for it beside the engine)
      '/dist/fetch-thread.cjs',
      '/dist/preload.cjs',
      '/dist/renderer/index.html',
      '/package.json',
    ])
      expect(entries).toContain(file);
    expect(entries.some((entry) => /^\/dist\/renderer\/assets\/.+\.js$/.test(entry))).toBe(true);
  });

  it('holds no source, test, source map or browser-shell file', () => {
    const ours = entries.filter((entry) => !entry.startsWith('/node_modules/'));
    expect(ours.filter((entry) => /^\/(test|electron|shared|renderer|scripts|docs|build|\.ci)\//.test(entry))).toEqual(
      [],
    );
    expect(
      ours.filter(
        (entry) => /\.(ts|tsx|map)$/.test(entry) || entry === '/dist/web.mjs' || entry === '/dist/engine.mjs',
      ),
    ).toEqual([]);
    expect(
      entries.filter((entry) => /^\/node_modules\/(electron|electron-builder|vitest|@playwright)\//.test(entry)),
    ).toEqual([]);
  });

  it('keeps better-sqlite3’s native module unpacked, beside the archive', () => {
    expect(
      existsSync(
        path.join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
      ),
    ).toBe(true);
  });

  it('has the right metadata: name, version, entry point, executable, update feed', () => {
    const asar = require('@electron/asar') as { extractFile(archive: string, file: string): Buffer };
    const pkg = JSON.parse(asar.extractFile(path.join(resources, 'app.asar'), 'package.json').toString()) as Record<
      string,
      unknown
    >;
    const ours = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ name: 'mail', productName: 'Mail', version: ours.version, main: 'dist/main.cjs' });
    expect(existsSync(path.join(unpacked, 'mail'))).toBe(true);
    const feed = readFileSync(path.join(resources, 'app-update.yml'), 'utf8');
    expect(feed).toContain('provider: generic');
    expect(feed).toContain('url: https://updates.example/mail');
    // main.cjs leaves packages to node_modules: electron-updater must be packed beside it
    expect(entries).toContain('/node_modules/electron-updater/package.json');
    expect(pkg.dependencies).toHaveProperty('electron-updater');
  });

  it('flipped the fuses in the binary it shipped', () => {
    const binary = readFileSync(path.join(unpacked, 'mail'));
    const wire = binary
      .subarray(binary.indexOf(SENTINEL) + SENTINEL.length + 2)
      .subarray(0, 8)
      .toString('latin1');
    // RunAsNode, CookieEncryption, NODE_OPTIONS, --inspect, asar integrity, only-asar, (V8 snapshot), file://
    expect(wire).toBe('010011r0');
  });
});
