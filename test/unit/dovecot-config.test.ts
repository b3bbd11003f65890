// The test server's Dovecot settings that the bench's million-message INBOX depends on.
import { describe, expect, it } from 'vitest';
import { dovecotConfig, dovecotUsersFile } from '../mailserver/dovecot-config';

const config = dovecotConfig({
  instanceName: 'unit',
  baseDir: '/run/unit',
  stateDir: '/var/unit',
  logFile: '/var/unit/log',
  usersFile: '/var/unit/users',
  certFile: '/var/unit/cert.pem',
  keyFile: '/var/unit/key.pem',
  ports: { imap: 1143, imaps: 1993, pop3s: 1995, pop3: 1110 },
});

describe('test mail server: Dovecot settings for large mailboxes', () => {
  it('gives the IMAP processes more than the default 256 MB (a 1M INBOX ran out of memory at SELECT)', () => {
    const service = /service imap \{([^}]*)\}/.exec(config)?.[1] ?? '';
    const limit = /vsz_limit = (\d+)G/.exec(service);
    expect(Number(limit?.[1] ?? 0) * 1024).toBeGreaterThan(256);
  });

  it("writes a user's own storage quota as a userdb field, and leaves the others at the 1 GiB rule", () => {
    const file = dovecotUsersFile(
      [
        { name: 'bench', address: 'bench@example.test', password: 'pw', storageQuota: '0' },
        { name: 'alice', address: 'alice@example.test', password: 'pw' },
      ],
      (u) => `/home/${u.name}`,
    );
    const [bench, alice] = file.trim().split('\n');
    expect(bench).toBe('bench@example.test:{PLAIN}pw:8:8::/home/bench::userdb_quota_rule=*:storage=0');
    expect(alice).toBe('alice@example.test:{PLAIN}pw:8:8::/home/alice::');
    expect(config).toContain('quota_rule = *:storage=1G');
  });
});
