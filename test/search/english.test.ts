import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isEnglishWord } from '../../src/core/search/english.js';

const words = createRequire(import.meta.url)('an-array-of-english-words') as string[];

describe('English word list', () => {
  it('finds every word of the list, first and last of each prefix included, and nothing else', () => {
    const sample = words.filter(
      (_, i) => i % 53 === 0 || words[i - 1]?.slice(0, 2) !== words[i]!.slice(0, 2) || words[i + 1]?.slice(0, 2) !== words[i]!.slice(0, 2),
    );
    expect(sample.filter((w) => !isEnglishWord(w))).toEqual([]);
    expect(['consultaton', 'notise', 'zorblat', 'qq', 'xq'].filter((w) => isEnglishWord(w))).toEqual([]);
  });
});
