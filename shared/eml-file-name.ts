// The file name a saved message is offered under: its subject, made safe for every file
// system (no separators, no control or reserved characters), with the .eml extension.

const MAX_STEM = 120;

export function emlFileName(subject: string): string {
  const stem = subject
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, MAX_STEM)
    .trim();
  return `${stem || 'message'}.eml`;
}
