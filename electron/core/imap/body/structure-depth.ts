// A BODYSTRUCTURE is data the sender shaped: a message can nest multiparts thousands deep.
// Every walk over it (planning a body, "has attachments" in header sync, storing it as JSON)
// recurses, and a stack overflow in header sync would fail the whole batch it belongs to.
// So a structure is cut to a depth no real message reaches, without recursion, before any
// of that sees it.

/** Real mail nests a handful of levels (a forward of a signed reply with related HTML: ~8). */
export const MAX_STRUCTURE_DEPTH = 32;

interface Node {
  childNodes?: unknown;
}

/**
 * The structure with every node deeper than `maxDepth` left out (its parent keeps no
 * children), or the structure itself when it is shallow enough. Iterative, and it copies only
 * when a cut is needed, so header sync pays one pass over a few nodes for ordinary mail.
 */
export function limitStructureDepth<T>(structure: T, maxDepth: number = MAX_STRUCTURE_DEPTH): T {
  if (!tooDeep(structure, maxDepth)) return structure;
  const copy = { ...(structure as Node) };
  const stack: { node: Node; depth: number }[] = [{ node: copy, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, depth } = item;
    if (!Array.isArray(node.childNodes)) continue;
    if (depth >= maxDepth) {
      node.childNodes = [];
      continue;
    }
    node.childNodes = (node.childNodes as unknown[]).map((child) => {
      if (!child || typeof child !== 'object') return child;
      const childCopy = { ...(child as Node) };
      stack.push({ node: childCopy, depth: depth + 1 });
      return childCopy;
    });
  }
  return copy as T;
}

function tooDeep(structure: unknown, maxDepth: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: structure, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const children = (item.node as Node | null)?.childNodes;
    if (!Array.isArray(children) || children.length === 0) continue;
    if (item.depth >= maxDepth) return true;
    for (const child of children)
      if (child && typeof child === 'object') stack.push({ node: child, depth: item.depth + 1 });
  }
  return false;
}
