// The few SMTP exchanges a probe needs, before any AUTH: the greeting, EHLO, STARTTLS.
import type { LineSocket } from './line-socket';

export interface SmtpReply {
  code: number;
  lines: string[];
}

export class SmtpDialogError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly reply?: SmtpReply,
  ) {
    super(message);
    this.name = 'SmtpDialogError';
  }
}

/** The name we introduce ourselves with: an address literal says nothing about the computer. */
export const EHLO_NAME = '[127.0.0.1]';

/** A reply, multi-line ("250-…" up to "250 …") or not. */
export async function readSmtpReply(socket: LineSocket): Promise<SmtpReply> {
  const lines: string[] = [];
  for (let i = 0; i < 200; i++) {
    const line = await socket.readLine();
    const match = /^(\d{3})([ -]?)(.*)$/.exec(line);
    if (!match) throw new SmtpDialogError(`Not an SMTP reply: ${line.slice(0, 80)}`, 'EPROTOCOL');
    lines.push(match[3] ?? '');
    if (match[2] !== '-') return { code: Number(match[1]), lines };
  }
  throw new SmtpDialogError('An endless SMTP reply.', 'EPROTOCOL');
}

export interface EhloInfo {
  starttls: boolean;
  /** SASL mechanisms offered, upper case. */
  auth: string[];
}

export function parseEhlo(reply: SmtpReply): EhloInfo {
  const keywords = reply.lines.slice(1).map((line) => line.trim().toUpperCase());
  const authLine = keywords.find((k) => /^AUTH[ =]/.test(k));
  return {
    starttls: keywords.some((k) => k === 'STARTTLS'),
    auth: authLine
      ? authLine
          .slice(5)
          .split(/[\s=]+/)
          .filter(Boolean)
      : [],
  };
}

export async function smtpGreeting(socket: LineSocket, host: string): Promise<void> {
  const greeting = await readSmtpReply(socket);
  if (greeting.code !== 220)
    throw new SmtpDialogError(
      `${host} refused the connection: ${greeting.code} ${greeting.lines.join(' ')}`,
      'EGREETING',
      greeting,
    );
}

export async function smtpEhlo(socket: LineSocket, host: string): Promise<EhloInfo> {
  socket.write(`EHLO ${EHLO_NAME}`);
  const reply = await readSmtpReply(socket);
  if (reply.code !== 250) throw new SmtpDialogError(`${host} did not accept EHLO: ${reply.code}`, 'EPROTOCOL', reply);
  return parseEhlo(reply);
}

/** Asks for STARTTLS; true when the server agreed (the caller then upgrades the socket). */
export async function smtpStartTls(socket: LineSocket): Promise<boolean> {
  socket.write('STARTTLS');
  const reply = await readSmtpReply(socket);
  return reply.code === 220;
}
