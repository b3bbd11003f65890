// Decides, from the BODYSTRUCTURE alone, which parts make up the readable body and which are
// attachments, so opening a message downloads only what is shown. Pure: no I/O.
//
// The input is imapflow's parsed bodyStructure as stored (JSON) by header sync. imapflow has
// already decoded RFC 2231 and RFC 2047 in parameter values (filename*=UTF-8''..., =?..?=),
// gives the root node no `part` (a single-part message's body is part "1" / TEXT), and gives a
// message/rfc822 node's child the SAME part number as the wrapper (we never walk into one).
import type { AttachmentInfo } from '../../../../shared/domain';
import { sanitizeFilename } from './filename';
import { limitStructureDepth, MAX_STRUCTURE_DEPTH } from './structure-depth';

export { sanitizeFilename, extensionForType } from './filename';

/** A node of imapflow's bodyStructure (MessageStructureObject), as it survives JSON. */
export interface StructureNode {
  part?: string;
  type?: string;
  parameters?: Record<string, string>;
  id?: string;
  encoding?: string;
  size?: number;
  disposition?: string;
  dispositionParameters?: Record<string, string>;
  childNodes?: StructureNode[];
  envelope?: { subject?: string };
}

/** One body part to download. */
export interface PartRef {
  /** IMAP section: "1.2"; "1" for the body of a single-part message (Dovecot and RFC 3501). */
  part: string;
  /** The declared charset label, untouched (decodeText() normalises it). */
  charset: string | null;
  /** Content-Transfer-Encoding, lowercase ("7bit" when the server gave none). */
  encoding: string;
  type: string;
  /** Size of the encoded part in bytes, as the server reported it. */
  size: number;
}

export interface BodyPlan {
  htmlPart: PartRef | null;
  textPart: PartRef | null;
  attachments: AttachmentInfo[];
  /** True when there is an attachment to list; inline cid images do not count. */
  hasAttachments: boolean;
}

const EMPTY_PLAN: BodyPlan = { htmlPart: null, textPart: null, attachments: [], hasAttachments: false };

/** What one subtree contributes, before it is folded into its parent. */
interface Found<A> {
  html: PartRef | null;
  text: PartRef | null;
  attachments: A[];
}

/**
 * What an attachment found becomes: the full AttachmentInfo for a message being opened, or just
 * whether it is inline for header sync, which only asks whether there is one (tens of
 * thousands of times: no file names are cleaned for that).
 */
type AttachmentMaker<A> = (node: StructureNode, inline: boolean) => A;

const nothing = <A>(): Found<A> => ({ html: null, text: null, attachments: [] });

/** True for an object shaped like a bodyStructure node (header sync may have stored null). */
export function isStructure(value: unknown): value is StructureNode {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const node = value as StructureNode;
  return (
    typeof node.type === 'string' &&
    node.type.includes('/') &&
    (node.childNodes === undefined || Array.isArray(node.childNodes))
  );
}

/** A string field of stored JSON, or undefined when it is missing or not a string. */
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The child nodes that are objects: stored JSON is trusted no further than its shape. */
const childrenOf = (node: StructureNode): StructureNode[] =>
  Array.isArray(node.childNodes) ? node.childNodes.filter((child) => child && typeof child === 'object') : [];

// RFC 2045: a part without Content-Type is text/plain
const typeOf = (node: StructureNode): string =>
  (typeof node.type === 'string' && node.type ? node.type : 'text/plain').toLowerCase();
const partOf = (node: StructureNode): string => (typeof node.part === 'string' && node.part) || '1';
const isAttachmentDisposition = (node: StructureNode): boolean =>
  (str(node.disposition) ?? '').toLowerCase() === 'attachment';
const isMessage = (type: string): boolean => type === 'message/rfc822' || type === 'message/global';
const isRenderable = (type: string): boolean => type === 'text/plain' || type === 'text/html';

function partRef(node: StructureNode): PartRef {
  return {
    part: partOf(node),
    charset: str(node.parameters?.charset) ?? null,
    encoding: (str(node.encoding) || '7bit').toLowerCase(),
    type: typeOf(node),
    size: Number(node.size) || 0,
  };
}

/** The decoded size, estimated from the encoded one: base64 is 57 bytes per 78-byte line. */
function decodedSize(node: StructureNode): number {
  const size = Number(node.size) || 0;
  return (str(node.encoding) ?? '').toLowerCase() === 'base64' ? Math.floor((size * 57) / 78) : size;
}

