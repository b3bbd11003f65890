// Dragging a message out of the desktop app: the shell writes the raw message to a private file
// when the handle is pressed and hands that file to Electron's drag when it starts. Electron is
// not needed: webContents.startDrag arrives as a function (recorded here).
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPENED_ATTACHMENTS_DIR } from '../../electron/core/opened-attachments';
import type { MailService } from '../../electron/core/service-api';
import { createDragOut } from '../../electron/shell/drag-out-file';
import { withDesktopMethods } from '../../electron/shell/open-attachment';

let profileDir = '';
beforeEach(() => {
  profileDir = mkdtempSync(path.join(tmpdir(), 'drag-out-'));
});
afterEach(() => rmSync(profileDir, { recursive: true, force: true }));

const RAW = Buffer.from('From: a@example.test\r\nSubject: Budget: Q3\r\n\r\nNumbers.\r\n');

function fakeService() {
  const call = vi.fn(async (method: string, input: unknown) => {
    if (method === 'message.raw') {
      expect(input).toEqual({ id: 7 });
      return { filename: 'Budget_ Q3.eml', dataBase64: RAW.toString('base64') };
    }
    return { outcome: 'unsupported' };
  });
  return { call: call as unknown as MailService['call'], calls: call };
}

describe('drag out as an .eml file (desktop shell)', () => {
  it('writes the raw message on press, byte for byte, privately, and drags that file at the start', async () => {
    const service = fakeService();
    const dragged: string[] = [];
    const dragOut = createDragOut({
      service,
      profileDir,
      startDrag: (file) => dragged.push(file),
      zoneMark: { platform: 'linux' },
    });

    expect(await dragOut.prepare({ id: 7 })).toEqual({ outcome: 'ready' });
    expect(dragged).toEqual([]);
    expect(await dragOut.start({ id: 7 })).toEqual({ outcome: 'started' });
    expect(dragged).toHaveLength(1);
    const file = dragged[0]!;
    expect(path.basename(file)).toBe('Budget_ Q3.eml');
    expect(file.startsWith(path.join(profileDir, OPENED_ATTACHMENTS_DIR))).toBe(true);
    expect(readFileSync(file).equals(RAW)).toBe(true);
    // pressed once, dragged once: one fetch of the message
    expect(service.calls).toHaveBeenCalledTimes(1);

    // a drop target moved the copy away: the next drag writes it again
    unlinkSync(file);
    await dragOut.start({ id: 7 });
    expect(dragged).toHaveLength(2);
    expect(existsSync(dragged[1]!)).toBe(true);
    expect(service.calls).toHaveBeenCalledTimes(2);
  });

  it('refuses an input that names no message, and drags nothing when the message cannot be had', async () => {
    const dragged: string[] = [];
    const failing = { call: (async () => Promise.reject(new Error('gone'))) as unknown as MailService['call'] };
    const dragOut = createDragOut({ service: failing, profileDir, startDrag: (file) => dragged.push(file) });
    await expect(dragOut.start({ id: 'seven' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(dragOut.start({ id: 7 })).rejects.toThrow('gone');
    expect(dragged).toEqual([]);
  });

  it('is answered by the desktop shell only when it can drag, else by the core (unsupported)', async () => {
    const service = fakeService();
    const dragged: string[] = [];
    const core = { ...service, onEvent: () => () => undefined } as unknown as MailService;
    const withDrag = withDesktopMethods(core, {
      profileDir,
      openPath: async () => '',
      startDrag: (file) => dragged.push(file),
      zoneMark: { platform: 'linux' },
    });
    expect(await withDrag.call('message.startDragFile', { id: 7 })).toEqual({ outcome: 'started' });
    expect(dragged).toHaveLength(1);
    const without = withDesktopMethods(core, { profileDir, openPath: async () => '' });
    expect(await without.call('message.startDragFile', { id: 7 })).toEqual({ outcome: 'unsupported' });
  });
});
