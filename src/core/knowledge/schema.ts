import { z } from 'zod';

// Fields named `text`, `definition`, `expansion`, `heading` and the contact details are the
// compact's own words and are checked verbatim against the source. `title`, `topic`, `aliases`
// `keywords` and `asked` (questions the item answers, for the answer model) are our wording: shown as labels,
// never as a quote.

const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** Example questions an item answers, in our own words. */
const asked = z.array(nonEmpty).default([]);
const slug = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be lower-case letters, digits, dots and hyphens');

const sourceSchema = z.strictObject({
  id: slug,
  title: nonEmpty,
  publisher: nonEmpty,
  year: z.number().int().min(1990).max(2100),
  status: nonEmpty,
  kind: z.enum(['compact', 'report']),
  file: z.string().regex(/^[a-z0-9-]+\.txt$/, 'must be a kebab-case .txt file name in the same folder'),
  /** Where the document itself says it is published; left out when it names no address. The loader checks the source names it. */
  url: z.url({ protocol: /^https?$/ }).optional(),
});

export const compactSchema = z.strictObject({
  id: slug,
  name: nonEmpty,
  area: nonEmpty,
  aliases: z.array(nonEmpty).default([]),
  sources: z.array(sourceSchema).min(1, 'a compact needs at least one source'),
});

const count = z.number().int().positive().optional();

/**
 * A period the item's text sets, for working out dates. `given` (the day asked about) and `due` (what the worked-out
 * day is) are our wording; `exceptions` are the compact's, verbatim from the item's text.
 */
const periodSchema = z
  .strictObject({
    days: count,
    weeks: count,
    months: count,
    /** back: the period ends on the day asked about (notice before a change); forward: it starts then. */
    counts: z.enum(['back', 'forward']),
    given: nonEmpty,
    due: nonEmpty,
    exceptions: z.array(nonEmpty).default([]),
  })
  .refine((p) => [p.days, p.weeks, p.months].filter((n) => n !== undefined).length === 1, {
    message: 'a period needs exactly one of days, weeks or months',
  });

const bySchema = z.enum(['statutory', 'vcs', 'joint']);

const undertakingSchema = z.strictObject({
  id: slug,
  title: nonEmpty,
  text: nonEmpty,
  keywords: z.array(nonEmpty).default([]),
  period: periodSchema.optional(),
  asked,
});

const undertakingGroupSchema = z.strictObject({
  source: slug,
  section: nonEmpty,
  heading: nonEmpty,
  by: bySchema,
  items: z.array(undertakingSchema).min(1),
});

const principleSchema = z.strictObject({
  id: slug,
  source: slug,
  kind: z.enum(['principle', 'aim', 'outcome', 'purpose', 'vision', 'challenge']),
  heading: nonEmpty,
  title: nonEmpty,
  text: nonEmpty,
  keywords: z.array(nonEmpty).default([]),
  period: periodSchema.optional(),
  asked,
});

const termSchema = z
  .strictObject({
    term: nonEmpty,
    source: slug,
    acronym: z
      .string()
      .regex(/^[A-Z][A-Za-z&. ]*$/, 'must be an upper-case acronym')
      .optional(),
    expansion: nonEmpty.optional(),
    definition: nonEmpty.optional(),
    aliases: z.array(nonEmpty).default([]),
    asked,
  })
  .refine((t) => t.expansion !== undefined || t.definition !== undefined, {
    message: 'a term needs a definition or an expansion from the source',
  });

const contactSchema = z.strictObject({
  name: nonEmpty,
  role: nonEmpty.optional(),
  organisation: nonEmpty.optional(),
  phone: nonEmpty.optional(),
  email: nonEmpty.optional(),
  web: nonEmpty.optional(),
});

const routeSchema = z.strictObject({
  id: slug,
  kind: z.enum(['signup', 'dispute', 'contact']),
  source: slug,
  title: nonEmpty,
  text: z.array(nonEmpty).min(1),
  contacts: z.array(contactSchema).default([]),
  asked,
});

const factSchema = z.strictObject({
  id: slug,
  source: slug,
  topic: nonEmpty,
  title: nonEmpty,
  text: nonEmpty,
  keywords: z.array(nonEmpty).default([]),
  period: periodSchema.optional(),
  asked,
});

export const undertakingsFileSchema = z.array(undertakingGroupSchema);
export const principlesFileSchema = z.array(principleSchema);
export const termsFileSchema = z.array(termSchema);
export const routesFileSchema = z.array(routeSchema);
export const factsFileSchema = z.array(factSchema);

export const synonymsFileSchema = z.strictObject({
  groups: z.array(z.array(nonEmpty).min(2, 'a synonym group needs at least two words')),
});

/** What people say that is not a question about an item: the conversational intents the model learns. */
export const INTENT_NAMES = ['signup', 'breach', 'help', 'thanks', 'define', 'compare', 'list', 'use'] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

export const intentsFileSchema = z.strictObject(
  Object.fromEntries(INTENT_NAMES.map((n) => [n, z.array(nonEmpty).min(1, 'an intent needs example messages')])) as Record<
    IntentName,
    z.ZodArray<typeof nonEmpty>
  >,
);

export const outOfScopeFileSchema = z.array(z.strictObject({ subject: nonEmpty, asked: z.array(nonEmpty).min(1) }));

export type SourceDoc = z.infer<typeof sourceSchema>;
export type CompactMeta = z.infer<typeof compactSchema>;
export type By = z.infer<typeof bySchema>;
export type TermData = z.infer<typeof termSchema>;
export type RouteData = z.infer<typeof routeSchema>;
export type PeriodData = z.infer<typeof periodSchema>;
