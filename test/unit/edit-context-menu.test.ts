import { describe, expect, it, vi } from 'vitest';
import { editContextMenuTemplate } from '../../electron/shell/edit-context-menu';

describe('editContextMenuTemplate', () => {
  it('offers the spelling suggestions first, each replacing the misspelt word', () => {
    const replace = vi.fn();
    const template = editContextMenuTemplate(
      { isEditable: true, misspelledWord: 'recieve', dictionarySuggestions: ['receive', 'relieve'] },
      replace,
    )!;
    expect(template.slice(0, 3).map((item) => item.label ?? item.type)).toEqual(['receive', 'relieve', 'separator']);
    template[0]!.click!({} as never, undefined, {} as never);
    expect(replace).toHaveBeenCalledWith('receive');
    expect(template.map((item) => item.role).filter(Boolean)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('has only the edit roles on a correct word, and nothing outside text fields', () => {
    const template = editContextMenuTemplate(
      { isEditable: true, misspelledWord: '', dictionarySuggestions: [] },
      vi.fn(),
    );
    expect(template?.[0]?.role).toBe('undo');
    expect(
      editContextMenuTemplate({ isEditable: false, misspelledWord: 'x', dictionarySuggestions: ['y'] }, vi.fn()),
    ).toBeNull();
  });
});
