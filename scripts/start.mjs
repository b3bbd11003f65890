// `npm start`: the desktop app. Finds the Electron binary first (scripts/electron-binary.mjs);
// when it is missing it tries the electron package's download once, quietly, and if that fails
// says so in one line and offers the browser shell, instead of electron's stack trace. Then
// builds and runs `electron .`, passing on any arguments (a mailto: link, an .eml file).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, NO_ELECTRON_MESSAGE } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

let binary = electronBinary(electronDir, process.env);
if (!binary) {
  // the package's own installer, as `npm install` would have run it; its output would only be a stack trace here
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  binary = electronBinary(electronDir, process.env);
}
if (!binary) {
  process.stderr.write(`${NO_ELECTRON_MESSAGE}\n`);
  process.exit(1);
}

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
