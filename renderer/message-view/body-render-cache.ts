// Sanitizing a message (DOMPurify, then the URL rewrite in message-html.ts) takes milliseconds
// to tens of milliseconds: too long for the key press that opens it. The result is kept per
// body and per choice (remote content allowed or not, which inline images are in), and the
// neighbours of the open message are prepared ahead (prepare-body.ts), so j/k find it ready.
// Keyed by the body object itself: when body-cache.ts lets a body go, its renderings go too.
import type { MessageBody } from '../../shared/domain';
import { darkBodies } from '../appearance/appearance-store';
import { renderHtmlBody, renderPlainTextBody, type RenderedBody } from './message-html';

const renders = new WeakMap<MessageBody, Map<string, RenderedBody>>();

/** Inline images are the message's own parts: which ones are in says what their data is. */
function inlineKey(images: ReadonlyMap<string, string>): string {
  return [...images.keys()].sort().join('\n');
}

/** The body as the frame's srcdoc, sanitized once per body and choice. */
export function renderBodyCached(
  body: MessageBody,
  allowRemote: boolean,
  inlineImages: ReadonlyMap<string, string>,
  /** Dark rendering (message-html.ts says for which mail); by default as the window is now. */
  dark: boolean = darkBodies(),
): RenderedBody {
  const kind = body.html === null ? 'text' : `${allowRemote ? 'remote' : 'blocked'}\n${inlineKey(inlineImages)}`;
  const key = `${dark ? 'dark' : 'light'}\n${kind}`;
  let perBody = renders.get(body);
  if (!perBody) {
    perBody = new Map();
    renders.set(body, perBody);
  }
  let rendered = perBody.get(key);
  if (!rendered) {
    rendered =
      body.html === null
        ? renderPlainTextBody(body.text ?? '', dark)
        : renderHtmlBody(body.html, { allowRemote, inlineImages, dark });
    perBody.set(key, rendered);
  }
  return rendered;
}
