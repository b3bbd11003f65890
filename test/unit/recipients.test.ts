// Who a reply goes to.
import { describe, expect, it } from 'vitest';
import { replyRecipients } from '../../electron/core/smtp/recipients';

const anna = { name: 'Anna', address: 'anna@example.com' };
const me = { name: 'Me', address: 'me@example.org' };
const meOtherAccount = { name: '', address: 'ME.WORK@example.net' };
const bob = { name: 'Bob', address: 'bob@example.com' };
const carol = { name: 'Carol', address: 'carol@example.com' };
const list = { name: 'The list', address: 'list@lists.example.com' };
const own = ['me@example.org', 'me.work@example.net'];

describe('reply recipients', () => {
  it('reply goes to the sender only', () => {
    expect(replyRecipients({ from: [anna], to: [me, bob], cc: [carol], replyTo: [] }, own, false)).toEqual({
      to: [anna],
      cc: [],
    });
  });

  it('reply honours Reply-To', () => {
    expect(replyRecipients({ from: [anna], to: [list], cc: [], replyTo: [list] }, own, false)).toEqual({
      to: [list],
      cc: [],
    });
  });

  it('reply-all adds To and Cc, leaves out every address of the user, lists nobody twice', () => {
    const result = replyRecipients(
      {
        from: [anna],
        to: [me, bob, { name: '', address: 'ANNA@example.com' }, meOtherAccount],
        cc: [carol, { name: '', address: 'Bob@Example.com' }, { name: 'Me again', address: 'Me@Example.org' }],
        replyTo: [],
      },
      own,
      true,
    );
    expect(result).toEqual({ to: [anna, bob], cc: [carol] });
  });

  it('reply-all with Reply-To replaces the sender, keeps the other recipients', () => {
    expect(replyRecipients({ from: [anna], to: [list, bob], cc: [me], replyTo: [list] }, own, true)).toEqual({
      to: [list, bob],
      cc: [],
    });
  });

  it('a repeat with a display name gives the name to the one kept', () => {
    expect(
      replyRecipients({ from: [{ name: '', address: 'bob@example.com' }], to: [bob], cc: [], replyTo: [] }, own, true)
        .to,
    ).toEqual([{ name: 'Bob', address: 'bob@example.com' }]);
  });

  it('replying to one’s own sent message goes to its recipients', () => {
    expect(replyRecipients({ from: [me], to: [bob, carol], cc: [anna], replyTo: [] }, own, false)).toEqual({
      to: [bob, carol],
      cc: [],
    });
    expect(replyRecipients({ from: [me], to: [bob], cc: [anna], replyTo: [] }, own, true)).toEqual({
      to: [bob],
      cc: [anna],
    });
  });

  it('a note to self replies to self rather than to nobody', () => {
    expect(replyRecipients({ from: [me], to: [me], cc: [], replyTo: [] }, own, true)).toEqual({ to: [me], cc: [] });
  });
});
