// Replies in the outbox, remembered until the server took them: then the message they answer
// gets \Answered, the way every client shows a replied message. Nothing is marked for a reply
// that was cancelled or failed, or whose original is gone.
import type { ComposeDraft, OutboxItem } from '../../../shared/compose';
import type { MessageId } from '../../../shared/domain';
import type { Store } from '../store/store';

export interface ReplyTrackerDeps {
  store: Store;
  /** Sets \Answered on the cached message (a local action, replayed on the server). */
  markAnswered(id: MessageId): void;
}

export class ReplyTracker {
  /** Outbox item id → the cached message it replies to. */
  private readonly replyingTo = new Map<number, MessageId>();

  constructor(private readonly deps: ReplyTrackerDeps) {}

  /** outbox.send queued `draft` as `outboxId`: remembered when it replies to a cached message. */
  queued(outboxId: number, draft: Pick<ComposeDraft, 'mode' | 'originalId'>): void {
    const { mode, originalId } = draft;
    if (originalId !== null && (mode === 'reply' || mode === 'replyAll')) this.replyingTo.set(outboxId, originalId);
  }

  /** An 'outbox.changed' event: marks the original once the reply is sent, forgets it when it never will be. */
  outboxChanged(item: Pick<OutboxItem, 'id' | 'state'>): void {
    const original = this.replyingTo.get(item.id);
    if (original === undefined) return;
    if (item.state === 'cancelled' || item.state === 'failed') this.replyingTo.delete(item.id);
    if (item.state !== 'sent-smtp' && item.state !== 'done') return;
    this.replyingTo.delete(item.id);
    if (this.deps.store.messages.get([original]).length) this.deps.markAnswered(original);
  }

  /** Forgets the replies whose original left the cache (its account was removed). */
  forgetGone(): void {
    for (const [outboxId, original] of this.replyingTo)
      if (!this.deps.store.messages.get([original]).length) this.replyingTo.delete(outboxId);
  }
}
