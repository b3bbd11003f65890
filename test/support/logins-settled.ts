// Waiting for the engine's logins to be through, read from the server's log: a test that changes
// the password or revokes a token while a login is still under way sees that login refused too,
// which is the test's race, not the engine's.
import { sleep } from '../mailserver/processes';

/** Waits until `count` (logins in Dovecot's log) has not changed for `quietMs`; its lines come a moment late. */
export async function loginsSettled(count: () => number, quietMs = 1_500, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = count();
  let since = Date.now();
  while (Date.now() < deadline) {
    await sleep(100);
    const now = count();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return now;
  }
  throw new Error('the logins did not settle');
}
