// The rich body: a contenteditable region (role=textbox "Body") under its formatting toolbar.
// It is uncontrolled (React never rewrites what the user is typing in), reports its HTML on
// every input, and lets nothing unsafe in: pasted and dropped HTML is sanitized first, pasted
// or dropped files become attachments instead of inline content.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applyFormat,
  insertLink,
  linkAtCaret,
  NO_FORMAT,
  readFormatState,
  saveSelection,
  shortcutCommand,
  type FormatCommand,
  type FormatState,
} from './editor-commands';
import { escapeHtml, sanitizeEditorHtml } from './editor-html';
import { FormatToolbar } from './FormatToolbar';
import { LinkField } from './LinkField';

export interface RichTextEditorHandle {
  focusStart(): void;
  focus(): void;
}

interface RichTextEditorProps {
  /** The HTML to start with (sanitized here again: it may come from another client's draft). */
  initialHtml: string;
  onChange: (html: string) => void;
  /** Files pasted (`pasted`: they come without a name of their own) or dropped into the text. */
  onFiles: (files: File[], pasted: boolean) => void;
  /** Controls for the end of the toolbar. */
  toolbarExtras?: ReactNode;
}

function insertAtPoint(x: number, y: number): void {
  const range = document.caretRangeFromPoint?.(x, y);
  const selection = document.getSelection();
  if (!range || !selection) return;
  selection.removeAllRanges();
  selection.addRange(range);
}

export const RichTextEditor = forwardRef<RichTextEditorHandle, RichTextEditorProps>(function RichTextEditor(
  { initialHtml, onChange, onFiles, toolbarExtras },
  handle,
) {
  const { t } = useTranslation();
  const editor = useRef<HTMLDivElement>(null);
  const [format, setFormat] = useState<FormatState>(NO_FORMAT);
  const [linking, setLinking] = useState<{ saved: Range | null; initial: string } | null>(null);

  useImperativeHandle(handle, () => ({
    focus: () => editor.current?.focus(),
    focusStart: () => {
      const element = editor.current;
      if (!element) return;
      element.focus();
      const range = document.createRange();
      range.setStart(element, 0);
      range.collapse(true);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    },
  }));

  // Set once: from then on the DOM is the editor's own.
  useEffect(() => {
    const element = editor.current;
    if (!element) return;
    // An empty editor starts with a paragraph, so the first line is one like every other.
    element.innerHTML = sanitizeEditorHtml(initialHtml) || '<p><br></p>';
    // Enter makes a paragraph, as in the HTML the engine and other clients write.
    document.execCommand('defaultParagraphSeparator', false, 'p');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the first content only: later renders must not overwrite what the user typed
  }, []);

  const refresh = useCallback(() => {
    if (editor.current) setFormat(readFormatState(editor.current));
  }, []);

  useEffect(() => {
    document.addEventListener('selectionchange', refresh);
    return () => document.removeEventListener('selectionchange', refresh);
  }, [refresh]);

  const changed = () => {
    // The browser's own editing adds styles of its choosing (createLink, insertHTML): what leaves
    // the editor is held to the same subset as what enters it.
    if (editor.current) onChange(sanitizeEditorHtml(editor.current.innerHTML));
    refresh();
  };

  const run = (command: FormatCommand) => {
    const element = editor.current;
    if (!element) return;
    if (command === 'link') {
      setLinking({ saved: saveSelection(element), initial: linkAtCaret(element) });
      return;
    }
    applyFormat(element, command);
    changed();
  };

  const insertClipboard = (data: DataTransfer): boolean => {
    const files = [...data.files];
    if (files.length > 0) {
      onFiles(files, true);
      return true;
    }
    const html = data.getData('text/html');
    if (html) {
      document.execCommand('insertHTML', false, sanitizeEditorHtml(html));
      return true;
    }
    const text = data.getData('text/plain');
    if (text) {
      // as text, never as markup; line breaks kept
      document.execCommand('insertHTML', false, escapeHtml(text).replace(/\r?\n/g, '<br>'));
      return true;
    }
    return false;
  };

  return (
    <div className="rich-editor">
      <FormatToolbar state={format} onCommand={run}>
        {toolbarExtras}
      </FormatToolbar>
      {linking && (
        <LinkField
          initial={linking.initial}
          onCancel={() => {
            setLinking(null);
            editor.current?.focus();
          }}
          onSubmit={(address) => {
            if (!editor.current || !insertLink(editor.current, linking.saved, address)) return false;
            setLinking(null);
            changed();
            return true;
          }}
        />
      )}
      <div
        ref={editor}
        className="composer-body rich-editor-body"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label={t('composer.body')}
        spellCheck
        onInput={changed}
        onKeyDown={(event) => {
          const command = shortcutCommand(event);
          if (!command) return;
          // Handled here, so Ctrl/Cmd+K links rather than opening the command palette.
          event.preventDefault();
          event.stopPropagation();
          run(command);
        }}
        onPaste={(event) => {
          event.preventDefault();
          if (insertClipboard(event.clipboardData)) changed();
        }}
        onDragOver={(event) => event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault();
          if (event.dataTransfer.files.length > 0) {
            // the composer's drop target takes files; stop here so they are not added twice
            event.stopPropagation();
            onFiles([...event.dataTransfer.files], false);
            return;
          }
          insertAtPoint(event.clientX, event.clientY);
          if (insertClipboard(event.dataTransfer)) changed();
        }}
      />
    </div>
  );
});
