// The test DNS server speaks enough DNS for node's resolver (c-ares): SRV answers from its table,
// an empty answer otherwise. Checked with the resolver discovery itself uses.
import { afterEach, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../electron/core/accounts/discovery/dns-resolver';
import { startDnsServer, type DnsServer } from '../support/dns-server';

let server: DnsServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('the test DNS server', () => {
  it('answers SRV questions from its table and nothing else', async () => {
    server = await startDnsServer({
      '_imaps._tcp.example.test': [{ priority: 0, weight: 5, port: 993, target: 'mail.elsewhere.test' }],
    });
    const dns = createDnsResolver({ servers: [server.address] });
    expect(await dns.resolveSrv('_imaps._tcp.example.test')).toEqual([
      { name: 'mail.elsewhere.test', port: 993, priority: 0, weight: 5 },
    ]);
    expect(await dns.resolveSrv('_submissions._tcp.example.test')).toEqual([]);
    expect(await dns.resolveMx('example.test')).toEqual([]);
    expect(server.asked).toContainEqual({ name: 'example.test', type: 15 });
  });
});
