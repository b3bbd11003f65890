// One IMAP connection per account for the sending side (Sent copies, Drafts, the start-up check),
// separate from the work connection so a long sync never delays them. Opened when needed, one
// task at a time, closed after a quiet minute; a dropped one is replaced on the next task.
import type { ImapFlow } from 'imapflow';
import { SerialQueue } from '../net/serial-queue';

export class ImapSession {
  private client: ImapFlow | null = null;
  private readonly queue = new SerialQueue();
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly open: () => Promise<ImapFlow>,
    private readonly idleMs = 60_000,
  ) {}

  run<T>(task: (client: ImapFlow) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      if (this.closed) throw Object.assign(new Error('The mail engine is stopping.'), { code: 'offline' });
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = null;
      try {
        return await task(await this.connected());
      } finally {
        this.closeWhenIdle();
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.queue.settled();
    await this.disconnect();
  }

  private async connected(): Promise<ImapFlow> {
    if (this.client?.usable) return this.client;
    this.client = null;
    const client = await this.open();
    // An unhandled 'error' would end the process; the next task notices the dead connection.
    client.on('error', () => undefined);
    await client.connect();
    this.client = client;
    return client;
  }

  private closeWhenIdle(): void {
    if (this.closed || this.queue.busy) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.queue.busy) void this.disconnect();
    }, this.idleMs);
    this.idleTimer.unref?.();
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client?.usable) await client.logout().catch(() => client.close());
    else client?.close();
  }
}
