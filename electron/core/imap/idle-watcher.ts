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
          await this.select(client, this.path);
          // Whatever changed before this SELECT raised no event here: one sync closes that gap.
          this.changed();
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

  get watching(): string {
    return this.path;
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

  async watch(path: string): Promise<void> {
    if (path === this.path) return;
    this.path = path;
    const client = this.loop.current;
    // imapflow ends IDLE, selects, and goes back to IDLE by itself.
    if (client)
      await this.select(client, path).then(
        () => this.changed(),
        () => client.close(),
      );
  }

  private changed(): void {
    // One burst of changes (a MOVE of 100 messages) becomes one sync.
    if (this.debounce || this.stopped) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.onChange(this.path);
    }, 100);
  }

  async stop(): Promise<void> {
    // Events still arrive while the connection logs out: none may reach a closed engine.
    this.stopped = true;
    if (this.debounce) clearTimeout(this.debounce);
    await this.loop.stop();
  }
}
