import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { EventListener, MailService } from '../../electron/core/service-api';
import { ServiceError } from '../../electron/core/service-error';
import { answerInvoke, isTrustedInvoke, wireIpc } from '../../electron/shell/ipc';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../electron/shell/ipc-channels';

vi.mock('electron', () => ({}));

function fakeService(call: MailService['call'] = vi.fn(async () => [] as never)) {
  const listeners = new Set<EventListener>();
  const service: MailService = {
    call,
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    settled: vi.fn(async () => undefined),
    close: vi.fn(async () => undefined),
  };
  return {
    service,
    emit: (name: 'mailboxes.changed', payload: { accountId: string }) => listeners.forEach((l) => l(name, payload)),
    listeners,
  };
}

const ourContents = { id: 1 } as unknown as WebContents;

const otherContents = { id: 2 } as unknown as WebContents;

const isOurWindow = (c: WebContents) => c === ourContents;

function invokeEvent(url: string | null, options: { sender?: WebContents; subFrame?: boolean } = {}) {
  return {
    sender: options.sender ?? ourContents,
    senderFrame: url === null ? null : { url, parent: options.subFrame ? {} : null },
  } as unknown as IpcMainInvokeEvent;
}

describe('answerInvoke', () => {
  it('passes a contract method and its input to the service', async () => {
    const call = vi.fn(async () => [{ id: 'a' }] as never);
    const { service } = fakeService(call);
    expect(await answerInvoke(service, 'accounts.list', {})).toEqual({ ok: true, result: [{ id: 'a' }] });
    expect(call).toHaveBeenCalledWith('accounts.list', {});
  });

  it('refuses a method that is not in the contract without calling the service', async () => {
    const call = vi.fn();
    const { service } = fakeService(call);
    for (const method of ['constructor', '__proto__', 'toString', 'accounts.list ', 42, null]) {
      const reply = await answerInvoke(service, method, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(call).not.toHaveBeenCalled();
  });

  it("returns the service's error as a ContractError shape", async () => {
    const { service } = fakeService(async () => {
      throw new ServiceError('not-found', 'The message was not found.');
    });
    expect(await answerInvoke(service, 'message.body', { id: 1 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'The message was not found.' },
    });
  });
});

describe('isTrustedInvoke', () => {
  it('trusts the top frame of our window showing app://mail', () => {
    expect(isTrustedInvoke(invokeEvent('app://mail/index.html'), isOurWindow)).toBe(true);
  });

  it('refuses the message body iframe, other windows, other pages and a gone frame', () => {
    expect(isTrustedInvoke(invokeEvent('about:srcdoc', { subFrame: true }), isOurWindow)).toBe(false);
    expect(isTrustedInvoke(invokeEvent('app://mail/index.html', { subFrame: true }), isOurWindow)).toBe(false);
    expect(isTrustedInvoke(invokeEvent('app://mail/index.html', { sender: otherContents }), isOurWindow)).toBe(false);
    expect(isTrustedInvoke(invokeEvent('https://evil.example/'), isOurWindow)).toBe(false);
    expect(isTrustedInvoke(invokeEvent(null), isOurWindow)).toBe(false);
  });
});

describe('wireIpc', () => {
  function setUp() {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
    const ipcMain = {
      handle: vi.fn((channel: string, h: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) =>
        handlers.set(channel, h),
      ),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    };
    const call = vi.fn(async () => ({ ok: true }) as never);
    const fake = fakeService(call);
    const send = vi.fn();
    const contents = { send, isDestroyed: () => false } as unknown as WebContents;
    const destroyed = { send: vi.fn(), isDestroyed: () => true } as unknown as WebContents;
    const wiring = wireIpc(ipcMain, fake.service, { isOurWindow, all: () => [contents, destroyed] });
    return { handlers, ipcMain, call, fake, send, destroyed, wiring };
  }

  it('answers a trusted invoke through the service', async () => {
    const { handlers, call } = setUp();
    const reply = await handlers.get(INVOKE_CHANNEL)!(invokeEvent('app://mail/index.html'), 'sync.now', {});
    expect(reply).toEqual({ ok: true, result: { ok: true } });
    expect(call).toHaveBeenCalledWith('sync.now', {});
  });

  it('refuses an untrusted sender without touching the service', async () => {
    const { handlers, call } = setUp();
    const reply = await handlers.get(INVOKE_CHANNEL)!(invokeEvent('about:srcdoc', { subFrame: true }), 'sync.now', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(call).not.toHaveBeenCalled();
  });

  it('forwards service events to every live window and stops on dispose', () => {
    const { fake, send, destroyed, wiring, ipcMain } = setUp();
    fake.emit('mailboxes.changed', { accountId: 'a' });
    expect(send).toHaveBeenCalledWith(EVENT_CHANNEL, 'mailboxes.changed', { accountId: 'a' });
    expect(destroyed.send).not.toHaveBeenCalled();
    wiring.dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(INVOKE_CHANNEL);
    expect(fake.listeners.size).toBe(0);
  });
});
