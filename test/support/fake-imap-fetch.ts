// An ImapFlow stand-in for the body fetchers: it answers FETCH like imapflow does with Dovecot
// (sections keyed lowercase, partial origins dropped, missing sections empty) and records every
// query, so a test can pin down how many FETCHes went out, for which sections and byte ranges.
import type { FetchMessageObject, FetchQueryObject } from 'imapflow';
import type { StructureNode } from '../../electron/core/imap/body/structure';

type Section = string | { key: string; start?: number; maxLength?: number };
export type Messages = Record<number, { sections: Record<string, Buffer>; source?: Buffer }>;

/** A fake ImapFlow: records every query, answers sections from `messages`. */
export function fakeClient(messages: Messages) {
  const calls: { range: unknown; query: FetchQueryObject }[] = [];
  const answer = (uid: number, query: FetchQueryObject): FetchMessageObject | false => {
    const message = messages[uid];
    if (!message) return false;
    const row = { seq: uid, uid, bodyParts: new Map<string, Buffer>() } as FetchMessageObject;
    for (const section of (query.bodyParts ?? []) as Section[]) {
      const key = (typeof section === 'string' ? section : section.key).toLowerCase();
      let value = message.sections[key] ?? Buffer.alloc(0); // Dovecot: a missing section is ""
      if (typeof section !== 'string')
        value = value.subarray(section.start ?? 0, (section.start ?? 0) + (section.maxLength ?? Infinity));
      if (key === 'header') row.headers = value;
      else row.bodyParts!.set(key, value);
    }
    if (query.source) row.source = message.source;
    return row;
  };
  const client = {
    calls,
    async fetchOne(range: string | number, query: FetchQueryObject) {
      calls.push({ range, query });
      return answer(Number(range), query);
    },
    async fetchAll(range: number[], query: FetchQueryObject) {
      calls.push({ range, query });
      return range.map((uid) => answer(uid, query)).filter((row): row is FetchMessageObject => row !== false);
    },
  };
  return client;
}

/** text/plain (ISO-8859-1, quoted-printable) beside text/html (UTF-8, base64). */
export const alternative: StructureNode = {
  type: 'multipart/alternative',
  childNodes: [
    { part: '1', type: 'text/plain', parameters: { charset: 'iso-8859-1' }, encoding: 'quoted-printable', size: 16 },
    { part: '2', type: 'text/html', parameters: { charset: 'utf-8' }, encoding: 'base64', size: 20 },
  ],
};
