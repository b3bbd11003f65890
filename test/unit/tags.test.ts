import { describe, expect, it } from 'vitest';
import { isTagKeyword, isValidKeyword, keywordForTagSearch, knownLabel } from '../../shared/tags';

describe('tags', () => {
  it.each([
    ['$label1', true],
    ['Q3-review', true],
    ['Räksmörgås', false],
    ['two words', false],
    ['\\Seen', false],
    ['a(b', false],
    ['star*', false],
    ['50%', false],
    ['"quoted"', false],
    ['x]', false],
    ['', false],
    ['x'.repeat(65), false],
  ])('%j is a keyword a server takes: %s', (keyword, valid) => {
    expect(isValidKeyword(keyword)).toBe(valid);
  });

  it.each([
    ['$label2', true],
    ['Project-X', true],
    ['$Forwarded', false],
    ['$MDNSent', false],
    ['Junk', false],
    ['NonJunk', false],
    ['$NotJunk', false],
    ['$MailFlagBit0', false],
  ])('%j is shown as a tag: %s', (keyword, shown) => {
    expect(isTagKeyword(keyword)).toBe(shown);
  });

  it('knows Thunderbird’s five labels by keyword, in any case', () => {
    expect(knownLabel('$Label4')?.id).toBe('todo');
    expect(knownLabel('$label6')).toBeUndefined();
  });

  it.each([
    ['work', '$label2'],
    ['To-Do', '$label4'],
    ['todo', '$label4'],
    ['arbete', '$label2'],
    ['Att-göra', '$label4'],
    ['IMPORTANT', '$label1'],
    ['Project-X', 'project-x'],
    ['$label5', '$label5'],
  ])('tag:%s looks for %s', (word, keyword) => {
    expect(keywordForTagSearch(word)).toBe(keyword);
  });
});
