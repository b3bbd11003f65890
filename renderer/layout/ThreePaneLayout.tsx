// Folders | message list | reading pane, with two resizable separators. The reading pane
// takes whatever width is left and never shrinks below its minimum.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PaneSeparator } from './PaneSeparator';
import { PANE_LIMITS, maxWidth } from './pane-widths';
import { usePaneWidths } from './use-pane-widths';
import './layout.css';

interface ThreePaneLayoutProps {
  sidebar: ReactNode;
  list: ReactNode;
  reading: ReactNode;
}

export function ThreePaneLayout({ sidebar, list, reading }: ThreePaneLayoutProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [containerWidth, setContainerWidth] = useState(0);
  const { widths, resize } = usePaneWidths(containerWidth);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setContainerWidth(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setContainerWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const width = containerWidth || window.innerWidth;
  return (
    <div
      ref={ref}
      className="three-pane"
      style={{ gridTemplateColumns: `${widths.sidebar}px 0 ${widths.list}px 0 minmax(0, 1fr)` }}
    >
      <div id="pane-sidebar" className="pane pane-sidebar">
        {sidebar}
      </div>
      <PaneSeparator
        label={t('layout.resizeSidebar')}
        controls="pane-sidebar"
        value={widths.sidebar}
        min={PANE_LIMITS.sidebar.min}
        max={maxWidth('sidebar', widths, width)}
        onResize={(value) => resize('sidebar', value)}
      />
      <div id="pane-list" className="pane pane-list">
        {list}
      </div>
      <PaneSeparator
        label={t('layout.resizeList')}
        controls="pane-list"
        value={widths.list}
        min={PANE_LIMITS.list.min}
        max={maxWidth('list', widths, width)}
        onResize={(value) => resize('list', value)}
      />
      <div id="pane-reading" className="pane pane-reading">
        {reading}
      </div>
    </div>
  );
}
