// The engine in a child process, so a test can kill it with SIGKILL at any point: a crash, not a
// quit. Bundled and started by engine-process.ts; the profile is the same as startCore's, so the
// test reopens it in-process after the kill. Requests arrive over IPC as { id, method, input }.
import path from 'node:path';
import { KeyFileCipher } from '../../electron/core/accounts/key-file-cipher';
import { createMailService } from '../../electron/core/service';
import type { MethodName } from '../../shared/contract';

interface Request {
  id: number;
  method: MethodName;
  input: unknown;
}

const dataDir = process.env.ENGINE_DATA_DIR;
const trustedCa = process.env.ENGINE_TRUSTED_CA;
if (!process.send || !dataDir || !trustedCa) throw new Error('engine-child.ts runs as a child of engine-process.ts');

const service = await createMailService({
  dataDir,
  cipher: new KeyFileCipher(path.join(dataDir, 'secret.key')),
  trustedCa: [trustedCa],
  defaultSyncIntervalSeconds: 2,
  // as in core-harness.ts: the fault scenarios count what goes over the wire without it
  offlineBodies: false,
});

process.on('message', (request: Request) => {
  service.call(request.method, request.input).then(
    (result) => process.send?.({ id: request.id, ok: true, result }),
    (error: unknown) => process.send?.({ id: request.id, ok: false, error: String(error) }),
  );
});
// The test went away without killing it: do not linger.
process.on('disconnect', () => void service.close().finally(() => process.exit(0)));
process.send({ ready: true });
