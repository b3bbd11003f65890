// The dedicated IDLE connection of an account: it keeps one mailbox selected (INBOX, or the
// one the user has open) so the server tells us at once about new mail, flag changes and
// expunges made on other devices. It only notices; the sync engine does the work.
import type { ImapFlow } from 'imapflow';
import type { ReconnectPolicy } from '../net/backoff';
import { ConnectionLoop } from './connection-loop';
import { isMissingMailbox } from './errors';

export class IdleWatcher {
  private readonly loop: ConnectionLoop;
  private path: string;
  private debounce: NodeJS.Timeout | null = null;
  /** The chain of selections in progress; each ends only once the wanted mailbox is selected. */
  private following: Promise<void> | null = null;
  private selectedOn: ImapFlow | null = null;
  private selected: string | null = null;
  private poll: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    host: string,
    createClient: () => Promise<ImapFlow>,
    initialPath: string,
    private readonly onChange: (path: string) => void,
    /** The watched mailbox is gone (deleted on another device): the folder list needs a refresh. */
    private readonly onMissing: (path: string) => void = () => undefined,
    policy?: ReconnectPolicy,
  ) {
    this.path = initialPath;
    this.loop = new ConnectionLoop(
      host,
      createClient,
      {
        onUp: async (client) => {
          for (const event of ['exists', 'expunge', 'flags'] as const) client.on(event, () => this.changed());
          // Whatever changed before this SELECT raised no event here: one sync closes that gap.
          await this.follow(client);
        },
        onDown: () => undefined,
      },
      policy,
    );
  }

  /**
   * SELECT, or INBOX when the mailbox no longer exists: reconnecting to a deleted mailbox would
   * fail the same way forever, one login each time.
   */
  private async select(client: ImapFlow, path: string): Promise<void> {
    try {
      await client.mailboxOpen(path);
    } catch (error) {
      if (!isMissingMailbox(error) || path === 'INBOX') throw error;
      if (this.path === path) this.path = 'INBOX';
      this.onMissing(path);
      await client.mailboxOpen('INBOX');
    }
  }

  /** The mailbox IDLE covers now: the one selected, not merely wanted (null while switching). */
  get watching(): string | null {
    return this.selectedOn === this.loop.current ? this.selected : null;
  }

  /** False while the watcher is down: then its mailbox needs the interval checks too. */
  get connected(): boolean {
    return this.loop.current !== null;
  }

  start(): void {
    this.stopped = false;
    this.loop.start();
  }

  /** Closes the connection until start(): while the account's work connection is down. */
  async pause(): Promise<void> {
    await this.loop.stop();
  }

  retryNow(): void {
    this.loop.retryNow();
  }

  /** Resolves once a login begun before the call is through (and its SELECT with it). */
  loginSettled(): Promise<void> {
    return this.loop.loginSettled();
  }

  async watch(path: string): Promise<void> {
    this.path = path;
    const client = this.loop.current;
    // Without a connection the next one selects `path` (onUp).
    if (!client) return;
    await this.follow(client).catch(() => client.close());
  }

  /**
   * Selects the wanted mailbox, one SELECT at a time, until the one selected is the one wanted:
   * quick switches (g s, g d, g a, g i) each change `path` while an earlier SELECT is still out,
   * and the watcher must end on the last, whatever order the answers and the IDLE restarts
   * between them come in. imapflow ends IDLE before each SELECT and resumes it after.
   */
  private follow(client: ImapFlow): Promise<void> {
    const run = async (): Promise<void> => {
      for (;;) {
        const wanted = this.path;
        if (this.selectedOn === client && this.selected === wanted && client.mailbox && client.mailbox.path === wanted)
          return;
        this.selectedOn = client;
        this.selected = null;
        await this.select(client, wanted);
        // INBOX, should `wanted` have gone meanwhile (select() then moved `path` there too)
        this.selected = client.mailbox ? client.mailbox.path : wanted;
        this.changed();
      }
    };
    // After the previous selection, failed or not (a failure closes the connection anyway).
    const next = (this.following ?? Promise.resolve()).then(run, run);
    this.following = next.catch(() => undefined);
    return next;
  }

  /**
   * While the window is in front: a NOOP when it comes to the front and every `everyMs` after
   * (null stops it). IDLE is meant to report
   * changes at once, but some servers look only now and then (Courier-IMAP without a file
   * notifier checks every 60 s); a NOOP makes them look now. imapflow ends IDLE for it and
   * resumes it after; the changes it reports arrive as the usual events.
   */
  setPolling(everyMs: number | null): void {
    const wasPolling = this.poll !== null;
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    if (everyMs === null || this.stopped) return;
    const ask = (): void => {
      const client = this.loop.current;
      if (client && this.watching !== null) void client.noop().catch(() => undefined);
    };
    // The user just brought the window to the front, to look: ask now, not in `everyMs`.
    if (!wasPolling) ask();
    this.poll = setInterval(ask, everyMs);
    this.poll.unref?.();
  }

  private changed(): void {
    // One burst of changes (a MOVE of 100 messages) becomes one sync.
    if (this.debounce || this.stopped) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.onChange(this.selected ?? this.path);
    }, 100);
  }

  async stop(): Promise<void> {
    // Events still arrive while the connection logs out: none may reach a closed engine.
    this.stopped = true;
    if (this.debounce) clearTimeout(this.debounce);
    this.setPolling(null);
    await this.loop.stop();
  }
}
