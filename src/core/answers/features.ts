import { INTENT_NAMES, type IntentName } from '../knowledge/schema.js';
import type { Entry } from '../knowledge/types.js';
import { isStopword, stem } from '../search/text.js';
import { answerTypeOf, hasAnswerOfType } from './answer-type.js';
import type { Evidence } from './candidates.js';
import type { LabelSimilarity } from './example-index.js';
import type { Features } from './model.js';

/** One thing a question could be: an item to quote, a conversational intent, or nothing the compacts cover. */
export type Option = { kind: 'item'; entry: Entry } | { kind: 'intent'; intent: IntentName } | { kind: 'none' };

export const intentLabel = (i: IntentName) => `intent:${i}`;
export const NONE_LABEL = 'none';

const NO_SIMILARITY: LabelSimilarity = { words: [], chars: 0, centroid: 0 };

function similarity(prefix: string, s: LabelSimilarity = NO_SIMILARITY, withChars = true): Features {
  const top = s.words.slice(0, 3);
  const f: Features = { [`${prefix}.words`]: top[0] ?? 0, [`${prefix}.words3`]: top.reduce((a, b) => a + b, 0) / 3 };
  if (withChars) Object.assign(f, { [`${prefix}.chars`]: s.chars, [`${prefix}.centroid`]: s.centroid });
  return f;
}

/**
 * The options open to a question and the features of each. `known` tells whether a stem occurs in what
 * the compacts cover (their text and in-scope examples): the share of the question it does not know counts
 * towards "not in the compacts". `likely` is each label's word likelihood among the options.
 */
export function describeOptions(
  ev: Evidence,
  known: (stem: string) => boolean,
  likely: Map<string, number>,
): { options: Option[]; features: Features[] } {
  const a = ev.analysis;
  const type = answerTypeOf(a.text);
  const bestBm = Math.max(0, ...[...ev.bm25.values()].map((s) => s.score));
  const bestWords = Math.max(0, ...ev.items.map((e) => ev.similar.get(e.key)?.words[0] ?? 0));
  const named = new Set(a.compacts);
  const options: Option[] = [];
  const features: Features[] = [];
  for (const entry of ev.items) {
    const s = ev.similar.get(entry.key);
    const bm = ev.bm25.get(entry.key);
    const f: Features = {
      'item.bias': 1,
      'item.likely': likely.get(entry.key) ?? 0,
      ...similarity('item', s),
      'item.bestWords': s && (s.words[0] ?? 0) >= bestWords ? 1 : 0,
      'item.bm25': bm ? bm.score / (bm.score + 8) : 0,
      'item.bm25Best': bm && bm.score >= bestBm ? 1 : 0,
      'item.coverage': bm?.coverage ?? 0,
      'item.namedCompact': named.has(entry.compact) ? 1 : 0,
      'item.otherCompactNamed': named.size > 0 && !named.has(entry.compact) ? 1 : 0,
      'item.glossaryName': ev.named.has(entry.key) ? 1 : 0,
      'item.answerType': type && hasAnswerOfType(type, entry.text) ? 1 : 0,
      'item.fromReport': entry.source.kind === 'report' ? 1 : 0,
      [`item.kind.${entry.kind}`]: 1,
    };
    options.push({ kind: 'item', entry });
    features.push(f);
  }
  const glossaryNamed = ev.named.size > 0 ? 1 : 0;
  for (const intent of INTENT_NAMES) {
    options.push({ kind: 'intent', intent });
    features.push({
      [`${intent}.bias`]: 1,
      [`${intent}.likely`]: likely.get(intentLabel(intent)) ?? 0,
      ...similarity(intent, ev.similar.get(intentLabel(intent)), false),
      [`${intent}.compactNamed`]: named.size > 0 ? 1 : 0,
      [`${intent}.compactsNamed2`]: named.size > 1 ? 1 : 0,
      [`${intent}.glossaryName`]: glossaryNamed,
    });
  }
  const content = a.words.filter((w) => !isStopword(w) && !named.has(w) && !/^\d/.test(w));
  const unknown = content.length === 0 ? 0 : content.filter((w) => !known(stem(w))).length / content.length;
  options.push({ kind: 'none' });
  features.push({
    'none.bias': 1,
    'none.likely': likely.get(NONE_LABEL) ?? 0,
    ...similarity('none', ev.similar.get(NONE_LABEL), false),
    'none.unknown': unknown,
    'none.empty': content.length === 0 ? 1 : 0,
  });
  return { options, features };
}
