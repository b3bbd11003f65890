// The layer rule of docs/architecture.md, enforced the way VS Code enforces its
// common/node/browser/electron-main split: a file's folder decides what it may import.
//
//   shared/         imports nothing of ours outside shared/, no Node built-in, no 'electron'
//   electron/core/  may import shared/ and Node; never 'electron', never renderer/
//   electron/*.ts   may import core/ and shared/; never renderer/
//   renderer/       imports shared/ only: no electron/, no 'electron', no Node built-in
//
// Inside electron/core/, the folders are sub-layers with the same kind of rule (CORE_SUBLAYERS):
// net/, text/ and store/ at the bottom import nothing else of the core; imap/ and smtp/ build on
// them and never on each other; accounts/ (the wizard's tests and discovery) may use imap/ and
// smtp/; search/ and remote/ stay beside them. No folder imports the facade (service.ts).
import { builtinModules } from 'node:module';
import path from 'node:path';

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function isNodeBuiltin(specifier) {
  return specifier.startsWith('node:') || nodeBuiltins.has(specifier.split('/')[0]);
}

/** Which layer a path (relative to the project root, with forward slashes) belongs to. */
export function layerOf(relPath) {
  if (relPath.startsWith('shared/')) return 'shared';
  if (relPath.startsWith('electron/core/')) return 'core';
  if (relPath.startsWith('electron/')) return 'electron-main';
  if (relPath.startsWith('renderer/')) return 'renderer';
  return null;
}

/**
 * The core folders each core folder may import (besides its own files and shared/). `strict`:
 * not even the core's top-level modules (events.ts, service-error.ts), so the folder stays
 * usable on its own. A folder not listed here is not checked yet.
 */
export const CORE_SUBLAYERS = {
  net: { may: [], strict: true },
  text: { may: [], strict: true },
  store: { may: [], strict: true },
  remote: { may: ['net'], strict: true },
  sender: { may: [], strict: true },
  search: { may: ['store', 'text'], strict: true },
  threads: { may: ['store'], strict: false },
  imap: { may: ['net', 'store', 'text'], strict: false },
  smtp: { may: ['net', 'store', 'text'], strict: false },
  pop3: { may: ['net', 'store', 'text'], strict: false },
  accounts: { may: ['net', 'store', 'text', 'imap', 'smtp', 'pop3'], strict: false },
  contacts: { may: ['store'], strict: false },
};

/** The facade: what the shells hold; nothing inside the core builds on it. */
const FACADE = new Set(['service', 'service-api']);

/**
 * Top-level modules below every folder: they import nothing of the core, so even a strict folder
 * may use them (lifecycle.ts: the Disposable idiom every part that ends something shares).
 */
const FOUNDATION = new Set(['lifecycle']);

/**
 * Where a core path sits: `{ folder }` for a file in a folder of electron/core/, `{ module }`
 * for a top-level file (by its name without extension), null outside the core.
 */
export function corePlaceOf(relPath) {
  if (!relPath.startsWith('electron/core/')) return null;
  const rest = relPath.slice('electron/core/'.length);
  const slash = rest.indexOf('/');
  if (slash >= 0) return { folder: rest.slice(0, slash) };
  if (Object.hasOwn(CORE_SUBLAYERS, rest)) return { folder: rest }; // a folder's index
  return { module: rest.replace(/\.[cm]?[jt]sx?$/, '') };
}

