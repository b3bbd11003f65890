// An IMAP proxy that makes the test Dovecot look like a plainer server: it hides chosen
// extensions from CAPABILITY (the untagged response and every [CAPABILITY ...] code), and can
// drop [UIDNEXT] from SELECT, the SPECIAL-USE attributes from LIST, and imitate Courier's refusal
// to APPEND to the mailbox the session has open read-only. So each fallback path of the engine
// runs against a real server with only that one thing missing.
//
// The engine talks cleartext to the proxy on 127.0.0.1 (the engine allows that on loopback only,
// as for a local bridge); the proxy talks TLS to Dovecot's implicit-TLS port with the run's CA.
// It also records what crossed it: the client's command lines and the bytes the server sent.
import net from 'node:net';
import tls from 'node:tls';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { MailUser } from '../mailserver/types';
import type { TestCleanup } from './cleanup';
import { gmailClientLine, gmailServerLine, type GmailImitation } from './gmail-imitation';

export type HiddenExtension =
  | 'CONDSTORE'
  | 'QRESYNC'
  | 'MOVE'
  | 'UIDPLUS'
  | 'SPECIAL-USE'
  | 'IDLE'
  | 'LIST-STATUS'
  | 'ESEARCH'
  | 'LITERAL+'
  /** The OAUTHBEARER SASL mechanism: a client with a token falls back to XOAUTH2. */
  | 'AUTH=OAUTHBEARER'
  /** Not a capability: the [UIDNEXT n] code of SELECT and EXAMINE (RFC 3501 lets a server omit it). */
  | 'UIDNEXT';

export interface ImapFilterOptions {
  hide?: readonly HiddenExtension[];
  /** Answer APPEND to the mailbox the session has EXAMINEd with NO, as Courier-IMAP does. */
  refuseAppendToReadOnly?: boolean;
  /**
   * Changes reported during IDLE are held back until the client ends IDLE (DONE), the way a
   * server that only looks now and then behaves (Courier without a file notifier: 60 s).
   */
  lazyIdle?: boolean;
  /** Commands (the line after the tag) answered NO without reaching the server: a failing mailbox. */
  refuse?: RegExp;
  /** Look like Gmail (X-GM-EXT-1 and labels kept as keywords): a test double, see gmail-imitation.ts. */
  gmail?: GmailImitation;
  /**
   * Commands (the line after the tag) passed on to the server only after `ms`: a server slow to
   * open a large folder, so what else a client does meanwhile shows in the log.
   */
  slow?: { command: RegExp; ms: number };
}

export interface ProxiedCommand {
  /** The command line without its tag and without literal data ("UID FETCH 1:5 (UID FLAGS)"). */
  line: string;
  /** Bytes the server sent in answer to it (untagged responses and the tagged completion). */
  responseBytes: number;
}

export interface ImapFilterProxy {
  port: number;
  /** Every command since the start (or the last `clearLog`), in the order the client sent them. */
  readonly commands: readonly ProxiedCommand[];
  /** Bytes the server sent since the start (or the last `clearLog`). */
  readonly bytesFromServer: number;
  clearLog(): void;
  close(): Promise<void>;
}

/** Capabilities that cannot stay when another is hidden (RFC 7162: QRESYNC implies CONDSTORE). */
const ALSO_HIDDEN: Partial<Record<HiddenExtension, string[]>> = {
  CONDSTORE: ['QRESYNC'],
  'LITERAL+': ['LITERAL-'],
};

const SPECIAL_USE_ATTRIBUTES = /\s*\\(Sent|Drafts|Trash|Junk|Archive|All|Flagged)\b/gi;

/** Splits an IMAP byte stream into lines, passing literal data ({n} or {n+}) through untouched. */
class LineSplitter {
  private buffer = Buffer.alloc(0);
  private literalLeft = 0;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onLiteral: (data: Buffer) => void,
  ) {}

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.literalLeft > 0) {
        if (this.buffer.length === 0) return;
        const take = Math.min(this.literalLeft, this.buffer.length);
        if (!this.discardLiteral) this.onLiteral(this.buffer.subarray(0, take));
        this.buffer = this.buffer.subarray(take);
        this.literalLeft -= take;
        continue;
      }
      const end = this.buffer.indexOf('\r\n');
      if (end < 0) return;
      const line = this.buffer.subarray(0, end).toString('latin1');
      this.buffer = this.buffer.subarray(end + 2);
      const literal = /\{(\d+)\+?\}$/.exec(line);
      this.literalLeft = literal ? Number(literal[1]) : 0;
      this.discardLiteral = false;
      this.onLine(line);
    }
  }

  /** Set from onLine: the literal that line announces is dropped, not passed on (a refused APPEND). */
  discardLiteral = false;
}

