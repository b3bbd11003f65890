// What a new folder name may be, checked the same way by the dialog (to say so while typing)
// and by the engine (which trusts no caller). The hierarchy delimiter would make the name a
// path; % and * are LIST wildcards (RFC 3501 5.1), so a folder named with them cannot be listed
// on its own.

export const FOLDER_NAME_MAX_LENGTH = 200;

export type FolderNameProblem = 'empty' | 'delimiter' | 'wildcard' | 'too-long' | 'control' | 'inbox';

export function folderNameProblem(name: string, delimiter: string, topLevel: boolean): FolderNameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > FOLDER_NAME_MAX_LENGTH) return 'too-long';
  if (delimiter !== '' && trimmed.includes(delimiter)) return 'delimiter';
  if (/[%*]/.test(trimmed)) return 'wildcard';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return 'control';
  if (topLevel && trimmed.toUpperCase() === 'INBOX') return 'inbox';
  return null;
}
