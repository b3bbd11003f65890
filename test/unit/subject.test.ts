// Reply and forward subjects: one prefix, whatever the thread went through.
import { describe, expect, it } from 'vitest';
import { baseSubject, forwardSubject, hasSubjectPrefix, replySubject, subjectLanguageOf } from '../../shared/subject';

describe('subject prefixes', () => {
  it('strips every known prefix, nested, with counters, in any case', () => {
    expect(baseSubject('Re: Sv: Re[2]: Hej')).toBe('Hej');
    for (const prefix of [
      'Re:',
      'RE:',
      'Fwd:',
      'FW:',
      'Fw:',
      'Sv:',
      'SV:',
      'VB:',
      'AW:',
      'WG:',
      'Antw:',
      'Réf:',
      'TR:',
    ])
      expect(baseSubject(`${prefix} Hej`), prefix).toBe('Hej');
    expect(baseSubject('AW: WG: Antw: TR: Réf: FW: Fwd: Re: Hej')).toBe('Hej');
    expect(baseSubject('Re[3]: Re(2): RE^4: Hej')).toBe('Hej');
    expect(baseSubject('re : sv:Hej')).toBe('Hej');
    expect(baseSubject('回复：Hej')).toBe('Hej');
  });

  it('recognises a decomposed accent as the same prefix', () => {
    expect(baseSubject('Re\u0301f: Hej')).toBe('Hej');
  });

  it('leaves ordinary words with a colon alone', () => {
    expect(baseSubject('Info: the plan')).toBe('Info: the plan');
    expect(baseSubject('Ref: invoice 7')).toBe('Ref: invoice 7');
    expect(baseSubject('Reminder: lunch')).toBe('Reminder: lunch');
    expect(baseSubject('Trip: Rome')).toBe('Trip: Rome');
    expect(hasSubjectPrefix('Regarding: x')).toBe(false);
  });

  it('adds exactly one prefix and never stacks', () => {
    expect(replySubject('Hej')).toBe('Re: Hej');
    expect(replySubject('Re: Sv: Re[2]: Hej')).toBe('Re: Hej');
    expect(replySubject(replySubject(replySubject('Hej')))).toBe('Re: Hej');
    expect(forwardSubject('Hej')).toBe('Fwd: Hej');
    expect(forwardSubject('Re: Hej')).toBe('Fwd: Hej');
    expect(forwardSubject('FW: Fwd: Hej')).toBe('Fwd: Hej');
    expect(replySubject('')).toBe('Re:');
    expect(replySubject('  Hej   där ')).toBe('Re: Hej där');
  });

  it('writes the composer language prefixes when asked, English by default', () => {
    expect(replySubject('Re: Hej', 'sv')).toBe('Sv: Hej');
    expect(forwardSubject('Sv: Hej', 'sv')).toBe('VB: Hej');
    expect(replySubject('Hallo', 'de')).toBe('AW: Hallo');
    expect(forwardSubject('AW: Hallo', 'de')).toBe('WG: Hallo');
    expect(forwardSubject('Salut', 'fr')).toBe('TR: Salut');
    expect(replySubject('Hoi', 'nl')).toBe('Antw: Hoi');
    expect(subjectLanguageOf('sv-SE')).toBe('sv');
    expect(subjectLanguageOf('no')).toBe('nb');
    expect(subjectLanguageOf('ja')).toBe('en');
    expect(subjectLanguageOf(undefined)).toBe('en');
  });

  it('ends on a pathological subject', () => {
    expect(baseSubject(`${'Re: '.repeat(10_000)}Hej`).endsWith('Hej')).toBe(true);
  });
});
