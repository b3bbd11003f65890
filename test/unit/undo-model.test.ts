import { describe, expect, it } from 'vitest';
import {
  type UndoEntry,
  UndoStack,
  flagRestoreGroups,
  flagVerb,
  inverseCalls,
  moveBackGroups,
  waitForServerUids,
} from '../../renderer/undo/undo-model';

const flags = (seen: boolean, flagged: boolean) => ({ seen, flagged });

describe('undo', () => {
  it('an archive is undone by moving each message back to the folder it came from', () => {
    const moves = moveBackGroups([
      { id: 1, mailboxId: 10 },
      { id: 2, mailboxId: 10 },
      { id: 3, mailboxId: 11 },
    ]);
    const entry: UndoEntry = { kind: 'move', verb: 'archive', count: 3, moves };
    expect(inverseCalls(entry)).toEqual([
      { method: 'messages.move', input: { ids: [1, 2], toMailboxId: 10 } },
      { method: 'messages.move', input: { ids: [3], toMailboxId: 11 } },
    ]);
  });

  it('a flag change is undone with each message’s previous value, and only where it changed', () => {
    const messages = [
      { id: 1, flags: flags(false, false) },
      { id: 2, flags: flags(true, false) },
      { id: 3, flags: flags(false, true) },
    ];
    // marking all three read changes 1 and 3; undo makes those two unread again, not 2
    const read = flagRestoreGroups(messages, { seen: true });
    expect(read).toEqual([{ ids: [1, 3], seen: false }]);
    expect(inverseCalls({ kind: 'flags', verb: 'read', count: 3, restores: read })).toEqual([
      { method: 'messages.setFlags', input: { ids: [1, 3], seen: false } },
    ]);
    // starring all: 1 and 2 change; 3 was starred already
    expect(flagRestoreGroups(messages, { flagged: true })).toEqual([{ ids: [1, 2], flagged: false }]);
    // nothing changes: nothing to undo
    expect(flagRestoreGroups([{ id: 9, flags: flags(true, true) }], { seen: true })).toEqual([]);
  });

  it('names the verb of a flag change', () => {
    expect(flagVerb({ seen: true })).toBe('read');
    expect(flagVerb({ seen: false })).toBe('unread');
    expect(flagVerb({ flagged: true })).toBe('star');
    expect(flagVerb({ flagged: false })).toBe('unstar');
  });

  it('undoes the newest action first and forgets the oldest beyond its limit', () => {
    const stack = new UndoStack(2);
    const entry = (count: number): UndoEntry => ({ kind: 'move', verb: 'delete', count, moves: [] });
    stack.push(entry(1));
    stack.push(entry(2));
    stack.push(entry(3));
    expect(stack.size).toBe(2);
    expect(stack.pop()?.count).toBe(3);
    expect(stack.peek()?.count).toBe(2);
    expect(stack.pop()?.count).toBe(2);
    expect(stack.pop()).toBeUndefined();
  });

  it('waits until the earlier move reached the server before moving back', async () => {
    const answers = [
      [
        { id: 1, uid: 0 },
        { id: 2, uid: 7 },
      ],
      [
        { id: 1, uid: 0 },
        { id: 2, uid: 7 },
      ],
      [
        { id: 1, uid: 12 },
        { id: 2, uid: 7 },
      ],
    ];
    let reads = 0;
    let clock = 0;
    const done = await waitForServerUids(async () => answers[Math.min(reads++, answers.length - 1)]!, [1, 2], {
      sleep: async (ms) => void (clock += ms),
      now: () => clock,
      intervalMs: 100,
    });
    expect(done).toBe(true);
    expect(reads).toBe(3);
  });

  it('gives up waiting after the timeout (offline) and lets the undo go ahead', async () => {
    let clock = 0;
    const done = await waitForServerUids(async () => [{ id: 1, uid: 0 }], [1], {
      sleep: async (ms) => void (clock += ms),
      now: () => clock,
      timeoutMs: 1_000,
      intervalMs: 250,
    });
    expect(done).toBe(false);
    expect(clock).toBe(1_000);
  });

  it('does not wait for a message that is gone altogether', async () => {
    expect(await waitForServerUids(async () => [], [1, 2])).toBe(true);
  });
});
