// The bench's own test mail server (Dovecot + Postfix on 127.0.0.1, stopped by pid) with one user
// whose INBOX holds `size` realistic messages written straight into its Maildir.
import { populateMailbox, type PopulateStats } from '../../mailserver/populate';
import { startMailServer } from '../../mailserver/server';
import type { MailServerInfo, MailUser } from '../../mailserver/types';
import type { Cleanup } from './cleanup';
import { log } from './log';

export interface MailBed {
  server: MailServerInfo;
  user: MailUser;
  populated: PopulateStats;
}

export async function startMailBed(cleanup: Cleanup, size: number): Promise<MailBed> {
  log('starting the test mail server');
  // no quota: a million messages are ~2 GB, and another device still appends to the INBOX (c2)
  const server = await startMailServer({ users: [{ name: 'bench', password: 'bench-secret-pw', storageQuota: '0' }] });
  cleanup.add({
    name: `mail server (dovecot ${server.pids.dovecot}, postfix ${server.pids.postfix})`,
    run: () => server.stop(),
    // server.ts kills both daemons (by their session) in its own 'exit' hook
  });
  const user = server.users.find((u) => u.name === 'bench')!;
  log(`writing ${size.toLocaleString('en-US')} messages into the INBOX`);
  const populated = await populateMailbox(server, user, { count: size });
  log(`populated in ${(populated.totalMs / 1000).toFixed(1)} s (${(populated.bytes / 1e6).toFixed(0)} MB)`);
  return { server: server.info(), user, populated };
}
