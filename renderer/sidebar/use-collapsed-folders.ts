// Which folders (and accounts) are collapsed in the sidebar; remembered across restarts.
import { useCallback, useState } from 'react';

const STORAGE_KEY = 'mail.collapsedFolders';

function readSaved(): Set<string> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((key): key is string => typeof key === 'string') : []);
  } catch {
    return new Set();
  }
}

export function useCollapsedFolders(): [ReadonlySet<string>, (key: string, collapsed: boolean) => void] {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(readSaved);
  const setOne = useCallback((key: string, value: boolean) => {
    setCollapsed((previous) => {
      if (previous.has(key) === value) return previous;
      const next = new Set(previous);
      if (value) next.add(key);
      else next.delete(key);
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify([...next]));
      } catch {
        // Remembered for this session only.
      }
      return next;
    });
  }, []);
  return [collapsed, setOne];
}
