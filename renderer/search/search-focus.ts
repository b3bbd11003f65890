// "/" (the keymap's search action) puts the cursor in the search field from anywhere.
export const SEARCH_FIELD_ID = 'mail-search-field';

export function focusSearchField(): boolean {
  const field = document.getElementById(SEARCH_FIELD_ID);
  if (!(field instanceof HTMLInputElement)) return false;
  field.focus();
  field.select();
  return document.activeElement === field;
}
