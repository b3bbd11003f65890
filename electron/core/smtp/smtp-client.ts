// Hands one stored message to the submission server: connect, TLS, AUTH, then the transaction
// (MAIL FROM, RCPT TO, DATA) with the stored envelope and the stored bytes, unchanged.
//
// nodemailer's SMTPConnection (the engine of its SMTP transport) is used directly for one reason:
// the outbox must record "sending" between AUTH and MAIL FROM. A failure before that point
// certainly sent nothing; only a failure inside the transaction leaves the outcome unknown. The
// transport would hide that boundary. It also lets us declare SIZE, so an oversized message is
// refused at MAIL FROM instead of after the upload.
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { RejectedRecipient } from '../../../shared/compose';
import type { ServerSettings } from '../../../shared/domain';
import type { Envelope } from '../store/outbox-repo';
import { smtpConnectionOptions, type SmtpSecurityPolicy } from './smtp-options';
import { smtpSteps } from './smtp-steps';

export type SubmitPhase = 'connect' | 'transaction';

/** What SMTPConnection.login takes: user and password, or an XOAuth2 token source. */
export type SmtpLogin = Parameters<SMTPConnection['login']>[0];

/** An error of a submission, with the phase it happened in (what the outbox needs to decide). */
export class SubmitError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly phase: SubmitPhase,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'SubmitError';
  }
}

/** beforeTransaction said no (the user took the message back): nothing was sent. */
export class SubmitCancelled extends Error {
  constructor() {
    super('The message was taken back before it was sent.');
    this.name = 'SubmitCancelled';
  }
}

export interface SubmitRequest {
  server: ServerSettings;
  username: string;
  password: string;
  /**
   * Signs in with this instead of username and password: an OAuth2 account's XOAuth2 token
   * source (accounts/auth/oauth-authenticator.ts), which renews a refused token once by itself.
   */
  login?: SmtpLogin;
  security?: SmtpSecurityPolicy;
  raw: Buffer;
  envelope: Envelope;
  /** Runs after AUTH, right before MAIL FROM. Returning false ends the session without sending. */
  beforeTransaction(): boolean;
}

export interface SubmitResult {
  accepted: string[];
  /** Refused while others were accepted: the message went to the rest. */
  rejected: RejectedRecipient[];
  /** The server's final answer, e.g. "250 2.0.0 Ok: queued as 5BE2621143F". */
  response: string;
}

export async function submitMessage(request: SubmitRequest): Promise<SubmitResult> {
  let phase: SubmitPhase = 'connect';
  const connection = new SMTPConnection(smtpConnectionOptions(request.server, request.security));
  const { step, release } = smtpSteps(connection);

  let finished = false;
  try {
    await step<void>((done) => connection.connect((error) => done(error ?? null)));
    // Always authenticate on a protected connection, even when the server does not offer AUTH
    // (it then says why it refuses); only a loopback test server may go without.
    if (connection.allowsAuth || request.server.security !== 'plain')
      await step<boolean>((done) =>
        connection.login(request.login ?? { user: request.username, pass: request.password }, done),
      );
    if (!request.beforeTransaction()) throw new SubmitCancelled();
    phase = 'transaction';
    const info = await step<{
      accepted: string[];
      rejectedErrors?: { recipient?: string; response?: string; message: string }[];
      response: string;
    }>((done) => connection.send({ ...request.envelope, size: request.raw.length }, request.raw, done));
    finished = true;
    return {
      accepted: info.accepted,
      rejected: (info.rejectedErrors ?? []).map((e) => ({
        address: e.recipient ?? '',
        response: e.response ?? e.message,
      })),
      response: info.response,
    };
  } catch (error) {
    if (error instanceof SubmitCancelled) throw error;
    throw new SubmitError(error, phase);
  } finally {
    release();
    if (finished) connection.quit();
    else connection.close();
  }
}
