// Probes for guessing: does host:port speak IMAP (greeting, CAPABILITY: IMAP4rev1, STARTTLS) or
// SMTP submission (greeting, EHLO: STARTTLS, AUTH mechanisms)? Over a real socket, with no
// credentials and nothing after the capabilities: a guess only learns what the server announces.
// Certificates are not judged here (rejectUnauthorized: false, reading only): the connection
// test that follows does that, and shows the user what it found.
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { imapCapabilities, imapCommand, readImapGreeting } from '../../net/imap-dialog';
import { LineSocket } from '../../net/line-socket';
import { smtpEhlo, smtpGreeting, smtpStartTls } from '../../net/smtp-dialog';
import type { DnsResolver } from './types';

export interface ProbeTarget {
  host: string;
  port: number;
  security: 'tls' | 'starttls';
}

export interface ProbeOptions {
  dns: DnsResolver;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface ImapProbeResult {
  imap4rev1: boolean;
  starttls: boolean;
}

export interface SmtpProbeResult {
  starttls: boolean;
  /** SASL mechanisms, after STARTTLS when the target uses it (many servers list AUTH only then). */
  auth: string[];
}

function readOnlyTls(host: string): ConnectionOptions {
  return { ...(isIP(host) ? {} : { servername: host }), minVersion: 'TLSv1.2', rejectUnauthorized: false };
}

async function open(target: ProbeTarget, options: ProbeOptions): Promise<LineSocket> {
  const address = await options.dns.lookup(target.host);
  return LineSocket.open({
    host: address,
    port: target.port,
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(target.security === 'tls' ? { tls: readOnlyTls(target.host) } : {}),
  });
}

export async function probeImap(target: ProbeTarget, options: ProbeOptions): Promise<ImapProbeResult> {
  const socket = await open(target, options);
  try {
    const greeting = await readImapGreeting(socket, target.host);
    const capabilities = greeting.capabilities.size > 0 ? greeting.capabilities : await imapCapabilities(socket);
    await imapCommand(socket, 'P2', 'LOGOUT').catch(() => undefined);
    return {
      imap4rev1: capabilities.has('IMAP4REV1') || capabilities.has('IMAP4REV2'),
      starttls: capabilities.has('STARTTLS') && !greeting.preauth,
    };
  } finally {
    socket.close();
  }
}

/**
 * Does host:port speak POP3: a +OK greeting, and with 'starttls' a +OK to STLS? Only for a
 * domain without IMAP, where the wizard then offers a POP3 account.
 */
export async function probePop3(target: ProbeTarget, options: ProbeOptions): Promise<boolean> {
  const socket = await open(target, options);
  try {
    if (!(await socket.readLine()).startsWith('+OK')) return false;
    if (target.security === 'starttls') {
      socket.write('STLS');
      if (!(await socket.readLine()).startsWith('+OK')) return false;
      await socket.startTls(readOnlyTls(target.host));
    }
    socket.write('QUIT');
    return true;
  } finally {
    socket.close();
  }
}

export async function probeSmtp(target: ProbeTarget, options: ProbeOptions): Promise<SmtpProbeResult> {
  const socket = await open(target, options);
  try {
    await smtpGreeting(socket, target.host);
    let ehlo = await smtpEhlo(socket, target.host);
    if (target.security === 'starttls') {
      if (!ehlo.starttls || !(await smtpStartTls(socket))) return { starttls: false, auth: [] };
      await socket.startTls(readOnlyTls(target.host));
      ehlo = await smtpEhlo(socket, target.host);
    }
    socket.write('QUIT');
    return { starttls: target.security === 'starttls', auth: ehlo.auth };
  } finally {
    socket.close();
  }
}
