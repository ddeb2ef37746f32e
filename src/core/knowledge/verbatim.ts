/** Folds the differences that do not change the words: white space, typographic quotes and dashes, emphasis marks. */
export function foldForComparison(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\*+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export type VerbatimResult = { ok: true } | { ok: false; matchedWords: number; differsAt: string };

/** Checks that `quote` appears in `source`; on failure says where the quote stops matching. */
export function checkVerbatim(quote: string, source: string): VerbatimResult {
  const q = foldForComparison(quote);
  const s = foldForComparison(source);
  if (s.includes(q)) return { ok: true };
  const words = q.split(' ');
  let lo = 0;
  let hi = words.length;
  // The longest matching prefix, by binary search on word count (a prefix of a match is a match).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (s.includes(words.slice(0, mid).join(' '))) lo = mid;
    else hi = mid - 1;
  }
  return { ok: false, matchedWords: lo, differsAt: words.slice(lo, lo + 6).join(' ') };
}