/** A mailbox argument as the server would read it: quotes and escapes removed. */
function mailboxArg(text: string): string {
  const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(text);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, '$1');
  return text.split(' ')[0]!;
}

export function filterServerLine(line: string, hidden: ReadonlySet<string>): string | null {
  if (hidden.has('UIDNEXT') && /^\* OK \[UIDNEXT \d+\]/i.test(line)) return null;
  if (hidden.has('CONDSTORE') && /^\* OK \[(HIGHESTMODSEQ \d+|NOMODSEQ)\]/i.test(line)) return null;
  if (hidden.has('SPECIAL-USE') && /^\* (LIST|LSUB) \(/i.test(line))
    line = line.replace(/^(\* (?:LIST|LSUB) \()([^)]*)\)/i, (_all, head: string, attrs: string) => {
      return `${head}${attrs.replace(SPECIAL_USE_ATTRIBUTES, '').trim()})`;
    });
  const dropCaps = (caps: string) =>
    caps
      .split(' ')
      .filter((cap) => !hidden.has(cap.toUpperCase()))
      .join(' ');
  line = line.replace(/^(\* CAPABILITY )(.*)$/i, (_all, head: string, caps: string) => head + dropCaps(caps));
  line = line.replace(/\[CAPABILITY ([^\]]*)\]/i, (_all, caps: string) => `[CAPABILITY ${dropCaps(caps)}]`);
  return line;
}

