// The smallest message a server test needs: plain text, the subject as its body (or a text of its own), and a
// Message-ID made from the subject, so a test can find it again on either side.

/** An RFC 5322 message with `subject` as subject, and as body unless `body` is given. */
export function plainMessage(subject: string, body = subject): string {
  return (
    `From: Sender <sender@example.test>\r\nTo: someone@example.test\r\nSubject: ${subject}\r\n` +
    `Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.test>\r\n\r\n${body}\r\n`
  );
}

/**
 * A note to `to` with no Date and no Message-ID: the barest mail a server takes, dated by its
 * arrival and told apart by its subject alone (the server-settings and sign-in tests follow
 * which server's mail the list shows).
 */
export function noteTo(to: { address: string }, subject: string): Buffer {
  return Buffer.from(`From: ada@example.test\r\nTo: ${to.address}\r\nSubject: ${subject}\r\n\r\nHi\r\n`);
}
