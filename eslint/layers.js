// The layer rule of docs/architecture.md, enforced the way VS Code enforces its
// common/node/browser/electron-main split: a file's folder decides what it may import.
//
//   shared/         imports nothing of ours outside shared/, no Node built-in, no 'electron'
//   electron/core/  may import shared/ and Node; never 'electron', never renderer/
//   electron/*.ts   may import core/ and shared/; never renderer/
//   renderer/       imports shared/ only: no electron/, no 'electron', no Node built-in
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
    docs: { description: 'Enforce the dependency direction between shared/, electron/core/, electron/ and renderer/' },
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
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const abs = path.resolve(path.dirname(context.filename), specifier);
        targetLayer = layerOf(path.relative(root, abs).split(path.sep).join('/'));
      }
      const why = violation(fromLayer, specifier, targetLayer);
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
