// The file names of a message's attachments, from the BODYSTRUCTURE header sync stored, so
// `filename:` and plain words find attachments of mail whose body was never downloaded. Stored
// JSON is trusted no further than its shape; a structure nested absurdly deep is cut short.
const MAX_DEPTH = 32;
const MAX_NAMES = 50;

interface Node {
  type?: unknown;
  parameters?: Record<string, unknown>;
  dispositionParameters?: Record<string, unknown>;
  childNodes?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function attachmentNames(bodystructure: string | null): string[] {
  if (!bodystructure) return [];
  let root: unknown;
  try {
    root = JSON.parse(bodystructure);
  } catch {
    return [];
  }
  const names: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > MAX_DEPTH || names.length >= MAX_NAMES) return;
    const node = value as Node;
    if (Array.isArray(node.childNodes)) for (const child of node.childNodes) visit(child, depth + 1);
    const name = text(node.dispositionParameters?.filename) || text(node.parameters?.name);
    if (name) names.push(name);
  };
  visit(root, 0);
  return names;
}
