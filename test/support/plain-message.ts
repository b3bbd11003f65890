// The smallest message a server test needs: plain text, the subject as its body, and a
// Message-ID made from the subject, so a test can find it again on either side.

/** An RFC 5322 message with `subject` as subject and body. */
export function plainMessage(subject: string): string {
  return (
    `From: Sender <sender@example.test>\r\nTo: someone@example.test\r\nSubject: ${subject}\r\n` +
    `Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.test>\r\n\r\n${subject}\r\n`
  );
}
