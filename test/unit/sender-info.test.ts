import { describe, expect, it } from 'vitest';
import { senderInfo } from '../../electron/core/sender/sender-info';

const facts = (authservId: string | null | undefined, results: string) => ({
  headerBlock: `Authentication-Results: ${results}\r\nFrom: News <news@lists.example.test>\r\n\r\n`,
  from: { name: 'News', address: 'news@lists.example.test' },
  imapHost: 'imap.example.org',
  accountEmail: 'me@example.org',
  authservId,
});

describe('sender checks with an authserv-id the user set', () => {
  const ours = 'mx.example.org; dmarc=pass header.from=lists.example.test';
  const relay = 'relay.corp.test; dmarc=pass header.from=lists.example.test';

  it('trusts the learned one (the IMAP host’s domain) while none is set', () => {
    expect(senderInfo(facts(null, ours)).authentication?.verdict).toBe('pass');
    expect(senderInfo(facts(undefined, relay)).authentication).toBeNull();
  });

  it('trusts only the one set, in any case and with a final dot, and no longer the learned one', () => {
    expect(senderInfo(facts('Relay.Corp.test.', relay)).authentication).toMatchObject({
      verdict: 'pass',
      authservId: 'relay.corp.test',
    });
    expect(senderInfo(facts('relay.corp.test', ours)).authentication).toBeNull();
  });
});
