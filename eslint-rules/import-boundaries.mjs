// Layering as law (DESIGN.md §2): each room of src/ may import only the rooms listed here.
// Relative imports are resolved to the folder they land in, so `../../main/x` cannot slip by.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');

/** room -> rooms it may import from; packages it may import; whether it may use node builtins */
const rules = {
  shared: { rooms: ['shared'], packages: ['zod'], node: false },
  renderer: { rooms: ['renderer', 'shared'], packages: ['react', 'react-dom', 'zustand', 'zod'], node: false },
  preload: { rooms: ['preload', 'shared'], packages: ['electron', 'zod'], node: false },
  main: { rooms: ['main', 'shared'], packages: null, node: true },
  'demo-lms': { rooms: ['demo-lms', 'shared'], packages: null, node: true },
};

function roomOf(file) {
  const rel = path.relative(src, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep)[0] ?? null;
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps renderer, preload, main, demo-lms and shared inside their import boundaries.' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const room = roomOf(file);
    if (!room || !rules[room]) return {};
    const rule = rules[room];
    const relFile = path.relative(src, file);
    // Only the Electron entry (src/main/electron) may touch electron; services must run in plain Node.
    const mayUseElectron = room === 'preload' ? !relFile.includes('browser-bridge') : relFile.startsWith(path.join('main', 'electron'));

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        const targetRoom = roomOf(target);
        if (!targetRoom || !rule.rooms.includes(targetRoom)) {
          context.report({ node, message: `src/${room} may not import from ${targetRoom ? `src/${targetRoom}` : path.relative(root, target)} (allowed: ${rule.rooms.map((r) => `src/${r}`).join(', ')}).` });
        }
        return;
      }
      const isNode = spec.startsWith('node:');
      if (isNode) {
        if (!rule.node) context.report({ node, message: `src/${room} may not use Node built-ins ('${spec}'): it has no Node at run time.` });
        return;
      }
      const pkg = packageName(spec);
      if (pkg === 'electron') {
        if (!mayUseElectron) context.report({ node, message: `Only src/main/electron and the preload may import electron; '${relFile}' must run in plain Node (browser mode, tests).` });
        return;
      }
      if (rule.packages && !rule.packages.includes(pkg)) {
        context.report({ node, message: `src/${room} may not import '${spec}' (allowed packages: ${rule.packages.join(', ')}).` });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};
