// SRV record choice for discovery (RFC 6186 / 8314): priority, weight, implicit TLS over STARTTLS.
import { describe, expect, it } from 'vitest';
import { pickSrv, srvFinding } from '../../electron/core/accounts/discovery/srv';
import type { DnsResolver, SrvRecord } from '../../electron/core/accounts/discovery/types';

const srv = (name: string, port: number, priority = 0, weight = 0): SrvRecord => ({ name, port, priority, weight });

describe('SRV records', () => {
  it('lowest priority first, implicit TLS first at equal priority, then highest weight', () => {
    expect(
      pickSrv([
        { records: [srv('b.example.org', 993, 10)], security: 'tls' },
        { records: [srv('a.example.org', 143, 5)], security: 'starttls' },
      ]),
    ).toMatchObject({ host: 'a.example.org', port: 143, security: 'starttls' });
    expect(
      pickSrv([
        { records: [srv('tls.example.org', 993, 0)], security: 'tls' },
        { records: [srv('starttls.example.org', 143, 0)], security: 'starttls' },
      ]),
    ).toMatchObject({ host: 'tls.example.org', security: 'tls' });
    expect(
      pickSrv([
        { records: [srv('light.example.org', 993, 0, 1), srv('heavy.example.org.', 993, 0, 50)], security: 'tls' },
      ]),
    ).toMatchObject({ host: 'heavy.example.org' });
  });

  it('a target of "." means the service is not offered', () => {
    expect(pickSrv([{ records: [srv('.', 0)], security: 'tls' }])).toBeNull();
    expect(
      pickSrv([
        { records: [srv('.', 0)], security: 'tls' },
        { records: [srv('imap.example.org', 143)], security: 'starttls' },
      ]),
    ).toMatchObject({ host: 'imap.example.org', security: 'starttls' });
  });

  it('port 465 or 993 is implicit TLS whatever the service name says', () => {
    expect(pickSrv([{ records: [srv('smtp.example.org', 465)], security: 'starttls' }])?.security).toBe('tls');
  });

  it('asks for all four services of the domain', async () => {
    const asked: string[] = [];
    const dns: DnsResolver = {
      resolveSrv: async (name) => {
        asked.push(name);
        if (name === '_imaps._tcp.example.org') return [srv('mail.example.org', 993)];
        if (name === '_submission._tcp.example.org') return [srv('mail.example.org', 587)];
        return [];
      },
      resolveMx: async () => [],
      lookup: async () => '127.0.0.1',
    };
    expect(await srvFinding('example.org', dns)).toMatchObject({
      imap: { host: 'mail.example.org', port: 993, security: 'tls' },
      smtp: { host: 'mail.example.org', port: 587, security: 'starttls' },
    });
    expect(asked.sort()).toEqual([
      '_imap._tcp.example.org',
      '_imaps._tcp.example.org',
      '_submission._tcp.example.org',
      '_submissions._tcp.example.org',
    ]);
  });
});
