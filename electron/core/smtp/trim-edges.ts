// Trimming runs of one kind of character from the ends of text that came in a message. Loops,
// not /\n+$/ or /[ \t]+$/: those regexes retry from every character of a long run that is not at
// the end, so replying to a message with a long run of newlines or blanks inside it took seconds.

/** `text` without the characters of `set` at its end. */
export function trimEnd(text: string, set: string): string {
  let end = text.length;
  while (end > 0 && set.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the characters of `set` at either end. */
export function trimEdges(text: string, set: string): string {
  let start = 0;
  while (start < text.length && set.includes(text[start]!)) start++;
  return trimEnd(text.slice(start), set);
}
