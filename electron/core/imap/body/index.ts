// Lazy message bodies: plan from BODYSTRUCTURE, fetch only the needed parts, decode, preview.
export { planBody, isStructure, isBrokenMultipart, sanitizeFilename, extensionForType } from './structure';
export type { BodyPlan, PartRef, StructureNode } from './structure';
export { decodeText, decodeTransfer, normalizeCharset, partCharset, sniffHtmlCharset } from './decode';
export type { DecodeTextOptions } from './decode';
export { fetchBody, fetchPart, sectionFor, MAX_TEXT_BYTES, MAX_SOURCE_BYTES } from './fetch-body';
export type { FetchedBody, FetchBodyOptions, BodyClient } from './fetch-body';
export { makeSnippet, SNIPPET_LENGTH } from './snippet';
export { fetchSnippets } from './fetch-snippets';
export type { SnippetItem, FetchSnippetsOptions, SnippetClient } from './fetch-snippets';
export { MessageNotFoundError, PartNotFoundError } from './errors';
