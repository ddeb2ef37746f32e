import { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/types.js';
import { normalize } from '../search/text.js';
import { cleanText, echo, type FieldContext, type Parsed } from './field-input.js';
import type { FieldDef } from './types.js';
import { parseUndertakings, undertakingList } from './undertakings.js';

const SKIP = new Set(['skip', 'none', 'n a', 'na', 'no', '-', 'nothing', 'not applicable', '']);
const YES = new Set([
  'yes',
  'y',
  'yeah',
  'yep',
  'yup',
  'ok',
  'okay',
  'sure',
  'agree',
  'i agree',
  'we agree',
  'agreed',
  'true',
  'yes please',
  'confirm',
  'i do',
  'we do',
]);
const NO = new Set(['no', 'n', 'nope', 'nah', 'false', 'disagree', 'do not', 'dont', 'i do not', 'we do not', 'no thanks']);
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const emailSchema = z.email();

function fail(error: string): Parsed {
  return { ok: false, error };
}

function parseCompact(raw: string, kb: KnowledgeBase): Parsed {
  const n = normalize(raw);
  const byNumber = /^\d+$/.test(n) ? kb.compacts[Number(n) - 1] : undefined;
  const match =
    byNumber ??
    kb.compacts.find((c) => [c.meta.id, c.meta.area, c.meta.name, ...c.meta.aliases].some((name) => normalize(name) === n)) ??
    kb.compacts.find((c) => [c.meta.id, c.meta.area, ...c.meta.aliases].some((name) => n.split(' ').includes(normalize(name))));
  if (!match) {
    const choices = kb.compacts.map((c, i) => `${i + 1}. ${c.meta.area}`).join(', ');
    return fail(`I do not know a compact called "${echo(raw, 60)}". Choose one of: ${choices}.`);
  }
  return { ok: true, value: match.meta.id };
}

/** The compact `raw` names, read as the forms' compact question reads an answer (by name, area, alias or number). */
export function compactNamed(raw: string, kb: KnowledgeBase): string | undefined {
  const input = cleanText(raw);
  const parsed = input === '' ? undefined : parseCompact(input, kb);
  return parsed?.ok ? String(parsed.value) : undefined;
}

function parseDate(raw: string, now: Date): Parsed {
  const s = raw.trim().toLowerCase();
  let y: number | undefined;
  let m: number | undefined;
  let d: number | undefined;
  let match: RegExpExecArray | null;
  if (s === 'today' || s === 'yesterday') {
    const t = new Date(now.getTime() - (s === 'yesterday' ? 86_400_000 : 0));
    [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
  } else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+),? (\d{4})$/.exec(s))) {
    const month = MONTHS.findIndex((x) => x.startsWith(match![2]!.slice(0, 3)));
    if (month >= 0 && match[2]!.length >= 3) [d, m, y] = [Number(match[1]), month + 1, Number(match[3])];
  } else if ((match = /^([a-z]+) (\d{4})$/.exec(s))) {
    const month = MONTHS.findIndex((x) => x.startsWith(match![1]!.slice(0, 3)));
    if (month >= 0 && match[1]!.length >= 3) [d, m, y] = [1, month + 1, Number(match[2])];
  }
  if (y === undefined || m === undefined || d === undefined)
    return fail('Please give a date such as 31/10/2026, 2026-10-31 or 31 October 2026.');
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return fail(`There is no such date as ${raw.trim()}.`);
  if (y < 1990) return fail('That date is before any of the compacts existed; please check the year.');
  if (date.getTime() > now.getTime()) return fail('That date is in the future; please give the date it happened.');
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

/** Validates one answer. Optional fields accept "skip". */
export function parseField(field: FieldDef, raw: string, ctx: FieldContext): Parsed {
  const input = cleanText(raw);
  const n = normalize(input);
  if (field.optional && SKIP.has(n)) return { ok: true, value: undefined };
  if (input === '') return fail(`${field.label} is needed.`);
  if (field.maxLength && input.length > field.maxLength) {
    return fail(
      `That is ${input.length.toLocaleString('en-GB')} characters; please keep it to ${field.maxLength.toLocaleString('en-GB')}.`,
    );
  }
  switch (field.type) {
    case 'compact':
      return parseCompact(input, ctx.kb);
    case 'text':
    case 'longtext':
      return /\p{L}/u.test(input) && input.length >= 2
        ? { ok: true, value: input }
        : fail(`Please write ${field.label.toLowerCase()} in words.`);
    case 'email':
      return emailSchema.safeParse(input).success
        ? { ok: true, value: input.toLowerCase() }
        : fail(`"${echo(input, 80)}" is not an email address; it should look like name@example.org.`);
    case 'phone': {
      const digits = input.replace(/[\s()-]/g, '');
      return /^(\+44\d{9,10}|0\d{9,10})$/.test(digits)
        ? { ok: true, value: input }
        : fail('That is not a UK phone number; it should look like 01234 567890 or +44 1234 567890 (or type "skip").');
    }
    case 'registration-number': {
      const v = input.toUpperCase().replace(/\s+/g, '');
      if (/^\d{6,7}(-\d{1,2})?$/.test(v)) return { ok: true, value: `charity ${v}` };
      if (/^(\d{8}|[A-Z]{2}\d{6})$/.test(v)) return { ok: true, value: `company ${v}` };
      return fail(
        'That is neither a charity number (6 or 7 digits, such as 1234567) ' +
          'nor a company number (8 characters, such as 01234567 or SC123456). Type "skip" if there is none.',
      );
    }
    case 'choice': {
      const choices = field.choices ?? [];
      const byNumber = /^\d+$/.test(n) ? choices[Number(n) - 1] : undefined;
      const match =
        byNumber ??
        choices.find((c) => normalize(c.value) === n || normalize(c.label) === n) ??
        choices.find((c) => n.length >= 3 && normalize(c.label).includes(n));
      return match
        ? { ok: true, value: match.value }
        : fail(`Please choose one of: ${choices.map((c, i) => `${i + 1}. ${c.label}`).join(', ')}.`);
    }
    case 'yes-no':
      if (YES.has(n)) return { ok: true, value: true };
      if (NO.has(n)) return { ok: true, value: false };
      return fail('Please answer yes or no.');
    case 'agree':
      if (YES.has(n)) return { ok: true, value: true };
      if (NO.has(n))
        return fail(
          'Signing up means adopting the compact’s undertakings, so I can only record a sign-up with agreement. ' +
            'Say "yes" to agree, or "cancel" to stop.',
        );
      return fail('Please answer yes or no.');
    case 'date':
      return parseDate(input, ctx.now);
    case 'undertakings': {
      const answer = parseUndertakings(input, ctx);
      const name = undertakingList(ctx.kb, ctx.compact).compactName;
      return 'search' in answer ? fail(`Type undertaking numbers from the ${name}’s list, or "not sure".`) : answer;
    }
  }
}

/** An answer as shown on the review screen. */
export function displayValue(field: FieldDef, value: unknown, kb: KnowledgeBase): string {
  if (value === undefined) return '(not given)';
  switch (field.type) {
    case 'compact':
      return kb.compacts.find((c) => c.meta.id === value)?.meta.name ?? String(value);
    case 'choice':
      return field.choices?.find((c) => c.value === value)?.label ?? String(value);
    case 'yes-no':
    case 'agree':
      return value ? 'Yes' : 'No';
    case 'undertakings':
      // A free description where the compact has no numbered undertakings.
      if (typeof value === 'string') return value;
      return (value as string[]).map((v) => (v === 'not-sure' ? 'Not sure' : v)).join(', ');
    default:
      return String(value);
  }
}
