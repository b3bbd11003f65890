// What the user typed as a new tag, checked before it goes to the server: IMAP keeps a keyword as
// an atom (RFC 9051 2.3.2), so no space, none of ( ) { % * " \ ], nothing outside printable
// ASCII, at most 64 characters. System flags (\Seen) are not tags, and the keywords clients keep
// for their own state ($Forwarded, $Junk, shared/tags.ts) would not show as one.
import { isTagKeyword, isValidKeyword } from '../../shared/tags';

export type NewTagProblem = 'empty' | 'invalid' | 'reserved';

export type NewTagCheck = { ok: true; keyword: string } | { ok: false; problem: NewTagProblem };

export function checkNewTag(typed: string): NewTagCheck {
  const keyword = typed.trim();
  if (keyword === '') return { ok: false, problem: 'empty' };
  if (!isValidKeyword(keyword)) return { ok: false, problem: 'invalid' };
  if (!isTagKeyword(keyword)) return { ok: false, problem: 'reserved' };
  return { ok: true, keyword };
}
