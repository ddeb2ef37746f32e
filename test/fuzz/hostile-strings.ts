/** Seeded hostile text for the fuzz tests: the same seed and index always give the same string. */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** xorshift32, with the seed and index mixed first so neighbouring indexes do not start alike. */
export function rng(seed: number, index = 0): Rng {
  let x = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  x = x >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
  for (let i = 0; i < 8; i++) next();
  const int = (below: number) => Math.floor(next() * below);
  return { next, int, pick: (items) => items[int(items.length)]!, chance: (p) => next() < p };
}

const PIECES = {
  slack: [
    '<!channel>',
    '<!here>',
    '<!everyone>',
    '<@U123ABC>',
    '<@W0ADMIN|boss>',
    '<#C123|x>',
    '<https://evil.example|click>',
    '<mailto:a@evil.example|mail>',
    '<!subteam^S0123|team>',
    '<!date^1392734382^{date}|x>',
    '&lt;!channel&gt;',
    '&amp;',
    '*bold*',
    '_it_',
    '~gone~',
    '`code`',
    '```\nblock\n```',
    ':warning:',
    '> quoted',
  ],
  markdown: [
    '[click](https://evil.example)',
    '![x](https://evil.example/p.png)',
    '# Heading',
    '- item',
    '+ item',
    '1. item',
    '**bold**',
    '__it__',
    '<at>Jo Bloggs</at>',
    '\\*',
    '| a | b |',
    '---',
    '<https://evil.example>',
  ],
  card: [
    '{"type":"Action.OpenUrl","url":"https://evil.example"}',
    '${expr}',
    '${$root.secret}',
    '{{DATE(2017-02-14T06:08:39Z, SHORT)}}',
    '[go](javascript:alert(1))',
    '"selectAction":{"type":"Action.OpenUrl","url":"javascript:alert(1)"}',
    '{"compactBot":"form","flowId":"breach"}',
    '{"type":"Action.Submit","data":{"compactBot":"feedback"}}',
  ],
  html: [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '</div>',
    '<a href="javascript:alert(1)">x</a>',
    '&#x3C;',
    '&lt;b&gt;',
    '<b>bold</b>',
    '<!-- c -->',
  ],
  json: ['"', "'", '\\', '\\"', '"},"x":"', "'}]);", '\\u0000', '\\n', '{', ']]', 'null', '__proto__', 'constructor'],
  numbers: [
    '0',
    '-1',
    '1e309',
    'NaN',
    'Infinity',
    '4.4',
    '4.1, 4.4',
    '99999999999999999999',
    '0x1f',
    '1, 3',
    '31/02/2026',
    '2026-13-45',
    '9999-12-31',
    '1234567',
    'SC123456',
    '+44 1234 567890',
  ],
  words: [
    'notice',
    'funding',
    'consultation',
    'Hertfordshire',
    'dacorum',
    'Halton',
    'LSP',
    'define',
    'compare',
    'what is',
    'how long',
    '?',
    'report',
    'sign up',
    'help',
    'back',
    'edit',
    'what',
    'when',
    'not sure',
    'yes',
    'no',
    'skip',
    'use',
    'name@example.org',
    'undertaking',
  ],
  space: ['', ' ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\u2028', '\u2029'],
  invisible: [
    '\u200b',
    '\u200c',
    '\u200d',
    '\u200e',
    '\u200f',
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\ufeff',
    '\u00ad',
    '\u034f',
  ],
  surrogates: ['\ud800', '\udfff', '\ud83d', '\ude00x', '\ud83d\ude00', '\ud83d\udc4d'],
} as const;

// Ranges of code points random text is drawn from: Latin, Greek, Cyrillic, Arabic, CJK, emoji, combining marks, private use.
const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x600, 0x6ff],
  [0x4e00, 0x4fff],
  [0x1f300, 0x1f64f],
  [0x300, 0x36f],
  [0xe000, 0xe0ff],
];

function randomUnicode(r: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    const [lo, hi] = r.pick(RANGES);
    s += String.fromCodePoint(lo + r.int(hi - lo + 1));
  }
  return s;
}

function control(r: Rng): string {
  const code = r.chance(0.1) ? 0x7f : r.int(0x20);
  return String.fromCharCode(code);
}

function piece(r: Rng): string {
  const kind = r.int(12);
  if (kind === 10) return randomUnicode(r, 1 + r.int(40));
  if (kind === 11) return control(r);
  return r.pick(Object.values(PIECES)[kind]!);
}

/** Text to fill a huge input with: pieces and words, so the search has something to chew on. */
function filler(r: Rng, length: number): string {
  const parts: string[] = [];
  let size = 0;
  const unit = Array.from({ length: 20 }, () => piece(r) + r.pick([' ', '', '\n'])).join('');
  while (size < length) {
    parts.push(unit);
    size += unit.length;
  }
  return parts.join('');
}

/** Inputs that once broke something, for the fuzz tests to try first whatever the seed. */
export const FOUND = ['__proto__', 'constructor Halton', 'Acme \u202e Trust \ud83d', `edit ${'x'.repeat(100_000)}`];

export interface HostileOptions {
  /** The longest input to make; huge ones (100 kB, 1 MB) only when this allows. */
  maxLength?: number;
}

/** One hostile input: a few pieces of different kinds, now and then a huge one, empty or only white space. */
export function hostileText(seed: number, index: number, options: HostileOptions = {}): string {
  const r = rng(seed, index);
  const max = options.maxLength ?? 1_000_000;
  const roll = r.next();
  if (roll < 0.003 && max >= 1_000_000) return filler(r, 1_000_000);
  if (roll < 0.015 && max >= 100_000) return filler(r, 100_000 + r.int(20_000));
  if (roll < 0.04) return Array.from({ length: r.int(6) }, () => r.pick(PIECES.space)).join('');
  const parts = Array.from({ length: 1 + r.int(6) }, () => piece(r));
  return parts.join(r.pick(['', ' ', ' ', '\n'])).slice(0, max);
}

/** An answer each field of the guided flows accepts, to get past it to the next. */
export const VALID_ANSWERS: Record<string, string> = {
  compact: 'Hertfordshire',
  reporterOrg: 'Acme Trust',
  reporterName: 'Jo Bloggs',
  reporterEmail: 'jo@example.org',
  aboutOrg: 'County Council',
  signatories: 'both',
  undertakings: '4.4',
  what: 'Funding ended without notice.',
  when: '2025-06-01',
  tried: 'A letter.',
  outcome: 'An apology.',
  consent: 'yes',
  organisation: 'Widnes Food Bank',
  sector: 'vcs',
  registration: '1234567',
  contactName: 'Sam Smith',
  contactRole: 'Chair',
  email: 'sam@example.org',
  phone: '01234 567890',
  agree: 'yes',
};

/** How many of a form's answers to make hostile, by turns: few enough, now and then, for the form to be stored. */
export const HOSTILE_SHARE = [0.05, 0.3, 0.8];
