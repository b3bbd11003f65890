// One measured figure: its value, its target and the verdict. Figures without a target are
// shown as info; a measurement that could not run is an error row, never a silent gap.
export type Status = 'PASS' | 'FAIL' | 'info' | 'pending' | 'error';
export type Unit = 'ms' | 'msg/s' | 'ratio' | 'MB' | 'B/msg' | 'count';

export interface Figure {
  id: string;
  label: string;
  value: number | null;
  unit: Unit | null;
  /** The value as printed. */
  shown: string;
  /** The target as printed ('—' when there is none). */
  target: string;
  status: Status;
  note?: string;
}

export function format(value: number, unit: Unit): string {
  const digits = (x: number) => (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2);
  switch (unit) {
    case 'ms':
      return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(digits(value))} ms`;
    case 'msg/s':
      return `${Math.round(value).toLocaleString('en-US')} msg/s`;
    case 'ratio':
      return value.toFixed(2);
    case 'MB':
      return `${value.toFixed(Math.abs(value) >= 100 ? 0 : 1)} MB`;
    case 'B/msg':
      return `${Math.round(value).toLocaleString('en-US')} B/msg`;
    case 'count':
      return Math.round(value).toLocaleString('en-US');
  }
}

type Base = { id: string; label: string; note?: string };

export function atMost(f: Base & { value: number; unit: Unit; limit: number }): Figure {
  return figure(f, f.value <= f.limit, `≤ ${format(f.limit, f.unit)}`);
}

export function atLeast(f: Base & { value: number; unit: Unit; limit: number }): Figure {
  return figure(f, f.value >= f.limit, `≥ ${format(f.limit, f.unit)}`);
}

function figure(f: Base & { value: number; unit: Unit }, pass: boolean, target: string): Figure {
  const ok = Number.isFinite(f.value);
  return {
    id: f.id,
    label: f.label,
    value: ok ? f.value : null,
    unit: f.unit,
    shown: ok ? format(f.value, f.unit) : 'n/a',
    target,
    status: ok ? (pass ? 'PASS' : 'FAIL') : 'error',
    ...(f.note ? { note: f.note } : {}),
  };
}

export function info(f: Base & { value: number; unit: Unit }): Figure {
  return { ...figure(f, true, '—'), status: Number.isFinite(f.value) ? 'info' : 'error' };
}

export function pending(f: Base & { target: string; shown: string }): Figure {
  return { ...f, value: null, unit: null, status: 'pending' };
}

/** A measurement that threw: its rows say so, with the reason. */
export function failed(ids: readonly { id: string; label: string; target: string }[], error: unknown): Figure[] {
  const reason = error instanceof Error ? error.message : String(error);
  return ids.map((f) => ({ ...f, value: null, unit: null, shown: 'not measured', status: 'error', note: reason }));
}
