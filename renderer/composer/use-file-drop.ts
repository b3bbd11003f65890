// Files dragged over the composer: while they hover, `dropping` shows the drop target; dropped,
// they go to `onFiles`. Anything else dragged (text, links) is left to the editor.
import { useState, type DragEvent } from 'react';

const hasFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');

export function useFileDrop(onFiles: (files: File[]) => void) {
  const [dropping, setDropping] = useState(false);
  return {
    dropping,
    handlers: {
      onDragOver: (event: DragEvent<HTMLElement>) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      },
      onDragLeave: (event: DragEvent<HTMLElement>) => {
        // leaving for one of its own children is not leaving
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
      },
      onDrop: (event: DragEvent<HTMLElement>) => {
        setDropping(false);
        if (!hasFiles(event)) return;
        event.preventDefault();
        onFiles([...event.dataTransfer.files]);
      },
    },
  };
}
