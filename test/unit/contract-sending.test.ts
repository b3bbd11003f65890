// The sending contract is spread into shared/contract.ts without collisions, and the engine's
// handlers answer exactly its methods, with the types the merged contract demands.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { events, methods } from '../../shared/contract';
import { sendingEvents, sendingMethods, type SendingMethodName } from '../../shared/contract-sending';
import type { Emit } from '../../electron/core/events';
import type { MethodHandlers } from '../../electron/core/method-handlers';
import { SendingService, type SendingHandlers } from '../../electron/core/smtp/sending-service';
import { Store } from '../../electron/core/store/store';
import { composeDraft } from '../support/compose-drafts';

describe('the sending contract', () => {
  it('is spread into the contract whole, replacing nothing of the core', () => {
    for (const [name, spec] of Object.entries(sendingMethods))
      expect((methods as Record<string, unknown>)[name], name).toBe(spec);
    for (const [name, schema] of Object.entries(sendingEvents))
      expect((events as Record<string, unknown>)[name], name).toBe(schema);
    // no sending name shadows a core one: the spread's source is the only place it is defined
    const source = readFileSync(path.join(process.cwd(), 'shared/contract.ts'), 'utf8');
    for (const name of [...Object.keys(sendingMethods), ...Object.keys(sendingEvents)])
      expect(source.includes(`'${name}'`), name).toBe(false);
    for (const spec of Object.values(sendingMethods)) {
      expect(typeof spec.input.safeParse).toBe('function');
      expect(typeof spec.output.safeParse).toBe('function');
    }
  });

  it('is implemented by the engine, method for method', () => {
    // the facade's table is MethodHandlers: the sending part must fit its slots
    expectTypeOf<SendingHandlers>().toExtend<Pick<MethodHandlers, SendingMethodName>>();
    const dir = mkdtempSync(path.join(tmpdir(), 'compose-contract-'));
    const store = Store.open(dir);
    try {
      const service = new SendingService({
        store,
        emit: (() => undefined) as Emit,
        password: async () => '',
        imap: () => null,
        loadOriginal: async () => {
          throw new Error('unused');
        },
        isOnline: () => false,
      });
      expect(Object.keys(service.handlers).sort()).toEqual(Object.keys(sendingMethods).sort());
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('validates strictly: a prepare without the message to reply to, an undo beyond the cap', () => {
    expect(sendingMethods['compose.prepare'].input.safeParse({ mode: 'reply' }).success).toBe(false);
    expect(sendingMethods['compose.prepare'].input.safeParse({ mode: 'new' }).success).toBe(true);
    expect(sendingMethods['compose.prepare'].input.safeParse({ mode: 'new', locale: 'sv; rm -rf' }).success).toBe(
      false,
    );
    expect(sendingMethods['outbox.retry'].input.safeParse({ outboxId: -1 }).success).toBe(false);
    const draft = composeDraft('a', { to: 'x@y.se' });
    expect(sendingMethods['outbox.send'].input.safeParse({ draft, undoSeconds: 31 }).success).toBe(false);
    expect(sendingMethods['outbox.send'].input.safeParse({ draft, undoSeconds: 0 }).success).toBe(true);
    expect(
      sendingMethods['outbox.send'].input.safeParse({ draft: { ...draft, inReplyTo: 'no brackets' } }).success,
    ).toBe(false);
    expect(
      sendingMethods['drafts.save'].input.safeParse({
        draft: {
          ...draft,
          attachments: [
            { source: 'original', messageId: 1, part: '2; DROP', filename: 'x', contentType: 'a/b', size: 1 },
          ],
        },
      }).success,
    ).toBe(false);
  });
});
