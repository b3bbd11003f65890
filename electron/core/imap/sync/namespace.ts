// The personal namespace (RFC 2342) as the user should not see it. Courier and older Cyrus put
// every folder under "INBOX." ("INBOX.Sent", "INBOX.Projects"): drawn as they are, all of them
// would nest under Inbox. The server path stays as it is for every command; only the parent the
// folder tree hangs a folder from changes, so "INBOX.Sent" is a top-level "Sent".

/**
 * The parent to show for a folder: its server parent, or null when that parent is only the
 * namespace prefix ("INBOX" for the prefix "INBOX."), or the folder is the namespace itself.
 */
export function displayParent(
  entry: { path: string; parentPath: string | null; delimiter: string },
  namespacePrefix: string,
): string | null {
  if (!entry.parentPath) return null;
  if (!namespacePrefix) return entry.parentPath;
  if (entry.parentPath + entry.delimiter === namespacePrefix || entry.parentPath === namespacePrefix) return null;
  return entry.parentPath;
}
