// The rich body: a contenteditable region (role=textbox "Body") under its formatting toolbar.
// It is uncontrolled (React never rewrites what the user is typing in), reports its HTML on
// every input, and lets nothing unsafe in: pasted and dropped HTML is sanitized first; pasted
// or dropped pictures go into the text where they were put (inline-images.ts checks them), and
// other files become attachments.
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
import { INLINE_IMAGE_LIMIT_MB, inlineImageProblem, isPicture, readAsDataUrl } from './inline-image-intake';
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
  const [imageError, setImageError] = useState<string | null>(null);

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

  /** Pictures into the text at the caret (read first, so the caret is kept meanwhile). */
  const insertPictures = async (pictures: File[]) => {
    const element = editor.current;
    if (!element) return;
    const saved = saveSelection(element);
    const messages: string[] = [];
    const urls: string[] = [];
    for (const picture of pictures) {
      const problem = inlineImageProblem(picture);
      if (problem) {
        messages.push(t(`inlineImages.${problem.kind}`, { name: picture.name, limit: INLINE_IMAGE_LIMIT_MB }));
        continue;
      }
      try {
        urls.push(await readAsDataUrl(picture));
      } catch (failure) {
        messages.push(t('inlineImages.unreadable', { reason: (failure as Error).message }));
      }
    }
    setImageError(messages.length > 0 ? messages.join(' ') : null);
    if (urls.length === 0) return;
    element.focus();
    const selection = document.getSelection();
    if (saved && selection) {
      selection.removeAllRanges();
      selection.addRange(saved);
    }
    const html = urls.map((url) => `<img src="${url}" alt="">`).join('');
    document.execCommand('insertHTML', false, sanitizeEditorHtml(html));
    changed();
  };

  /** Files pasted or dropped: pictures into the text, anything else attached. */
  const takeFiles = (files: File[], pasted: boolean) => {
    const pictures = files.filter(isPicture);
    const others = files.filter((file) => !isPicture(file));
    if (others.length > 0) onFiles(others, pasted);
    if (pictures.length > 0) void insertPictures(pictures);
  };

  const insertClipboard = (data: DataTransfer): boolean => {
    const files = [...data.files];
    if (files.length > 0) {
      takeFiles(files, true);
      return false;
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
            insertAtPoint(event.clientX, event.clientY);
            takeFiles([...event.dataTransfer.files], false);
            return;
          }
          insertAtPoint(event.clientX, event.clientY);
          if (insertClipboard(event.dataTransfer)) changed();
        }}
      />
      {imageError && (
        <p className="composer-hint composer-error" role="alert">
          {imageError}
        </p>
      )}
    </div>
  );
});
