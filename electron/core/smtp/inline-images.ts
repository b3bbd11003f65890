// Pictures in a rich body. The composer keeps them in the HTML as data: URLs, so a draft holds
// them with no separate storage; a message that leaves the app instead carries each one as a
// part of a multipart/related, named by Content-ID and referenced as <img src="cid:...">, which
// is how mail readers expect inline pictures (many block data: URLs). Opening such a message
// as a draft does the reverse.
import { createHash } from 'node:crypto';
import { COMPOSE_LIMITS } from '../../../shared/compose';
import { isInlineImageType } from '../../../shared/inline-image-types';

export interface InlineImage {
  /** Without angle brackets, as written after "cid:". */
  cid: string;
  contentType: string;
  content: Buffer;
  filename: string;
}

const DATA_SRC = /(<img\b[^>]*?\ssrc\s*=\s*)(["'])data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]+)\2/gi;
const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * The body with every allowed data: picture replaced by a cid: reference, and those pictures.
 * The same picture twice becomes one part. A data: URL of another type or above the size limit
 * is dropped (its <img> keeps no src) rather than sent as something readers refuse.
 */
export function extractInlineImages(html: string, messageId: string): { html: string; images: InlineImage[] } {
  const domain = /@([^>]+)>?$/.exec(messageId)?.[1] ?? 'mail.invalid';
  const byHash = new Map<string, InlineImage>();
  const rewritten = html.replace(DATA_SRC, (_whole, prefix: string, quote: string, type: string, data: string) => {
    const contentType = type.toLowerCase();
    const content = Buffer.from(data.replace(/\s+/g, ''), 'base64');
    if (!isInlineImageType(contentType) || content.length === 0 || content.length > COMPOSE_LIMITS.inlineImageBytes)
      return `${prefix}${quote}${quote}`;
    // The hash names the part: the same bytes in a draft saved twice get the same Content-ID.
    const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
    let image = byHash.get(hash);
    if (!image) {
      const n = byHash.size + 1;
      image = {
        cid: `image${n}.${hash}@${domain}`,
        contentType,
        content,
        filename: `image${n}.${EXTENSIONS[contentType]}`,
      };
      byHash.set(hash, image);
    }
    return `${prefix}${quote}cid:${image.cid}${quote}`;
  });
  return { html: rewritten, images: [...byHash.values()] };
}

export interface RelatedPart {
  cid?: string | undefined;
  contentType: string;
  content: Buffer;
}

const CID_SRC = /(<img\b[^>]*?\ssrc\s*=\s*)(["'])cid:([^"'\s]+)\2/gi;

/**
 * The reverse, for a message opened as a draft: each cid: picture found among the parts goes
 * back into the body as a data: URL, and the parts used so are left out of the attachments.
 */
export function embedInlineImages<T extends RelatedPart>(
  html: string,
  parts: readonly T[],
): { html: string; rest: T[] } {
  const byCid = new Map<string, T>();
  for (const part of parts) {
    const cid = part.cid?.replace(/^<|>$/g, '');
    if (cid && isInlineImageType(part.contentType) && part.content.length <= COMPOSE_LIMITS.inlineImageBytes)
      byCid.set(cid, part);
  }
  const used = new Set<T>();
  const rewritten = html.replace(CID_SRC, (whole, prefix: string, quote: string, cid: string) => {
    const part = byCid.get(cid);
    if (!part) return whole;
    used.add(part);
    return `${prefix}${quote}data:${part.contentType.toLowerCase()};base64,${part.content.toString('base64')}${quote}`;
  });
  return { html: rewritten, rest: parts.filter((p) => !used.has(p)) };
}
