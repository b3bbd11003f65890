// Reads a server's certificate after a connection refused it, so the user can see what it is
// and decide. A separate connection that accepts any certificate ONLY to read it: it says
// hello, asks for STARTTLS where needed, takes the certificate and hangs up. No credentials,
// no command after the handshake.
import { checkServerIdentity } from 'node:tls';
import type { CertificateInfo } from '../../../shared/discovery';
import type { ServerSettings } from '../../../shared/domain';
import { tlsConnectOptions } from '../net/tls-options';
import { certificateProblem, describeCertificate, toPem } from './certificate-info';
import { imapCommand, readImapGreeting } from '../net/imap-dialog';
import { LineSocket } from '../net/line-socket';
import { smtpEhlo, smtpGreeting, smtpStartTls } from '../net/smtp-dialog';

export interface ProbedCertificate {
  info: CertificateInfo;
  pem: string;
  /** The certificate passes the normal checks (trusted chain, right host, in its validity). */
  valid: boolean;
}

export interface ProbeOptions {
  trustedCa?: readonly string[];
  timeoutMs?: number;
}

export async function probeCertificate(
  server: ServerSettings,
  protocol: 'imap' | 'smtp',
  options: ProbeOptions = {},
): Promise<ProbedCertificate | null> {
  if (server.security === 'plain') return null;
  // The normal trust store, so `valid` and the problem are judged the way a real connection is;
  // rejectUnauthorized: false only so the handshake completes and the certificate can be read.
  const tls = { ...tlsConnectOptions(server, { trustedCa: options.trustedCa }), rejectUnauthorized: false };
  const timeoutMs = options.timeoutMs ?? 8_000;
  const socket = await LineSocket.open({
    host: server.host,
    port: server.port,
    timeoutMs,
    ...(server.security === 'tls' ? { tls } : {}),
  });
  try {
    if (server.security === 'starttls') {
      if (protocol === 'imap') {
        await readImapGreeting(socket, server.host);
        const answer = await imapCommand(socket, 'C1', 'STARTTLS');
        if (answer.status !== 'OK') return null;
      } else {
        await smtpGreeting(socket, server.host);
        await smtpEhlo(socket, server.host);
        if (!(await smtpStartTls(socket))) return null;
      }
      await socket.startTls(tls);
    }
    const secure = socket.tlsSocket;
    const cert = secure?.getPeerCertificate(true);
    if (!secure || !cert?.raw) return null;
    let code: string | undefined;
    if (!secure.authorized) {
      const reason = secure.authorizationError as unknown;
      code = typeof reason === 'string' ? reason : ((reason as { code?: string })?.code ?? String(reason));
    } else {
      code = (checkServerIdentity(server.host, cert) as { code?: string } | undefined)?.code;
    }
    return {
      info: describeCertificate(cert, certificateProblem(code)),
      pem: toPem(cert.raw),
      valid: code === undefined,
    };
  } finally {
    socket.close();
  }
}
