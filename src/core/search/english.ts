import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let list: string | undefined;
const seen = new Map<string, boolean>();

/**
 * Whether a word is an ordinary English word (from a list of about 275,000). A real word that the
 * compacts never use is left alone rather than "corrected" into one they do ("resigning" is not "designing").
 * The list is read on first use and searched as text, to keep memory low.
 */
export function isEnglishWord(word: string): boolean {
  let known = seen.get(word);
  if (known === undefined) {
    list ??= readFileSync(createRequire(import.meta.url).resolve('an-array-of-english-words/index.json'), 'latin1');
    known = list.includes(`"${word}"`);
    if (seen.size < 20_000) seen.set(word, known);
  }
  return known;
}
