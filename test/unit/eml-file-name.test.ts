import { describe, expect, it } from 'vitest';
import { emlFileName } from '../../shared/eml-file-name';

describe('emlFileName', () => {
  it.each([
    ['Report: Q1/Q2', 'Report Q1 Q2.eml'],
    ['  Hello  world  ', 'Hello world.eml'],
    ['..hidden', 'hidden.eml'],
    ['a\\b*c?d"e<f>g|h', 'a b c d e f g h.eml'],
    ['tab\tand\nnewline', 'tab and newline.eml'],
    ['', 'message.eml'],
    ['///', 'message.eml'],
    ['Räksmörgås 日本', 'Räksmörgås 日本.eml'],
  ])('%j is saved as %j', (subject, name) => {
    expect(emlFileName(subject)).toBe(name);
  });

  it('cuts a long subject to a name every file system takes', () => {
    expect(emlFileName('x'.repeat(500))).toBe(`${'x'.repeat(120)}.eml`);
  });
});