export async function startImapFilterProxy(
  upstream: { port: number; caPem: string; host?: string },
  options: ImapFilterOptions = {},
): Promise<ImapFilterProxy> {
  const hidden = new Set<string>();
  for (const ext of options.hide ?? []) {
    hidden.add(ext);
    for (const also of ALSO_HIDDEN[ext] ?? []) hidden.add(also);
  }
  let commands: ProxiedCommand[] = [];
  let bytesFromServer = 0;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const host = upstream.host ?? '127.0.0.1';
    const up = tls.connect({ host, port: upstream.port, ca: [upstream.caPem] });
    sockets.add(client).add(up);
    const drop = () => {
      client.destroy();
      up.destroy();
      sockets.delete(client);
      sockets.delete(up);
    };
    client.on('error', drop).on('close', drop);
    up.on('error', drop).on('close', drop);

    // Which command each server byte answers: untagged lines belong to the oldest open command.
    const open = new Map<string, ProxiedCommand>();
    let selected: { mailbox: string; readOnly: boolean } | null = null;
    let idling = false;
    // whether the FETCH now answered asked for X-GM-LABELS (imapflow sends one FETCH at a time)
    let gmailLabelsAsked = false;
    let held: string[] = [];
    const charge = (bytes: number, tag?: string) => {
      bytesFromServer += bytes;
      const command = (tag && open.get(tag)) || open.values().next().value;
      if (command) command.responseBytes += bytes;
    };

    const fromServer = new LineSplitter(
      (line) => {
        const tag = /^(\S+) (OK|NO|BAD)\b/i.exec(line);
        let out = filterServerLine(line, hidden);
        if (out !== null && options.gmail)
          out = gmailServerLine(out, selected?.mailbox ?? null, options.gmail, gmailLabelsAsked);
        const bytes = Buffer.byteLength(line, 'latin1') + 2;
        if (tag && tag[1] !== '*' && tag[1] !== '+') {
          charge(bytes, tag[1]);
          open.delete(tag[1]!);
        } else charge(bytes);
        if (out === null) return;
        if (idling && options.lazyIdle && /^\* \d+ (EXISTS|EXPUNGE|RECENT|FETCH)\b/i.test(out) && !/\}$/.test(out))
          held.push(out);
        else client.write(Buffer.from(`${out}\r\n`, 'latin1'));
      },
      (data) => {
        charge(data.length);
        client.write(data);
      },
    );
    // Within a command whose literal just went by: its next line is no new command. `refused`
    // holds the tag of an APPEND refused while its non-synchronizing literal still arrives.
    let continuation = false;
    let refused: { tag: string; text: string } | null = null;
    const refuse = (tag: string, text: string) => client.write(`${tag} NO ${text}\r\n`);
    const fromClient = new LineSplitter(
      (line) => {
        const literal = /\{\d+(\+?)\}$/.exec(line);
        if (refused !== null) {
          fromClient.discardLiteral = true;
          if (!literal) {
            refuse(refused.tag, refused.text);
            refused = null;
          }
          return;
        }
        if (continuation) {
          continuation = literal !== null;
          up.write(Buffer.from(`${line}\r\n`, 'latin1'));
          return;
        }
        if (/^DONE$/i.test(line) && idling) {
          // What the server said during IDLE reaches the client now, as a lazy server says it.
          idling = false;
          for (const h of held) client.write(Buffer.from(`${h}\r\n`, 'latin1'));
          held = [];
        }
        const parsed = /^(\S+) (.*)$/.exec(line);
        if (parsed && parsed[1] !== 'DONE') {
          const [, tag, rest] = parsed as unknown as [string, string, string];
          const command: ProxiedCommand = { line: rest, responseBytes: 0 };
          commands.push(command);
          const verb = /^(?:UID )?(\S+)\s*(.*)$/i.exec(rest);
          const name = verb?.[1]?.toUpperCase();
          if (name === 'SELECT' || name === 'EXAMINE')
            selected = { mailbox: mailboxArg(verb![2]!), readOnly: name === 'EXAMINE' };
          if (name === 'CLOSE' || name === 'UNSELECT') selected = null;
          if (name === 'IDLE') idling = true;
          if (name === 'FETCH') gmailLabelsAsked = /\bX-GM-LABELS\b/i.test(rest);
          const appendToReadOnly =
            name === 'APPEND' &&
            options.refuseAppendToReadOnly &&
            selected?.readOnly &&
            mailboxArg(verb![2]!) === selected.mailbox;
          const refusal = appendToReadOnly
            ? 'Current box is selected READ-ONLY.'
            : options.refuse?.test(rest)
              ? 'Refused by the test proxy.'
              : null;
          if (refusal !== null) {
            // A synchronizing literal waits for our answer; a LITERAL+ one arrives regardless.
            if (literal?.[1] === '+') {
              fromClient.discardLiteral = true;
              refused = { tag, text: refusal };
            } else refuse(tag, refusal);
            return;
          }
          open.set(tag, command);
        }
        continuation = literal !== null;
        // the log above keeps what the client sent; Dovecot gets what it can take
        const sent = Buffer.from(`${options.gmail ? gmailClientLine(line) : line}\r\n`, 'latin1');
        // (a client sends nothing more on this connection before the answer: imapflow does not pipeline)
        if (parsed && options.slow?.command.test(parsed[2]!)) setTimeout(() => up.write(sent), options.slow.ms);
        else up.write(sent);
      },
      (data) => up.write(data),
    );
    client.on('data', (chunk: Buffer) => fromClient.push(chunk));
    up.on('data', (chunk: Buffer) => fromServer.push(chunk));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    get commands() {
      return commands;
    },
    get bytesFromServer() {
      return bytesFromServer;
    },
    clearLog() {
      commands = [];
      bytesFromServer = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        sockets.clear();
        server.close(() => resolve());
      }),
  };
}

/** `user` logged in through `proxy` (cleartext, on loopback) with imapflow; logged out after the test. */
export async function clientThrough(
  proxy: ImapFilterProxy,
  user: MailUser,
  cleanup: TestCleanup,
  options: Partial<ImapFlowOptions> = {},
): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: proxy.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: user.address, pass: user.password },
    logger: false,
    ...options,
  });
  client.on('error', () => undefined);
  await client.connect();
  cleanup.push(() => client.logout().catch(() => client.close()));
  return client;
}
