// "Save as .eml" in the desktop app: the shell's save dialog is offered the subject's file name,
// the raw message is written where the user chose and nowhere when the dialog is cancelled, and
// only this method (besides opening attachments) is answered by the shell instead of the core.
import { describe, expect, it, vi } from 'vitest';
import type { MailService } from '../../electron/core/service-api';
import { withDesktopMethods } from '../../electron/shell/open-attachment';
import { saveEmlWithDialog } from '../../electron/shell/save-eml';

const RAW = Buffer.from('Subject: Hi\r\n\r\nBody\r\n');

function fakeService() {
  const call = vi.fn(async (method: string, input: unknown) => {
    if (method === 'message.raw') {
      expect(input).toEqual({ id: 9 });
      return { filename: 'Hi.eml', dataBase64: RAW.toString('base64') };
    }
    return { outcome: 'unsupported' };
  });
  return { call: call as unknown as MailService['call'], calls: call };
}

describe('saveEmlWithDialog', () => {
  it('writes the raw message where the user chose', async () => {
    const service = fakeService();
    const askWhere = vi.fn(async () => '/chosen/Hi.eml');
    const write = vi.fn(async () => undefined);
    expect(await saveEmlWithDialog({ service, askWhere, write }, { id: 9 })).toEqual({ outcome: 'saved' });
    expect(askWhere).toHaveBeenCalledWith('Hi.eml');
    expect(write).toHaveBeenCalledWith('/chosen/Hi.eml', RAW);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const write = vi.fn(async () => undefined);
    const result = await saveEmlWithDialog(
      { service: fakeService(), askWhere: async () => undefined, write },
      { id: 9 },
    );
    expect(result).toEqual({ outcome: 'cancelled' });
    expect(write).not.toHaveBeenCalled();
  });

  it('refuses an input that is not a message id, before asking anything', async () => {
    const askWhere = vi.fn(async () => '/x.eml');
    await expect(saveEmlWithDialog({ service: fakeService(), askWhere }, { id: 'nine' })).rejects.toThrow(/not valid/);
    expect(askWhere).not.toHaveBeenCalled();
  });
});

describe('the desktop methods', () => {
  it('answer message.saveEml in the shell when it has a save dialog, and pass it on when it has none', async () => {
    const service = { ...fakeService(), onEvent: () => () => undefined };
    const askWhere = vi.fn(async () => undefined);
    const withDialog = withDesktopMethods(service as unknown as MailService, {
      profileDir: '/nowhere',
      openPath: async () => '',
      askWhere,
    });
    expect(await withDialog.call('message.saveEml', { id: 9 })).toEqual({ outcome: 'cancelled' });
    expect(askWhere).toHaveBeenCalledOnce();

    const without = withDesktopMethods(service as unknown as MailService, {
      profileDir: '/nowhere',
      openPath: async () => '',
    });
    expect(await without.call('message.saveEml', { id: 9 })).toEqual({ outcome: 'unsupported' });
  });
});
