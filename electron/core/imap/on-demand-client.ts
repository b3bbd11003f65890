// A second connection for what the user waits on (opening a body, an attachment), so it never
// queues behind a long header sync on the work connection. Opened on first use, kept while it
// lives, replaced when it drops; one request at a time.
import type { ImapFlow } from 'imapflow';
import { SerialQueue } from '../net/serial-queue';

export class OnDemandClient {
  private client: ImapFlow | null = null;
  private readonly queue = new SerialQueue();

  constructor(private readonly create: () => Promise<ImapFlow>) {}

  use<T>(task: (client: ImapFlow) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      if (!this.client?.usable) {
        const client = await this.create();
        client.on('error', () => undefined);
        await client.connect();
        this.client = client;
      }
      return task(this.client);
    });
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client?.usable) await client.logout().catch(() => client.close());
  }
}