/** Returns why a core file at `fromRel` may not import the core file at `targetRel`, or null. */
export function subLayerViolation(fromRel, targetRel) {
  const from = corePlaceOf(fromRel);
  const target = corePlaceOf(targetRel);
  if (!from?.folder || !target || target.folder === from.folder) return null;
  const rule = CORE_SUBLAYERS[from.folder];
  if (!rule) return null;
  const where = `electron/core/${from.folder}/`;
  if (target.module !== undefined) {
    if (FACADE.has(target.module))
      return `${where} must not import the facade (${target.module}.ts): it builds on the folders`;
    if (rule.strict && !FOUNDATION.has(target.module))
      return `${where} must not import electron/core/${target.module}: it imports nothing of the core above it`;
    return null;
  }
  if (rule.may.includes(target.folder)) return null;
  if (!(target.folder in CORE_SUBLAYERS) && !rule.strict) return null;
  const allowed = rule.may.length ? rule.may.map((f) => `${f}/`).join(', ') : 'nothing else of the core';
  return `${where} must not import electron/core/${target.folder}/ (it may import ${allowed})`;
}

/**
 * Packages that need a running Electron app, with the one file that may import each: electron-updater
 * replaces the installed app, so only the Electron shell's main.ts uses it (never the core,
 * shared/, the renderer or the browser shell; docs/release.md).
 */
const SHELL_ONLY_PACKAGES = { 'electron-updater': 'electron/main.ts' };

/** Returns why the file at `fromRel` may not import the package `specifier`, or null. */
export function shellOnlyViolation(fromRel, specifier) {
  const only = SHELL_ONLY_PACKAGES[specifier.split('/')[0]];
  if (!only || fromRel === only) return null;
  return `only ${only} may import '${specifier}'`;
}

/** Returns why `specifier` may not be imported from a file in `fromLayer`, or null. */
export function violation(fromLayer, specifier, targetLayer) {
  const isRelative = specifier.startsWith('.') || specifier.startsWith('/');
  switch (fromLayer) {
    case 'shared':
      if (specifier === 'electron') return "shared/ must not import 'electron'";
      if (!isRelative && isNodeBuiltin(specifier)) return `shared/ must not import the Node built-in '${specifier}'`;
      if (isRelative && targetLayer !== 'shared') return 'shared/ must not import anything of ours outside shared/';
      return null;
    case 'core':
      if (specifier === 'electron') return "electron/core/ must not import 'electron' (it runs under plain Node)";
      if (isRelative && targetLayer === 'renderer') return 'electron/core/ must not import renderer/';
      if (isRelative && targetLayer === 'electron-main')
        return 'electron/core/ must not import the Electron shell (electron/*.ts)';
      return null;
    case 'electron-main':
      if (isRelative && targetLayer === 'renderer')
        return 'electron/ must not import renderer/ (talk over the contract)';
      return null;
    case 'renderer':
      if (specifier === 'electron') return "renderer/ must not import 'electron' (use the Transport)";
      if (!isRelative && isNodeBuiltin(specifier)) return `renderer/ must not import the Node built-in '${specifier}'`;
      if (isRelative && (targetLayer === 'core' || targetLayer === 'electron-main'))
        return 'renderer/ must not import electron/ (only shared/)';
      return null;
    default:
      return null;
  }
}

const rule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        "Enforce the dependency direction between shared/, electron/core/, electron/ and renderer/, and between the core's folders",
    },
    schema: [],
    messages: { layer: '{{why}}' },
  },
  create(context) {
    const root = context.cwd;
    const fromRel = path.relative(root, context.filename).split(path.sep).join('/');
    const fromLayer = layerOf(fromRel);
    if (!fromLayer) return {};

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      let targetLayer = null;
      let targetRel = null;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const abs = path.resolve(path.dirname(context.filename), specifier);
        targetRel = path.relative(root, abs).split(path.sep).join('/');
        targetLayer = layerOf(targetRel);
      }
      const why =
        violation(fromLayer, specifier, targetLayer) ??
        shellOnlyViolation(fromRel, specifier) ??
        (fromLayer === 'core' && targetLayer === 'core' ? subLayerViolation(fromRel, targetRel) : null);
      if (why) context.report({ node, messageId: 'layer', data: { why } });
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression(node) {
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          node.arguments[0]?.type === 'Literal'
        )
          check(node.arguments[0], node.arguments[0].value);
      },
    };
  },
};

export default { rules: { 'import-direction': rule } };
