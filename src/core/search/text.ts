import { stemmer } from 'stemmer';

/** Lower-cases and folds typography so that "what’s", "whats" and "what's" meet. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201B`´]/g, "'")
    .replace(/(\w)'(\w)/g, '$1$2')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/(^|\s)\.+|\.+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a normalized text; numbers like "4.4" stay whole. */
export function words(text: string): string[] {
  const n = normalize(text);
  return n === '' ? [] : n.split(' ');
}

const STOP = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing done down during each few for from further get gets getting got had has have having he her here hers
  him his how i if in into is it its itself just let lets me more most my myself no nor not now of off on once only or other ought our ours
  ourselves out over own please same she should so some such than that thats the their theirs them themselves then there theres these they
  this those through to too under until up very was we were what whats when where which while who whom why will with would you your yours
  yourself yourselves im ive id youre hi hello hey thanks thank tell say says said know want wants wanted need needs needed us ok okay
  also still really actually basically anyone someone something anything thing things way ways much many lot lots kind sort bit
  wondering wonder question ask asking explain mean means meaning whether either neither yes yeah without again pls plz please like sorry
  silly surely actually frankly really wat wot wats q
  didnt dont doesnt isnt arent wasnt werent cant couldnt shouldnt wont wouldnt havent hasnt hadnt theyre theyve weve youve`
    .split(/\s+/)
    .filter(Boolean),
);

export function stopwords(): string[] {
  return [...STOP];
}

export function isStopword(word: string): boolean {
  return STOP.has(word);
}

const stemCache = new Map<string, string>();

/** Porter stem, cached: the vocabulary is small and questions repeat words. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /\d/.test(word) ? word : stemmer(word);
    if (stemCache.size < 50_000) stemCache.set(word, s);
  }
  return s;
}

/** Content stems of a text, in order, stopwords removed. */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !isStopword(w))
    .map(stem);
}
