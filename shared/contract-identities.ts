// Identities: the other From addresses of an account (aliases), each with its own name and
// signature. The composer's From picker lists them; a reply goes out from the one the original
// was sent to. Spread into contract.ts's `methods`.
import { z } from 'zod';
import { accountIdSchema } from './schemas';

const ok = z.object({ ok: z.literal(true) });
/** Where a reply from this identity puts its signature; null: where the account puts its own. */
const placementSchema = z.enum(['above', 'below']).nullable();

export const identitySchema = z.object({
  id: z.number().int(),
  accountId: accountIdSchema,
  email: z.string(),
  name: z.string(),
  signature: z.string(),
  signaturePlacement: placementSchema,
});

export const identityMethods = {
  'identities.list': { input: z.object({ accountId: accountIdSchema.optional() }), output: z.array(identitySchema) },
  /** Adds an identity, or changes one (`id`). */
  'identities.save': {
    input: z.object({
      id: z.number().int().positive().optional(),
      accountId: accountIdSchema,
      email: z
        .string()
        .trim()
        .min(3)
        .max(320)
        .regex(/^[^\s@<>,;]+@[^\s@<>,;]+$/),
      name: z.string().trim().max(200),
      signature: z.string().max(10_000),
      /** Left out: as the account. */
      signaturePlacement: placementSchema.optional(),
    }),
    output: identitySchema,
  },
  'identities.remove': { input: z.object({ id: z.number().int().positive() }), output: ok },
} as const;

export type IdentityMethodName = keyof typeof identityMethods;
export type Identity = z.infer<typeof identitySchema>;
