import { describe, expect, it } from 'vitest';
import { FOLDER_NAME_MAX_LENGTH, folderNameProblem } from '../../shared/folder-name-rules';

describe('folderNameProblem', () => {
  it('accepts an ordinary name, also with spaces and letters beyond ASCII', () => {
    expect(folderNameProblem('Kvitton 2026', '/', true)).toBeNull();
    expect(folderNameProblem('Résumés', '.', false)).toBeNull();
  });

  it('names what is wrong with a name the server could not hold as one folder', () => {
    expect(folderNameProblem('   ', '/', true)).toBe('empty');
    expect(folderNameProblem('a/b', '/', true)).toBe('delimiter');
    expect(folderNameProblem('a.b', '.', false)).toBe('delimiter');
    expect(folderNameProblem('a.b', '/', false)).toBeNull();
    expect(folderNameProblem('50%', '/', true)).toBe('wildcard');
    expect(folderNameProblem('a\tb', '/', true)).toBe('control');
    expect(folderNameProblem('x'.repeat(FOLDER_NAME_MAX_LENGTH + 1), '/', true)).toBe('too-long');
  });

  it('keeps INBOX for the Inbox at the top level only', () => {
    expect(folderNameProblem('inbox', '/', true)).toBe('inbox');
    expect(folderNameProblem('inbox', '/', false)).toBeNull();
  });
});
