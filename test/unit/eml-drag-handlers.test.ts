// Drag tickets: one message each, spent by one fetch, lapsed after DRAG_TICKET_MS, none for a
// message that does not exist.
import { describe, expect, it } from 'vitest';
import { createEmlDragHandlers, DRAG_TICKET_MS } from '../../electron/core/eml-drag-handlers';

function handlers() {
  let clock = 1_000;
  const fetched: number[] = [];
  const table = createEmlDragHandlers({
    raw: async (id) => {
      fetched.push(id);
      return { filename: 'x.eml', dataBase64: Buffer.from(`message ${id}`).toString('base64') };
    },
    subject: (id) => (id === 7 ? 'Plans: Q3' : undefined),
    now: () => clock,
  });
  return { table, fetched, advance: (ms: number) => (clock += ms) };
}

describe('eml drag tickets', () => {
  it('gives the message once for its ticket, named from its subject', async () => {
    const { table, fetched } = handlers();
    const { ticket, filename } = await table['message.dragTicket']({ id: 7 });
    expect(filename).toBe('Plans Q3.eml');
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const raw = await table['message.rawByTicket']({ ticket });
    expect(Buffer.from(raw.dataBase64, 'base64').toString()).toBe('message 7');
    await expect(table['message.rawByTicket']({ ticket })).rejects.toThrow();
    expect(fetched).toEqual([7]);
  });

  it('lets a ticket lapse and gives none for an unknown message or ticket', async () => {
    const { table, fetched, advance } = handlers();
    const { ticket } = await table['message.dragTicket']({ id: 7 });
    advance(DRAG_TICKET_MS + 1);
    await expect(table['message.rawByTicket']({ ticket })).rejects.toThrow();
    await expect(table['message.dragTicket']({ id: 8 })).rejects.toThrow();
    await expect(table['message.rawByTicket']({ ticket: 'y'.repeat(32) })).rejects.toThrow();
    expect(fetched).toEqual([]);
  });

  it('gives each request its own ticket', async () => {
    const { table } = handlers();
    const a = await table['message.dragTicket']({ id: 7 });
    const b = await table['message.dragTicket']({ id: 7 });
    expect(a.ticket).not.toBe(b.ticket);
  });
});
