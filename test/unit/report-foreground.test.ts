// The window tells the engine when it comes to the front and when it leaves, once per change.
import { describe, expect, it } from 'vitest';
import type { Transport } from '../../shared/contract';
import { reportForeground } from '../../renderer/app/report-foreground';

function fakeWindow() {
  const win = new EventTarget() as EventTarget & { document: EventTarget & Record<string, unknown> };
  const doc = new EventTarget() as EventTarget & Record<string, unknown>;
  let focused = true;
  doc.visibilityState = 'visible';
  doc.hasFocus = () => focused;
  win.document = doc;
  return {
    win: win as unknown as Window,
    focus(on: boolean) {
      focused = on;
      win.dispatchEvent(new Event(on ? 'focus' : 'blur'));
    },
    hide() {
      doc.visibilityState = 'hidden';
      doc.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('reportForeground', () => {
  it('reports each change of foreground once, and stops when disposed', async () => {
    const calls: unknown[] = [];
    const transport = {
      invoke: (method: string, input: unknown) => {
        calls.push([method, input]);
        return Promise.resolve({ ok: true });
      },
    } as unknown as Transport;
    const w = fakeWindow();
    const stop = reportForeground(transport, w.win);
    w.focus(true); // no change
    w.focus(false);
    w.focus(true);
    w.hide();
    stop();
    w.focus(false);
    expect(calls).toEqual([
      ['sync.foreground', { foreground: true }],
      ['sync.foreground', { foreground: false }],
      ['sync.foreground', { foreground: true }],
      ['sync.foreground', { foreground: false }],
    ]);
  });
});
