import { describe, expect, it } from 'vitest';
import { fuzzyMatch, highlightSegments, prepareText } from '../../renderer/palette/fuzzy';

function score(query: string, text: string): number {
  const match = fuzzyMatch(query, text);
  if (!match) throw new Error(`"${query}" does not match "${text}"`);
  return match.score;
}

function rank(query: string, texts: string[]): string[] {
  return texts
    .map((text) => ({ text, match: fuzzyMatch(query, text) }))
    .filter((item) => item.match !== null)
    .sort((a, b) => b.match!.score - a.match!.score)
    .map((item) => item.text);
}

describe('fuzzy matching', () => {
  it('needs every letter, in order', () => {
    expect(fuzzyMatch('arc', 'Archive')).not.toBeNull();
    expect(fuzzyMatch('cra', 'Archive')).toBeNull();
    expect(fuzzyMatch('archives', 'Archive')).toBeNull();
    expect(fuzzyMatch('xyz', 'Reply all')).toBeNull();
  });

  it('an empty query matches everything', () => {
    expect(fuzzyMatch('', 'Anything')).toEqual({ score: 0, indices: [] });
    expect(fuzzyMatch('   ', 'Anything')).toEqual({ score: 0, indices: [] });
  });

  it('a prefix beats a word start, which beats letters scattered inside words', () => {
    expect(score('arch', 'Archive')).toBeGreaterThan(score('arch', 'Search archive'));
    expect(score('arch', 'Search archive')).toBeGreaterThan(score('arch', 'Mark as read, then check'));
    expect(rank('arch', ['Mark as read, then check', 'Search archive', 'Archive'])).toEqual([
      'Archive',
      'Search archive',
      'Mark as read, then check',
    ]);
  });

  it('initials find multi-word commands', () => {
    expect(rank('ra', ['Mark as read', 'Forward', 'Reply all'])[0]).toBe('Reply all');
    expect(rank('gtf', ['Go to folder…', 'Go to Inbox', 'Settings'])).toEqual(['Go to folder…']);
    expect(fuzzyMatch('mtp', 'Move to Projects')!.indices).toEqual([0, 5, 8]);
  });

  it('adjacent letters beat the same letters apart', () => {
    expect(score('sent', 'Sent')).toBeGreaterThan(score('sent', 'Select next'));
    expect(score('star', 'Star')).toBeGreaterThan(score('star', 'Sync traffic report'));
  });

  it('chooses the best placement, not the first', () => {
    // the first "s" is inside "Mass", but the word start "Sent" is the better match
    expect(fuzzyMatch('se', 'Mass: Sent')!.indices).toEqual([6, 7]);
  });

  it('ignores case, accents and diacritics, and keeps indices on the original text', () => {
    expect(fuzzyMatch('mote', 'Möte på fredag')!.indices).toEqual([0, 1, 2, 3]);
    expect(fuzzyMatch('SKICK', 'skickat')).not.toBeNull();
    expect(fuzzyMatch('inkorg', 'Inkorg')!.indices).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('shorter texts win a tie', () => {
    expect(score('in', 'Inbox')).toBeGreaterThan(score('in', 'Inbox archive 2019'));
  });

  it('highlights the matched runs', () => {
    const match = fuzzyMatch('mtp', 'Move to Projects')!;
    expect(highlightSegments('Move to Projects', match.indices)).toEqual([
      { text: 'M', match: true },
      { text: 'ove ', match: false },
      { text: 't', match: true },
      { text: 'o ', match: false },
      { text: 'P', match: true },
      { text: 'rojects', match: false },
    ]);
    expect(highlightSegments('Inbox', [])).toEqual([{ text: 'Inbox', match: false }]);
  });

  it('a prepared text scores the same as the plain one', () => {
    expect(fuzzyMatch('mtp', prepareText('Move to Projects'))).toEqual(fuzzyMatch('mtp', 'Move to Projects'));
  });

  it('stays fast over many prepared items (one keystroke over 2,000 folders)', () => {
    const texts = Array.from({ length: 2000 }, (_, i) =>
      prepareText(`Projects/Customers/Region ${i} — Quarterly reports ${i}`),
    );
    const timings: number[] = [];
    for (let run = 0; run < 4; run++) {
      const started = performance.now();
      for (const text of texts) fuzzyMatch('cusrep', text);
      timings.push(performance.now() - started);
    }
    // the best run, after the JIT has warmed up (a shared CI machine is noisy)
    expect(Math.min(...timings.slice(1))).toBeLessThan(100);
  });
});
