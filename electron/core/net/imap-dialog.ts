// The few IMAP exchanges a probe needs, before any login: the greeting, CAPABILITY, STARTTLS.
import type { LineSocket } from './line-socket';

export interface ImapGreeting {
  /** PREAUTH: the server logged us in already (then STARTTLS is impossible). */
  preauth: boolean;
  /** Capabilities the greeting announced, upper case (may be empty). */
  capabilities: Set<string>;
}

export class ImapDialogError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ImapDialogError';
  }
}

function capabilityList(text: string): Set<string> {
  return new Set(
    text
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((token) => token.toUpperCase()),
  );
}

export async function readImapGreeting(socket: LineSocket, host: string): Promise<ImapGreeting> {
  const line = await socket.readLine();
  const match = /^\* (OK|PREAUTH|BYE)\b\s*(.*)$/i.exec(line);
  if (!match) throw new ImapDialogError(`${host} did not greet like an IMAP server.`, 'EPROTOCOL');
  if (match[1]!.toUpperCase() === 'BYE')
    throw new ImapDialogError(`${host} refused the connection: ${match[2]}`, 'EBYE');
  const code = /^\[CAPABILITY ([^\]]*)\]/i.exec(match[2] ?? '');
  return { preauth: match[1]!.toUpperCase() === 'PREAUTH', capabilities: capabilityList(code?.[1] ?? '') };
}

/** Runs one command; returns the untagged lines and the tagged status (OK, NO or BAD). */
export async function imapCommand(
  socket: LineSocket,
  tag: string,
  command: string,
): Promise<{ untagged: string[]; status: string; text: string }> {
  socket.write(`${tag} ${command}`);
  const untagged: string[] = [];
  for (let i = 0; i < 200; i++) {
    const line = await socket.readLine();
    if (line.startsWith(`${tag} `)) {
      const [, status = '', text = ''] = /^\S+ (\S+)\s*(.*)$/.exec(line) ?? [];
      return { untagged, status: status.toUpperCase(), text };
    }
    untagged.push(line);
  }
  throw new ImapDialogError(`${command} got no answer.`, 'EPROTOCOL');
}

export async function imapCapabilities(socket: LineSocket, tag = 'P1'): Promise<Set<string>> {
  const answer = await imapCommand(socket, tag, 'CAPABILITY');
  const line = answer.untagged.find((l) => /^\* CAPABILITY /i.test(l));
  if (answer.status !== 'OK' || !line) throw new ImapDialogError('CAPABILITY failed.', 'EPROTOCOL');
  return capabilityList(line.replace(/^\* CAPABILITY /i, ''));
}
