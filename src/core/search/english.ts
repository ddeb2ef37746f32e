import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let list: string | undefined;
const seen = new Map<string, boolean>();
/** Where the words of each two-letter prefix lie in the (alphabetical) list. */
const spans = new Map<string, [number, number]>();

/**
 * Whether a word is an ordinary English word (from a list of about 275,000). A real word that the
 * compacts never use is left alone rather than "corrected" into one they do ("resigning" is not "designing").
 * The list is read on first use and searched as text, to keep memory low: only the stretch of words that
 * share the word's first two letters, since the list is in alphabetical order.
 */
export function isEnglishWord(word: string): boolean {
  let known = seen.get(word);
  if (known === undefined) {
    list ??= readFileSync(createRequire(import.meta.url).resolve('an-array-of-english-words/index.json'), 'latin1');
    const [start, end] = spanOf(list, word.slice(0, 2));
    known = start >= 0 && list.slice(start, end).includes(`"${word}"`);
    if (seen.size < 20_000) seen.set(word, known);
  }
  return known;
}

function spanOf(text: string, prefix: string): [number, number] {
  let span = spans.get(prefix);
  if (!span) {
    const start = text.indexOf(`"${prefix}`);
    let end = start;
    // Past the last word with this prefix: the first entry that starts otherwise.
    while (end >= 0) {
      const next = text.indexOf(',"', end + 1);
      if (next < 0 || !text.startsWith(prefix, next + 2)) {
        end = next < 0 ? text.length : next + 1;
        break;
      }
      end = next;
    }
    span = [start, start < 0 ? -1 : end];
    spans.set(prefix, span);
  }
  return span;
}
