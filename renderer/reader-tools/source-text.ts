// The header section of a raw message: everything before the first empty line (RFC 5322 2.1),
// folded lines kept as the server has them, so "All headers" shows exactly what was received.

export function headerSection(source: string): string {
  const end = /\r?\n\r?\n/.exec(source);
  return (end ? source.slice(0, end.index) : source).replace(/\r\n/g, '\n');
}

/** The source as shown: line ends made plain, so the copy matches what is on screen. */
export function shownSource(source: string): string {
  return source.replace(/\r\n/g, '\n');
}
