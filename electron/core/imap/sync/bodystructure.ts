// The meaning of a BODYSTRUCTURE, as imapflow's parseBodystructure gives it, for the header FETCH
// reader (fetch-line.ts): the same tree, node for node, from the same tokens.
//
// Why not imapflow's own: it hands every parameter value (charset, boundary, format, name...) to
// libmime's decodeWords, five regular expressions over each plain "utf-8" or boundary, and in a
// first sync of the bench's 50,000 messages that call was 90-106 ms of each parsing thread's CPU
// (V8 profiles of figure a2), more than the rest of the structure's reading. Here a parameter list
// of plain names goes through envelope.ts's decodeMimeWords (a value without "=?" is its own
// decoding; an encoded one is decoded once and remembered); a list with anything RFC 2231 may
// concern (a name with "*", a "filename" that looks like charset'language'value, which imapflow
// then reads as RFC 2231) or a name no object may hold goes to imapflow's getStructuredParams, so
// those are read as before. An embedded message's envelope is envelope.ts's, which equals imapflow's.
// test/unit/bodystructure.test.ts holds it to imapflow's parseBodystructure on every shape.
import type { MessageStructureObject } from 'imapflow';
import { getStructuredParams, isUnsafeKey } from 'imapflow/lib/tools.js';
import { decodeMimeWords, parseEnvelope } from './envelope';

/** A BODYSTRUCTURE token as imapflow's parser makes it: NIL is null, a list an array. */
type Token = { value?: unknown } | null | undefined | Token[];

/** A plain "filename" that imapflow reads as RFC 2231 (charset'language'value) when its charset is known. */
// eslint-disable-next-line no-control-regex -- imapflow's test, control characters and all
const RFC2231_LOOKALIKE = /^[a-z\-_0-9]+'[a-z]*'[^'\x00-\x08\x0b\x0c\x0e-\x1f\u0080-\uffff]+/;

/** A token's text as imapflow reads it: its value as a string, '' for NIL, a list or an empty value. */
function text(token: Token): string {
  const value = (token as { value?: unknown } | null | undefined)?.value;
  return value ? String(value) : '';
}

function lower(token: Token): string {
  return text(token).toLowerCase();
}

function number(token: Token): number {
  return Number((token as { value?: unknown }).value || 0) || 0;
}

/** A parameter list: name, value, name, value... */
function parameters(list: Token): Record<string, string> {
  const params: Record<string, string> = {};
  if (!Array.isArray(list)) return getStructuredParams(list as never);
  for (let i = 0; i + 1 < list.length; i += 2) {
    const name = lower(list[i]);
    if (name.includes('*') || isUnsafeKey(name)) return getStructuredParams(list as never);
    const value = decodeMimeWords(text(list[i + 1]));
    if (name === 'filename' && RFC2231_LOOKALIKE.test(value)) return getStructuredParams(list as never);
    params[name] = value;
  }
  // (a last name without its value sets nothing, in imapflow's reading too)
  return params;
}

export function parseBodystructure(entry: Token[]): MessageStructureObject {
  return node(entry, []);
}

function node(fields: Token[], path: number[]): MessageStructureObject {
  const part = {} as MessageStructureObject;
  if (path.length) part.part = path.join('.');
  let i = 0;
  if (Array.isArray(fields[0])) {
    // multipart: the children, then the subtype, then (extension data) its parameters
    part.childNodes = [];
    let child = 0;
    while (Array.isArray(fields[i])) part.childNodes.push(node(fields[i++] as Token[], [...path, ++child]));
    part.type = `multipart/${lower(fields[i++])}`;
    if (i < fields.length) {
      if (fields[i]) part.parameters = parameters(fields[i]);
      i++;
    }
  } else {
    part.type = `${lower(fields[i++])}/${lower(fields[i++])}`;
    if (fields[i]) part.parameters = parameters(fields[i]);
    i++;
    if (fields[i]) part.id = text(fields[i]);
    i++;
    if (fields[i]) part.description = text(fields[i]);
    i++;
    if (fields[i]) part.encoding = lower(fields[i]);
    i++;
    if (fields[i]) part.size = number(fields[i]);
    i++;
    if (part.type === 'message/rfc822') {
      // an embedded message: its envelope, its own structure (under the same part number: its
      // parts are addressed as this part's), its line count
      if (fields[i]) part.envelope = parseEnvelope(([] as Token[]).concat(fields[i] as Token[]) as never);
      i++;
      if (fields[i]) part.childNodes = [node(fields[i] as Token[], path)];
      i++;
      if (fields[i]) part.lineCount = number(fields[i]);
      i++;
    }
    if (part.type.startsWith('text/')) {
      // a text part has a line count after its size, except from servers that leave it out: 11
      // fields, the disposition's list where the line count would be
      const countMissing = fields.length === 11 && Array.isArray(fields[i + 1]) && !Array.isArray(fields[i + 2]);
      if (!countMissing) {
        if (fields[i]) part.lineCount = number(fields[i]);
        i++;
      }
    }
    if (i < fields.length) {
      if (fields[i]) part.md5 = lower(fields[i]);
      i++;
    }
  }
  // extension data either kind of part may have: disposition, language, location
  if (i < fields.length) {
    const disposition = fields[i];
    if (Array.isArray(disposition) && disposition.length) {
      part.disposition = lower(disposition[0]);
      if (Array.isArray(disposition[1])) part.dispositionParameters = parameters(disposition[1]);
    }
    i++;
  }
  if (i < fields.length) {
    if (fields[i]) part.language = ([] as Token[]).concat(fields[i] as Token[]).map((value) => lower(value));
    i++;
  }
  if (i < fields.length && fields[i]) part.location = text(fields[i]);
  return part;
}