const stripAngles = (id: unknown): string | null => {
  const trimmed = (str(id) ?? '').trim().replace(/^<|>$/g, '').trim();
  return trimmed || null;
};

function attachmentOf(node: StructureNode, inline: boolean): AttachmentInfo {
  const type = typeOf(node);
  let name = str(node.dispositionParameters?.filename) || str(node.parameters?.name) || '';
  // a subject is text, not a path: "Invoice 3/2024" must not become "2024.eml"
  if (!name && isMessage(type))
    name = (str(node.envelope?.subject) || 'message').replace(/[/\\]/g, '-').trim() + '.eml';
  return {
    part: partOf(node),
    filename: sanitizeFilename(name, type),
    contentType: type,
    size: decodedSize(node),
    contentId: stripAngles(node.id),
    inline,
  };
}

/** Every leaf under `node` as an attachment (a container found after the body). */
function allLeaves<A>(node: StructureNode, make: AttachmentMaker<A>): A[] {
  const type = typeOf(node);
  if (type.startsWith('multipart/')) return childrenOf(node).flatMap((child) => allLeaves(child, make));
  return [make(node, false)];
}

function walk<A>(node: StructureNode, make: AttachmentMaker<A>): Found<A> {
  const type = typeOf(node);
  if (type === 'multipart/alternative') return walkAlternative(childrenOf(node), make);
  if (type === 'multipart/related') return walkRelated(node, make);
  // mixed, and the other multiparts read the same way: signed (body, then signature),
  // report (notice, then status and returned message), digest (messages)
  if (type.startsWith('multipart/')) return walkMixed(childrenOf(node), make);
  if (isRenderable(type) && !isAttachmentDisposition(node)) {
    return type === 'text/html' ? { ...nothing<A>(), html: partRef(node) } : { ...nothing<A>(), text: partRef(node) };
  }
  // message/rfc822, text/* marked attachment, text/calendar, images, unknown types
  return { ...nothing<A>(), attachments: [make(node, false)] };
}

/**
 * Alternatives are ordered plainest first: the last one we can render wins (so HTML over
 * plain text), and a plain-text alternative is kept too for quoting and snippets. Only the
 * chosen alternative's attachments count: the others are copies of the same content.
 */
function walkAlternative<A>(children: StructureNode[], make: AttachmentMaker<A>): Found<A> {
  let chosen: Found<A> | null = null;
  let text: PartRef | null = null;
  for (const child of children) {
    const found = walk(child, make);
    if (found.text) text = found.text;
    if (found.html || found.text) chosen = found;
  }
  if (!chosen) return nothing();
  return { html: chosen.html, text: chosen.text ?? text, attachments: chosen.attachments };
}

/** RFC 2387: the root is the part named by `start` (a Content-ID), else the first one. */
function walkRelated<A>(node: StructureNode, make: AttachmentMaker<A>): Found<A> {
  const children = childrenOf(node);
  const start = stripAngles(node.parameters?.start);
  const rootIndex = Math.max(0, start ? children.findIndex((child) => stripAngles(child.id) === start) : 0);
  const root = children[rootIndex];
  const found = root ? walk(root, make) : nothing<A>();
  children.forEach((child, index) => {
    if (index === rootIndex) return;
    // a part with a Content-ID is what the root's cid: URLs point at: shown in the body
    const inline = stripAngles(child.id) !== null && !typeOf(child).startsWith('multipart/');
    if (inline) found.attachments.push(make(child, true));
    else found.attachments.push(...allLeaves(child, make));
  });
  return found;
}

/** The first part that yields readable text is the body; everything else is attached. */
function walkMixed<A>(children: StructureNode[], make: AttachmentMaker<A>): Found<A> {
  const found = nothing<A>();
  for (const child of children) {
    if (found.html || found.text) {
      found.attachments.push(...allLeaves(child, make));
      continue;
    }
    const sub = walk(child, make);
    found.html = sub.html;
    found.text = sub.text;
    found.attachments.push(...sub.attachments);
  }
  return found;
}

/**
 * True for a multipart whose boundary never occurs (or is not declared): Dovecot then reports
 * one empty phantom part and the real content is the whole body text, unparsed.
 */
