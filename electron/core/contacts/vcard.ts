// vCard (.vcf) in and out, for the contacts the user moves between apps. Reading accepts what
// address books write (RFC 6350 4.0, RFC 2426 3.0, the older 2.1 with quoted-printable): folded
// lines, escaped commas and semicolons, parameters, several EMAILs per card. Writing is 4.0:
// one card per contact, lines folded at 75 octets. Only names and email addresses matter here.

export interface VcardContact {
  name: string;
  address: string;
}

/** Lines with their folds undone (a line starting with a space or tab continues the previous one). */
function unfold(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n');
}

function unescapeValue(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function escapeValue(value: string): string {
  return value.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** vCard 2.1's quoted-printable (soft line breaks already joined by the caller). */
function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const text = value.replace(/=\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(text.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...new TextEncoder().encode(text[i]!));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

interface Property {
  name: string;
  params: string;
  value: string;
}

function parseLine(line: string): Property | null {
  // The value starts after the first colon outside a quoted parameter value.
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) {
      const head = line.slice(0, i);
      const [rawName = '', ...params] = head.split(';');
      // "item1.EMAIL" (Apple's groups): the property is what follows the dot.
      const name = rawName.replace(/^[^.]*\./, '').toUpperCase();
      const joined = params.join(';');
      let value = line.slice(i + 1);
      if (/ENCODING=QUOTED-PRINTABLE/i.test(joined)) value = decodeQuotedPrintable(value);
      return { name, params: joined, value };
    }
  }
  return null;
}

/** "Berg;Anna;;;" (N: family; given; ...) → "Anna Berg", for cards without FN. */
function nameFromN(value: string): string {
  const [family = '', given = '', middle = ''] = value.split(/(?<!\\);/).map(unescapeValue);
  return [given, middle, family].filter((part) => part.trim() !== '').join(' ');
}

export function parseVcards(text: string): { contacts: VcardContact[]; skipped: number } {
  const contacts: VcardContact[] = [];
  let skipped = 0;
  let card: Property[] | null = null;
  // Quoted-printable values may continue on the next line after a trailing "=".
  const lines = unfold(text);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    while (/ENCODING=QUOTED-PRINTABLE/i.test(line) && line.endsWith('=') && i + 1 < lines.length)
      line = `${line}\n${lines[++i]}`;
    if (/^BEGIN:VCARD$/i.test(line.trim())) {
      card = [];
      continue;
    }
    if (/^END:VCARD$/i.test(line.trim())) {
      if (card) {
        const fn = card.find((p) => p.name === 'FN');
        const n = card.find((p) => p.name === 'N');
        const name = fn ? unescapeValue(fn.value).trim() : n ? nameFromN(n.value) : '';
        const emails = card.filter((p) => p.name === 'EMAIL').map((p) => unescapeValue(p.value).trim());
        const valid = emails.filter((address) => /^[^\s@<>,;]+@[^\s@<>,;]+$/.test(address));
        if (valid.length === 0) skipped++;
        for (const address of valid) contacts.push({ name, address });
      }
      card = null;
      continue;
    }
    if (!card) continue;
    const property = parseLine(line);
    if (property) card.push(property);
  }
  return { contacts, skipped };
}

/** Folds a content line at 75 octets, never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = new TextEncoder().encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function formatVcards(contacts: readonly VcardContact[]): string {
  return contacts
    .map((c) =>
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        `FN:${escapeValue(c.name || c.address)}`,
        `EMAIL:${escapeValue(c.address)}`,
        'END:VCARD',
      ]
        .map(fold)
        .join('\r\n'),
    )
    .map((card) => `${card}\r\n`)
    .join('');
}
