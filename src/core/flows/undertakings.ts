import type { AnswerEngine } from '../answers/engine.js';
import type { Block } from '../answers/reply.js';
import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { normalize } from '../search/text.js';
import { echo, type FieldContext, type Parsed } from './field-input.js';

/** The answer to the undertakings question: ids, "not sure", or words to search the compact for. */
export type UndertakingsAnswer = Parsed | { search: string };

const NOT_SURE = new Set(['not sure', 'unsure', 'dont know', 'do not know', 'no idea', 'idk', 'not known']);
const LOOKS_LIKE_ID = /^\d+\.\d+(-[a-z-]+)?$|^[a-z]+(-[a-z0-9]+)+$/;
const NUMBERED = /^\d+\.\d+$/;

export interface UndertakingList {
  compactName: string;
  entries: Entry[];
  /** True when the compact numbers its undertakings (4.4): those numbers are typed. Otherwise list positions are. */
  numbered: boolean;
}

export function undertakingList(kb: KnowledgeBase, compact: string | undefined): UndertakingList {
  const c = kb.compacts.find((x) => x.meta.id === compact);
  const entries = c?.entries.filter((e) => e.kind === 'undertaking') ?? [];
  const numbered = entries.length > 0 && entries.every((e) => NUMBERED.test(e.id));
  return { compactName: c?.meta.name ?? 'That compact', entries, numbered };
}

/** What is typed to choose an entry: its own number where the compact has them, its place in the list otherwise. */
export function choiceNumber(list: UndertakingList, index: number): string {
  return list.numbered ? list.entries[index]!.id : String(index + 1);
}

/**
 * The one rule for the undertakings answer, in a chat and in a form: undertaking numbers or list numbers,
 * "not sure", a free description where the compact has no undertakings, or words to search for.
 */
export function parseUndertakings(raw: string, ctx: FieldContext): UndertakingsAnswer {
  const text = raw.trim();
  const n = normalize(text);
  const list = undertakingList(ctx.kb, ctx.compact);
  if (NOT_SURE.has(n)) return { ok: true, value: ['not-sure'] };
  if (list.entries.length === 0) {
    if (/\p{L}/u.test(text) && text.length >= 2) return { ok: true, value: echo(text, 500) };
    const error = `The ${list.compactName} sets out no numbered undertakings: describe in a few words what was not done, or "not sure".`;
    return { ok: false, error };
  }
  const parts = text
    .split(/\s*(?:,|;|\band\b|\s)\s*/i)
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const isChoice = (p: string) => /^\d+$/.test(p) || LOOKS_LIKE_ID.test(p);
  if (parts.length === 0 || !parts.every(isChoice)) return { search: text };
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const p of parts) {
    const byPlace = !list.numbered && /^\d+$/.test(p) ? list.entries[Number(p) - 1] : undefined;
    const entry = byPlace ?? list.entries.find((e) => e.id.toLowerCase() === p);
    if (entry) ids.push(entry.id);
    else unknown.push(p);
  }
  if (unknown.length > 0) return { ok: false, error: unknownChoice(ctx.kb, list, unknown) };
  return { ok: true, value: [...new Set(ids)] };
}

function unknownChoice(kb: KnowledgeBase, list: UndertakingList, unknown: string[]): string {
  const range = list.numbered ? `numbers such as ${list.entries[0]!.id}` : `a number from 1 to ${list.entries.length}`;
  const elsewhere = kb.compacts
    .filter((c) => c.entries.some((e) => e.kind === 'undertaking' && unknown.includes(e.id.toLowerCase())))
    .map((c) => c.meta.name);
  const typed = unknown.join(', ');
  const note = !list.numbered && elsewhere.length > 0 ? ` (${typed} is numbered so in the ${elsewhere.join(' and the ')})` : '';
  return `The ${list.compactName} has no undertaking ${typed}${note}. Type ${range} from its list, words to search it, or "not sure".`;
}

/** Whether an answer given for one compact still fits `compact` (after the compact was changed). */
export function undertakingsFit(value: unknown, kb: KnowledgeBase, compact: string | undefined): boolean {
  const list = undertakingList(kb, compact);
  if (Array.isArray(value)) {
    if (value.length === 1 && value[0] === 'not-sure') return true;
    return list.entries.length > 0 && value.every((id) => list.entries.some((e) => e.id === id));
  }
  return typeof value === 'string' && list.entries.length === 0;
}

/** Shown with the undertakings question in a chat: the compact's list with the numbers to type, or why there is none. */
export function undertakingsPrompt(kb: KnowledgeBase, compact: string | undefined): Block[] {
  const list = undertakingList(kb, compact);
  if (list.entries.length === 0) {
    const text = `The ${list.compactName} sets out no numbered undertakings. Describe in a few words what was not kept, or "not sure".`;
    return [{ type: 'text', text }];
  }
  const how = list.numbered ? 'Type the numbers of those not kept' : 'Type the list numbers of those not kept';
  const [first, second] = [choiceNumber(list, 0), choiceNumber(list, Math.min(1, list.entries.length - 1))];
  return [
    { type: 'text', text: `The undertakings of the ${list.compactName}:` },
    { type: 'fields', items: list.entries.map((e, i) => ({ label: choiceNumber(list, i), value: e.title })) },
    { type: 'text', text: `${how} (for example "${first}" or "${first}, ${second}"), a few words to search them, or "not sure".` },
  ];
}

/** The same rule in a form, which cannot show matches: words get an error naming the matches' numbers. */
export function formUndertakings(engine: AnswerEngine, input: string, ctx: FieldContext): Parsed {
  const answer = parseUndertakings(input, ctx);
  if (!('search' in answer)) return answer;
  const list = undertakingList(ctx.kb, ctx.compact);
  const hits = ctx.compact ? engine.search(answer.search, ctx.compact, ['undertaking'], 4) : [];
  const named = hits.map(
    (h) =>
      `${choiceNumber(
        list,
        list.entries.findIndex((e) => e.id === h.id),
      )} (${h.title})`,
  );
  const words = echo(answer.search, 60);
  if (named.length === 0) {
    return { ok: false, error: `Nothing in the ${list.compactName} matches “${words}”. Give its undertaking numbers, or "not sure".` };
  }
  const error = `Matches for “${words}” in the ${list.compactName}: ${named.join('; ')}. Put their numbers here, or "not sure".`;
  return { ok: false, error };
}