export function isBrokenMultipart(stored: unknown): boolean {
  const structure = limitStructureDepth(stored);
  if (!isStructure(structure) || !typeOf(structure).startsWith('multipart/')) return false;
  const empty = (node: StructureNode): boolean =>
    childrenOf(node).length && typeOf(node).startsWith('multipart/')
      ? childrenOf(node).every(empty)
      : !Number(node.size);
  return empty(structure);
}

/** Plans which parts to fetch to show a message and lists its attachments. */
export function planBody(stored: unknown): BodyPlan {
  const structure = limitStructureDepth(stored);
  if (!isStructure(structure)) return { ...EMPTY_PLAN, attachments: [] };
  const found = walk(structure, attachmentOf);
  return {
    htmlPart: found.html,
    textPart: found.text,
    attachments: found.attachments,
    hasAttachments: found.attachments.some((attachment) => !attachment.inline),
  };
}

/**
 * planBody(structure).hasAttachments, for header sync: it runs for every header of a sync, so it
 * builds nothing (the walk above makes a PartRef for every text part and a Found for every node,
 * garbage for the collector's threads, which share the machine's cores with the parsing). The
 * same rules as walk(), each answered as two bits: the subtree has the body, and it has an
 * attachment that is listed (not inline). Nodes past MAX_STRUCTURE_DEPTH count as childless, as
 * limitStructureDepth would leave them, so the input needs no cut first.
 */
export function hasListedAttachments(stored: unknown): boolean {
  if (!isStructure(stored)) return false;
  return (bodyAndAttachment(stored, 0) & LISTED) !== 0;
}

const BODY = 1;
const LISTED = 2;

/** A node's children as childrenOf() gives them, none past the depth cut. */
const childAt = (node: StructureNode, depth: number): StructureNode[] | null =>
  depth < MAX_STRUCTURE_DEPTH && Array.isArray(node.childNodes) ? node.childNodes : null;
const isNode = (child: unknown): child is StructureNode => !!child && typeof child === 'object';

/** allLeaves(node).length > 0: a container after the body lists each leaf as an attachment. */
function hasLeaf(node: StructureNode, depth: number): boolean {
  if (!typeOf(node).startsWith('multipart/')) return true;
  const children = childAt(node, depth);
  if (children) for (const child of children) if (isNode(child) && hasLeaf(child, depth + 1)) return true;
  return false;
}

/** walk(node) as bits: BODY for html or text found, LISTED for an attachment that is not inline. */
function bodyAndAttachment(node: StructureNode, depth: number): number {
  const type = typeOf(node);
  if (type.startsWith('multipart/')) {
    const children = childAt(node, depth) ?? [];
    if (type === 'multipart/alternative') {
      // the last alternative with a body is chosen, with its attachments alone (walkAlternative)
      let chosen = 0;
      for (const child of children)
        if (isNode(child)) {
          const found = bodyAndAttachment(child, depth + 1);
          if (found & BODY) chosen = found;
        }
      return chosen;
    }
    if (type === 'multipart/related') return relatedBits(node, children, depth);
    // walkMixed: the first child with a body is the body; every leaf after it is attached
    let bits = 0;
    for (const child of children) {
      if (!isNode(child)) continue;
      if (bits & BODY) {
        if (hasLeaf(child, depth + 1)) return bits | LISTED;
        continue;
      }
      const found = bodyAndAttachment(child, depth + 1);
      bits = (found & BODY) | (bits & LISTED) | (found & LISTED);
    }
    return bits;
  }
  if (isRenderable(type) && !isAttachmentDisposition(node)) return BODY;
  return LISTED;
}

/** walkRelated as bits: the root's, and a listed attachment for any other leaf without a Content-ID. */
function relatedBits(node: StructureNode, all: StructureNode[], depth: number): number {
  const children = all.filter(isNode);
  const start = stripAngles(node.parameters?.start);
  const rootIndex = Math.max(0, start ? children.findIndex((child) => stripAngles(child.id) === start) : 0);
  const root = children[rootIndex];
  let bits = root ? bodyAndAttachment(root, depth + 1) : 0;
  children.forEach((child, index) => {
    if (index === rootIndex) return;
    const inline = stripAngles(child.id) !== null && !typeOf(child).startsWith('multipart/');
    if (!inline && hasLeaf(child, depth + 1)) bits |= LISTED;
  });
  return bits;
}
