// A BODYSTRUCTURE is data the sender shaped: a message can nest multiparts thousands deep.
// Every walk over it (planning a body, "has attachments" in header sync, storing it as JSON)
// recurses, and a stack overflow in header sync would fail the whole batch it belongs to.
// So a structure is cut to a depth no real message reaches before any of that sees it: the check
// and the cut never go deeper than that depth themselves. (Header sync's "has attachments" walk,
// hasListedAttachments in structure.ts, stops at the same depth on its own instead of waiting for
// a cut copy.)

/** Real mail nests a handful of levels (a forward of a signed reply with related HTML: ~8). */
export const MAX_STRUCTURE_DEPTH = 32;

interface Node {
  childNodes?: unknown;
}

/**
 * The structure with every node deeper than `maxDepth` left out (its parent keeps no
 * children), or the structure itself when it is shallow enough. The cut is iterative, and it
 * copies only when one is needed, so header sync pays one pass over a few nodes for ordinary mail.
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

/**
 * Whether a node deeper than `maxDepth` has children. Recursive but bounded: it never goes below
 * `maxDepth` levels, so no input overflows the stack, and it allocates nothing (header sync asks
 * it of every message).
 */
function tooDeep(structure: unknown, maxDepth: number, depth = 0): boolean {
  const children = (structure as Node | null)?.childNodes;
  if (!Array.isArray(children) || children.length === 0) return false;
  if (depth >= maxDepth) return true;
  for (const child of children)
    // a leaf (most parts) is answered here, without a call
    if (child && typeof child === 'object' && (child as Node).childNodes && tooDeep(child, maxDepth, depth + 1))
      return true;
  return false;
}
