import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CertSet {
  caFile: string;
  caPem: string;
  certFile: string;
  keyFile: string;
}

/**
 * Makes a fresh CA and a server certificate signed by it, with the openssl
 * CLI (no npm dependency, same tool the daemons' TLS libraries are built
 * on). EC P-256 keys: generating them takes milliseconds, RSA takes ~100 ms.
 * The server certificate names every way tests reach the server
 * (localhost, 127.0.0.1), so hostname checks pass and the only thing a
 * client must be told is the CA.
 */
export function makeCertSet(dir: string, label: string): CertSet {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const caKey = join(dir, 'ca.key');
  const caFile = join(dir, 'ca.crt');
  const keyFile = join(dir, 'server.key');
  const csrFile = join(dir, 'server.csr');
  const certFile = join(dir, 'server.crt');
  const extFile = join(dir, 'server.ext');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  // The CN carries a random tag so two runs' CAs are never mistaken for each other.
  const tag = `${label} ${process.pid}-${Date.now().toString(36)}`;

  openssl([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    caKey,
    '-out',
    caFile,
    '-days',
    '7',
    '-subj',
    `/O=Mail test bed/CN=${tag} CA`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  openssl(['req', ...ec, '-keyout', keyFile, '-out', csrFile, '-subj', `/O=Mail test bed/CN=localhost`]);
  writeFileSync(
    extFile,
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '',
    ].join('\n'),
  );
  openssl([
    'x509',
    '-req',
    '-in',
    csrFile,
    '-CA',
    caFile,
    '-CAkey',
    caKey,
    '-set_serial',
    `0x${randomHex(16)}`,
    '-days',
    '7',
    '-sha256',
    '-extfile',
    extFile,
    '-out',
    certFile,
  ]);
  return { caFile, caPem: readFileSync(caFile, 'utf8'), certFile, keyFile };
}

function openssl(args: string[]): void {
  // stdio is piped (not inherited) so openssl's chatter never reaches the test output.
  execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

function randomHex(bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++)
    s += Math.floor(Math.random() * 256)
      .toString(16)
      .padStart(2, '0');
  // A leading 0x00-0x7f byte keeps the serial positive.
  return `7${s.slice(1)}`;
}
