// imapflow answers a refused MOVE, STORE or EXPUNGE with `false` instead of an error (it only
// logs the server's words). Taken as success, a refused queued action was silently marked done:
// the user's move or flag never reached the server. This turns `false` back into an error the
// replay can judge (replay-failure.ts).
import type { ImapFlow } from 'imapflow';

export class CommandRefusedError extends Error {
  constructor(
    message: string,
    /** The RFC 5530 code the refusal most likely carried, when we can tell. */
    readonly serverResponseCode?: string,
    /** A network-class code when the connection was gone, not the server refusing. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * Why `command` came back false. Without the server's answer in hand, the state is asked:
 * a dead connection is a network failure; a MOVE whose target is missing is TRYCREATE.
 */
export async function refusedCommand(client: ImapFlow, command: string, target?: string): Promise<CommandRefusedError> {
  if (!client.usable)
    return new CommandRefusedError(`The connection closed during ${command}.`, undefined, 'EConnectionClosed');
  if (target !== undefined) {
    const missing = await client.status(target, { messages: true }).then(
      () => false,
      (error: { code?: string }) => error?.code === 'NotFound',
    );
    if (missing) return new CommandRefusedError(`The folder ${target} does not exist.`, 'TRYCREATE');
  }
  return new CommandRefusedError(`The server refused ${command}.`);
}
