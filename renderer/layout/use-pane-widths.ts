// Pane widths that survive a restart and always fit the window.
import { useCallback, useEffect, useState } from 'react';
import { type PaneName, type PaneWidths, clampWidths, parsePaneWidths, setPaneWidth } from './pane-widths';

const STORAGE_KEY = 'mail.paneWidths';

function readSaved(): PaneWidths {
  try {
    return parsePaneWidths(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return parsePaneWidths(null);
  }
}

export function usePaneWidths(containerWidth: number): {
  widths: PaneWidths;
  resize: (pane: PaneName, width: number) => void;
} {
  const [requested, setRequested] = useState<PaneWidths>(readSaved);
  const widths = containerWidth > 0 ? clampWidths(requested, containerWidth) : requested;

  const resize = useCallback(
    (pane: PaneName, width: number) => {
      setRequested((previous) => setPaneWidth(clampWidths(previous, containerWidth), pane, width, containerWidth));
    },
    [containerWidth],
  );

  useEffect(() => {
    const timer = window.setTimeout(() => {
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(requested));
      } catch {
        // Not saved: the widths last for this session.
      }
    }, 300);
    return () => window.clearTimeout(timer);
  }, [requested]);

  return { widths, resize };
}
