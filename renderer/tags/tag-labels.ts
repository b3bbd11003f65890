// How a tag looks: a known label by its translated name and Thunderbird's colour, any other
// keyword by itself with a colour of its own that stays the same everywhere.
import type { TFunction } from 'i18next';
import { isTagKeyword, knownLabel } from '../../shared/tags';
import { shownGmailLabels } from './gmail-labels';

export interface ShownTag {
  keyword: string;
  name: string;
  colour: string;
}

function hue(text: string): number {
  let hash = 0;
  for (const char of text.toLowerCase()) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

export function tagName(keyword: string, t: TFunction): string {
  const label = knownLabel(keyword);
  return label ? t(`tags.names.${label.id}`) : keyword;
}

export function tagColour(keyword: string): string {
  return knownLabel(keyword)?.colour ?? `hsl(${hue(keyword)} 55% 45%)`;
}

/**
 * The message's tags as shown: state keywords ($Forwarded, Junk...) left out, known labels first;
 * then its Gmail labels, where the server is Gmail (gmail-labels.ts).
 */
export function shownTags(
  keywords: readonly string[] | undefined,
  t: TFunction,
  gmailLabels?: readonly string[],
): ShownTag[] {
  return [...shownKeywords(keywords, t), ...shownGmailLabels(gmailLabels, t)];
}

function shownKeywords(keywords: readonly string[] | undefined, t: TFunction): ShownTag[] {
  if (!keywords?.length) return [];
  return keywords
    .filter(isTagKeyword)
    .map((keyword) => ({
      keyword,
      name: tagName(keyword, t),
      colour: tagColour(keyword),
      known: !!knownLabel(keyword),
    }))
    .sort((a, b) => Number(b.known) - Number(a.known) || a.keyword.localeCompare(b.keyword))
    .map(({ keyword, name, colour }) => ({ keyword, name, colour }));
}
