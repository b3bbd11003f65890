// A draggable, keyboard-operable separator between two panes (WAI-ARIA window splitter):
// arrows move it by 16 px (64 with Shift), Home/End jump to the limits.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface PaneSeparatorProps {
  label: string;
  controls: string;
  value: number;
  min: number;
  max: number;
  onResize: (width: number) => void;
}

const STEP = 16;
const BIG_STEP = 64;

export function PaneSeparator({ label, controls, value, min, max, onResize }: PaneSeparatorProps) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { startX: event.clientX, startWidth: value };
    document.body.classList.add('is-resizing');
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onResize(drag.current.startWidth + event.clientX - drag.current.startX);
  };
  const endDrag = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current = null;
    document.body.classList.remove('is-resizing');
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const next: Record<string, number> = {
      ArrowLeft: value - step,
      ArrowRight: value + step,
      ArrowUp: value + step,
      ArrowDown: value - step,
      Home: min,
      End: max,
    };
    const width = next[event.key];
    if (width === undefined) return;
    event.preventDefault();
    onResize(width);
  };

  return (
    <div
      className="pane-separator"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onKeyDown={onKeyDown}
    />
  );
}
