// Errors the body fetchers throw, with the contract's error code so the service can pass
// them on (ContractError 'not-found') without matching on message text.

/** The message (UID) is not in the selected mailbox: expunged or moved since the last sync. */
export class MessageNotFoundError extends Error {
  readonly code = 'not-found' as const;
  constructor(readonly uid: number) {
    super(`Message UID ${uid} is no longer on the server`);
    this.name = 'MessageNotFoundError';
  }
}

/** The message exists but has no such body part. */
export class PartNotFoundError extends Error {
  readonly code = 'not-found' as const;
  constructor(
    readonly uid: number,
    readonly part: string,
  ) {
    super(`Message UID ${uid} has no part ${part}`);
    this.name = 'PartNotFoundError';
  }
}
