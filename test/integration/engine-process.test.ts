// The engine in a process of its own (electron/engine.ts, as the browser shell forks it): the same
// contract answered from there, the shell's cipher asked across the boundary, events relayed, and
// an engine that dies reported to every caller instead of leaving the window waiting.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyFileCipher } from '../../electron/core/accounts/key-file-cipher';
import type { SecretCipher } from '../../electron/core/accounts/secret-cipher';
import { ServiceError } from '../../electron/core/service-error';
import { connectEngine } from '../../electron/shell/engine-client';
import { ENGINE_V8_FLAGS, engineFlags } from '../../electron/shell/engine-flags';
import { forkEngine, startEngineProcess } from '../../electron/shell/engine-process';
import { getMailServer } from '../mailserver/inject';
import { accountSettings, otherDevice } from '../support/core-harness';
import { buildEngineEntry } from '../support/engine-entry';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';

const server = getMailServer();
let entry: string;
const removals: string[] = [];

beforeAll(async () => {
  // inside the project (.tmp/ is git-ignored), so the bundle's bare imports find node_modules
  mkdirSync(path.resolve('.tmp'), { recursive: true });
  const dir = mkdtempSync(path.resolve('.tmp', 'engine-process-'));
  removals.push(dir);
  entry = await buildEngineEntry(dir);
});

afterAll(() => {
  for (const dir of removals) rmSync(dir, { recursive: true, force: true });
});

function profile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mail-engine-process-'));
  removals.push(dir);
  return dir;
}

/** The real key-file cipher, recording which accounts' secrets it sealed and opened. */
function recordingCipher(dir: string) {
  const cipher = new KeyFileCipher(path.join(dir, 'secret.key'));
  const sealed: string[] = [];
  const opened: string[] = [];
  const recording: SecretCipher = {
    id: cipher.id,
    strength: cipher.strength,
    encrypt: (plain, accountId) => (sealed.push(accountId), cipher.encrypt(plain, accountId)),
    decrypt: (bytes, accountId, recorded) => (opened.push(accountId), cipher.decrypt(bytes, accountId, recorded)),
  };
  return { cipher: recording, sealed, opened };
}

describe('the engine in its own process', () => {
  it('answers the contract, relays events and asks the shell to seal and open secrets', async () => {
    const user = await createMailUser(server, 'engine-proc');
    const device = await otherDevice(server, user);
    await device.append('INBOX', 'Subject: from afar\r\nFrom: a@example.test\r\n\r\nHello\r\n');
    await device.logout();
    const dataDir = profile();
    const { cipher, sealed, opened } = recordingCipher(dataDir);
    const options = { dataDir, trustedCa: [server.caPem], defaultSyncIntervalSeconds: 2, offlineBodies: false };
    const service = await startEngineProcess({ entry, options, cipher });
    const events: string[] = [];
    service.onEvent((event) => events.push(event));
    const account = await service.call('accounts.add', {
      settings: accountSettings(server, user),
      password: user.password,
    });
    // the password was sealed here, by the shell's cipher, not in the engine's process
    expect(sealed).toEqual([account.id]);
    const inbox = await waitFor(
      async () => (await service.call('mailboxes.list', { accountId: account.id })).find((m) => m.path === 'INBOX'),
      { what: 'the INBOX' },
    );
    const window = await waitFor(
      async () => {
        const w = await service.call('messages.window', { mailboxId: inbox.id, offset: 0, limit: 10 });
        return w.total === 1 ? w : null;
      },
      { what: 'the message synced' },
    );
    expect(window.messages[0]!.subject).toBe('from afar');
    expect(events).toContain('messages.changed');
    // the engine's validation stays: a wrong input comes back as the contract's error, code kept
    const refused = await service.call('messages.window', { mailboxId: 'x', offset: 0, limit: 10 }).catch((e) => e);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused).toMatchObject({ code: 'invalid-input' });
    await service.close();
    await expect(service.call('accounts.list', {})).rejects.toThrow(/mail engine stopped/);

    // a second start on the same profile opens the stored password through the shell again
    const again = await startEngineProcess({ entry, options, cipher });
    try {
      await again.call('sync.now', { accountId: account.id });
      await again.settled();
      await waitFor(() => opened.includes(account.id), { what: 'the password opened by the shell' });
      expect((await again.call('accounts.list', {})).map((a) => a.id)).toEqual([account.id]);
    } finally {
      await again.close();
    }
  });

  it('reports an engine that dies: waiting and later calls fail, the log says so, close does not hang', async () => {
    const dataDir = profile();
    const logs: string[] = [];
    const channel = forkEngine(entry, []);
    const service = await connectEngine({
      channel,
      options: { dataDir, offline: true },
      cipher: recordingCipher(dataDir).cipher,
      log: (level, message) => logs.push(`${level}: ${message}`),
    });
    expect(await service.call('accounts.list', {})).toEqual([]);
    process.kill(channel.pid!, 'SIGKILL');
    const waiting = service.call('accounts.list', {});
    await expect(waiting).rejects.toThrow(/mail engine stopped \(ended by SIGKILL\)/);
    await expect(service.call('accounts.list', {})).rejects.toMatchObject({ code: 'internal' });
    expect(logs).toContainEqual(expect.stringMatching(/^error: The mail engine stopped/));
    await service.close();
  });

  it('fails to start with the engine’s own reason, and leaves no process behind', async () => {
    const notAFolder = path.join(profile(), 'a-file');
    writeFileSync(notAFolder, 'not a profile');
    const channel = forkEngine(entry, []);
    const exited = new Promise<string>((resolve) => channel.onExit(resolve));
    const started = connectEngine({
      channel,
      options: { dataDir: notAFolder, offline: true },
      cipher: recordingCipher(profile()).cipher,
    });
    await expect(started).rejects.toThrow(/.+/);
    expect(await exited).toMatch(/exit code 0|ended by/);
  });

  it("starts with the engine's V8 flags and the user's after them", async () => {
    const channel = forkEngine(entry, engineFlags({ MAIL_ENGINE_FLAGS: '--max-old-space-size=300' }));
    const exited = new Promise<string>((resolve) => channel.onExit(resolve));
    try {
      // what the kernel started: node, its flags, the entry (Linux, as the suite)
      const argv = readFileSync(`/proc/${channel.pid}/cmdline`, 'utf8').split('\0');
      expect(argv.slice(1, -2)).toEqual([...ENGINE_V8_FLAGS, '--max-old-space-size=300']);
      expect(argv.at(-2)).toBe(entry);
    } finally {
      channel.kill();
      await exited;
    }
  });
});
