import { stem } from '../search/text.js';
import type { Analysis } from './analyze.js';
import type { Featurized } from './example-index.js';

/** Word stems and stem bigrams (compact names left out: a named compact is a feature of its own), and character 3- and 4-grams. */
export function featurize(a: Analysis): Featurized {
  const named = new Set(a.compacts);
  const stems = a.words.filter((w) => !named.has(w)).map(stem);
  const words = [...stems];
  for (let i = 1; i < stems.length; i++) words.push(`${stems[i - 1]} ${stems[i]}`);
  const chars: string[] = [];
  for (const w of a.plain) {
    const padded = `<${w}>`;
    for (const n of [3, 4]) for (let i = 0; i + n <= padded.length; i++) chars.push(padded.slice(i, i + n));
  }
  return { words, chars };
}
