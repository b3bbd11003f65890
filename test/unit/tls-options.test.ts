// One secure context per trust store: IMAP connections with extra CAs or a pinned certificate
// reuse it instead of parsing the system roots again on every connect.
import { rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { tlsConnectOptions, withSharedSecureContext } from '../../electron/core/net/tls-options';

const server = { host: 'imap.example.test', port: 993 };
// Two real certificates from the system store stand in for a test CA and a pinned certificate.
const [caA, caB] = rootCertificates as [string, string];
const pin = { host: server.host, port: server.port, fingerprint256: 'AA:BB', pem: caB };

describe('shared secure contexts', () => {
  it('gives connections with the same trust store the same context, and others their own', () => {
    const first = withSharedSecureContext(tlsConnectOptions(server, { trustedCa: [caA] }));
    const second = withSharedSecureContext(tlsConnectOptions({ ...server, port: 143 }, { trustedCa: [caA] }));
    expect(first.secureContext).toBeDefined();
    expect(second.secureContext).toBe(first.secureContext);
    // the per-connection options stay: SNI and the TLS floor
    expect(second).toMatchObject({ servername: server.host, minVersion: 'TLSv1.2' });

    const other = withSharedSecureContext(tlsConnectOptions(server, { trustedCa: [caB] }));
    expect(other.secureContext).toBeDefined();
    expect(other.secureContext).not.toBe(first.secureContext);

    // a pin: its own context (partial chains allowed), and its identity check per connection
    const pinned = withSharedSecureContext(tlsConnectOptions(server, { pin }));
    expect(pinned.secureContext).toBeDefined();
    expect(pinned.secureContext).not.toBe(first.secureContext);
    expect(typeof pinned.checkServerIdentity).toBe('function');
    expect(withSharedSecureContext(tlsConnectOptions(server, { pin })).secureContext).toBe(pinned.secureContext);
  });

  it("leaves Node's default context alone", () => {
    const plain = tlsConnectOptions(server);
    expect(plain.ca).toBeUndefined();
    expect(withSharedSecureContext(plain)).toBe(plain);
  });
});
