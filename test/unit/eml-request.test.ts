// An .eml file the OS hands the app, as a request for its reading window.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readEmlRequest } from '../../electron/shell/eml-request';

const dir = mkdtempSync(path.join(tmpdir(), 'eml-request-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readEmlRequest', () => {
  it('carries the file’s name and bytes', async () => {
    const file = path.join(dir, 'note.eml');
    writeFileSync(file, 'Subject: hi\r\n\r\nbody');
    expect(await readEmlRequest(file, vi.fn())).toEqual({
      kind: 'eml',
      fileName: 'note.eml',
      dataBase64: Buffer.from('Subject: hi\r\n\r\nbody').toString('base64'),
    });
  });

  it('drops a missing file or a folder with a note in the log', async () => {
    const log = vi.fn();
    expect(await readEmlRequest(path.join(dir, 'gone.eml'), log)).toBeNull();
    expect(await readEmlRequest(dir, log)).toBeNull();
    expect(log).toHaveBeenCalledTimes(2);
  });
});
