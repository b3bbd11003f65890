// nodemailer's SMTPConnection reports errors either through a step's callback or as an 'error'
// event (a dropped socket, a timeout), and a server that hangs up only as 'end'. Sending and the
// wizard's connection test both drive a connection step by step, so every step races against
// those events here; the listener also keeps an 'error' from crashing the process.
import type SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface SmtpSteps {
  /** Runs one callback-style step; rejects with its error, or with the connection's. */
  step<T>(run: (done: (error: unknown, value?: T) => void) => void): Promise<T>;
  /** Rejects once the connection fails or closes: race anything else that waits against it. */
  broken: Promise<never>;
  /** Before closing: the end we cause is no failure, and a late 'error' still finds a listener. */
  release(): void;
}

export function smtpSteps(connection: SMTPConnection): SmtpSteps {
  let failed: (error: unknown) => void = () => undefined;
  const broken = new Promise<never>((_, reject) => (failed = reject));
  broken.catch(() => undefined);
  connection.on('error', (error: unknown) => failed(error));
  connection.once('end', () => failed(Object.assign(new Error('The connection was closed'), { code: 'ECONNECTION' })));
  return {
    step: <T>(run: (done: (error: unknown, value?: T) => void) => void): Promise<T> =>
      Promise.race([
        new Promise<T>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T)))),
        broken,
      ]),
    broken,
    release() {
      connection.removeAllListeners('end');
      connection.on('error', () => undefined);
    },
  };
}
