// The contacts part of the contract: the local address book built from the mail the user sent
// and received, plus the contacts the user added; what the recipient fields autocomplete from,
// offline. Spread into contract.ts's `methods`.
import { z } from 'zod';

const ok = z.object({ ok: z.literal(true) });
const addressSchema = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .regex(/^[^\s@<>,;]+@[^\s@<>,;]+$/);
/** A vCard file as text: 5 MB holds tens of thousands of contacts. */
const VCARD_MAX_CHARS = 5_000_000;

export const contactSchema = z.object({
  address: z.string(),
  name: z.string(),
  /** Messages the user wrote to this address (found in Sent), and the last one's date. */
  writtenCount: z.number().int(),
  lastWrittenAt: z.number(),
  /** Messages received from it, and the last one's date. */
  seenCount: z.number().int(),
  lastSeenAt: z.number(),
  /** Added or edited by the user (kept as the user wrote it, and offered even if never written to). */
  addedByUser: z.boolean(),
});

export const contactMethods = {
  /**
   * Contacts whose name or address has a word starting with each word of `query`, best first:
   * those the user writes to often and lately, then those they hear from.
   */
  'contacts.search': {
    input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).optional() }),
    output: z.array(contactSchema),
  },
  /** Adds a contact, or renames one (the name the user gives wins over names seen in mail). */
  'contacts.save': {
    input: z.object({ address: addressSchema, name: z.string().trim().max(200) }),
    output: contactSchema,
  },
  'contacts.remove': { input: z.object({ address: addressSchema }), output: ok },
  /** Reads a .vcf file's text: every EMAIL of every card becomes a contact the user added. */
  'contacts.importVcard': {
    input: z.object({ text: z.string().max(VCARD_MAX_CHARS) }),
    output: z.object({ imported: z.number().int(), skipped: z.number().int() }),
  },
  /** Every contact as a vCard 4.0 file's text. */
  'contacts.exportVcard': { input: z.object({}), output: z.object({ text: z.string() }) },
} as const;

export type ContactMethodName = keyof typeof contactMethods;
export type Contact = z.infer<typeof contactSchema>;
