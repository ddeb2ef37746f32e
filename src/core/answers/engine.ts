import Fuse from 'fuse.js';
import type { Compact, Entry, KnowledgeBase } from '../knowledge/types.js';
import { SearchIndex, type Scored } from '../search/search-index.js';
import { contentStems, normalize, stem, words } from '../search/text.js';
import { Vocabulary } from '../search/vocabulary.js';
import { Analyzer, INTENT_WORDS, type Analysis } from './analyze.js';
import { answerTypeOf, hasAnswerOfType, type AnswerType } from './answer-type.js';
import { compactName, helpReply, hitOf, listCompacts, reply, routeBlocks, EXAMPLES } from './compose.js';
import {
  definitionSubject,
  isBreach,
  isClearDefault,
  isCompare,
  isDefaultChoice,
  isFollowUp,
  isHelp,
  isRequest,
  asksIfBreach,
  asksToCompare,
  isSignup,
  isThanks,
} from './intents.js';
import type { Block, Hit, Reply } from './reply.js';

/** What the engine remembers between turns of one conversation. */
export interface AnswerContext {
  defaultCompact?: string;
  /** Content words of the last question answered, for follow-ups such as "and in Dacorum?". */
  lastTopic?: string[];
}

export interface EngineResult {
  reply: Reply;
  context: AnswerContext;
  /** Set when the message asks to start a guided flow. */
  start?: { flow: 'signup' | 'breach'; compact?: string };
}

/** Kind priors: a question about the compacts is best answered by a commitment. */
const KIND_PRIOR: Record<Entry['kind'], number> = { undertaking: 1, fact: 0.92, route: 0.9, principle: 0.85, term: 0.8 };
const REPORT_PRIOR = 0.85;
/** For a passage that holds the kind of answer asked for ("how long" → a length of time). */
const TYPE_BOOST = 1.25;

/** Below these the engine abstains rather than show a passage that does not answer (chosen with `npm run bench`). */
interface Thresholds {
  minCoverage: number;
  minScore: number;
  /** What a word the knowledge base does not know weighs against coverage, as a share of the rarest known word. */
  unknownWeight: number;
  /** How much more a word owned by the asker ("my job") counts, when the compacts are not about it. */
  personalWeight: number;
  /** Beyond this many content words, the coverage needed falls in proportion. */
  longAfter: number;
}
const THRESHOLDS: Thresholds = { minCoverage: 0.35, minScore: 4, unknownWeight: 1, personalWeight: 3, longAfter: 4 };

export class AnswerEngine {
  private readonly index: SearchIndex;
  private readonly analyzer: Analyzer;
  private readonly termNames: { entry: Entry; names: string[] }[];
  /** Distinct glossary names for fuzzy matching, each with the entries that bear it. */
  private readonly termFuse: Fuse<string>;
  private readonly entriesByTermName = new Map<string, Entry[]>();
  /** Stems of our titles, keywords, synonyms, glossary names and the compacts' headings: what questions are about. */
  private readonly topics = new Set<string>();
  /** Glossary names as stem sequences, by their first stem, for spotting a term inside a question. */
  private readonly termStarts = new Map<string, { entry: Entry; name: string[] }[]>();

  constructor(readonly kb: KnowledgeBase) {
    const vocab = new Vocabulary(kb, [INTENT_WORDS]);
    this.index = new SearchIndex(kb.entries);
    this.analyzer = new Analyzer(kb, vocab, (s) => this.index.idf(s));
    this.termNames = kb.entries
      .filter((e) => e.kind === 'term')
      .map((entry) => {
        const t = entry.term!;
        const names = [t.term, t.acronym, t.expansion, ...t.aliases].filter((n): n is string => Boolean(n)).map(stemKey);
        return { entry, names };
      });
    for (const e of kb.entries) {
      for (const t of [e.title, e.section ?? '', e.heading ?? '', ...e.keywords]) for (const x of contentStems(t)) this.topics.add(x);
    }
    for (const group of kb.synonyms) for (const phrase of group) for (const x of contentStems(phrase)) this.topics.add(x);
    for (const { entry, names } of this.termNames) {
      for (const name of names) {
        const seq = name.split(' ');
        const list = this.termStarts.get(seq[0]!) ?? [];
        list.push({ entry, name: seq });
        this.termStarts.set(seq[0]!, list);
      }
    }
    for (const { entry } of this.termNames) {
      const t = entry.term!;
      for (const name of [t.term, t.acronym, t.expansion, ...t.aliases]) {
        if (!name) continue;
        const n = normalize(name);
        this.entriesByTermName.set(n, [...(this.entriesByTermName.get(n) ?? []), entry]);
      }
    }
    this.termFuse = new Fuse([...this.entriesByTermName.keys()], { includeScore: true, threshold: 0.25, ignoreLocation: true });
  }

  answer(question: string, context: AnswerContext = {}): EngineResult {
    const ctx = { ...context };
    const exact = this.exactItem(question);
    if (exact) return { context: ctx, reply: exact };
    const a = this.analyzer.analyze(question.slice(0, 2000));
    const text = a.text;

    if (a.compacts.length === 1 && isDefaultChoice(text) && a.content.length <= 1) {
      ctx.defaultCompact = a.compacts[0];
      const name = compactName(this.kb, a.compacts[0]!);
      return { context: ctx, reply: reply('help', [{ type: 'text', text: `Now answering from the ${name} unless you name another compact. Say "use all compacts" to go back.` }]) };
    }
    if (isClearDefault(text)) {
      delete ctx.defaultCompact;
      return { context: ctx, reply: reply('help', [{ type: 'text', text: `Now answering from all the compacts: ${listCompacts(this.kb)}.` }]) };
    }
    if (isThanks(text, a.content.length)) return { context: ctx, reply: reply('help', [{ type: 'text', text: 'Glad to help. Ask me anything else about the compacts.' }]) };
    // "Where do I start with reporting this?" wants the report, not the menu.
    if (isHelp(text, a.content.length) && !isBreach(text) && !isSignup(text)) return { context: ctx, reply: helpReply(this.kb, ctx.defaultCompact) };

    const scope = a.compacts.length > 0 ? a.compacts : ctx.defaultCompact ? [ctx.defaultCompact] : [];
    const explicitCompare = asksToCompare(text) || a.compacts.length >= 2;
    for (const flow of ['breach', 'signup'] as const) {
      if (!explicitCompare && (flow === 'breach' ? isBreach(text) : isSignup(text))) {
        if (!this.aboutCompacts(a, text)) return { context: ctx, reply: this.unknownReply(a) };
        const request = isRequest(text);
        // "Would a 6 week consultation be breaking the compact?" asks about a commitment, not how to report.
        if (request || !asksIfBreach(text) || this.routeTopics(a).length === 0) {
          return { context: ctx, reply: this.routeReply(flow, scope), start: request ? { flow, compact: scope[0] } : undefined };
        }
        break;
      }
    }

    if (a.refs.length > 0) {
      const found = this.byReference(a.refs, scope);
      if (found) return { context: ctx, reply: found };
    }

    let content = a.content;
    if (a.compacts.length > 0 && ctx.lastTopic && isFollowUp(text) && this.topicOf(content).length === 0) content = ctx.lastTopic;

    const comparing = isCompare(text, a.compacts.length);
    const terms = comparing ? (a.compacts.length < 2 ? this.twoTerms(a) : []) : this.definitionTerms(a, question);
    if (terms.length > 0) {
      ctx.lastTopic = content;
      return { context: ctx, reply: this.defineReply(question, terms, scope, content) };
    }

    const listed = this.listReply(question, a, scope);
    if (listed) return { context: ctx, reply: listed };

    const topic = this.topicOf(content);
    if (topic.length === 0 && a.compacts.length === 1 && a.unknown.length === 0) return { context: ctx, reply: this.overviewReply(question, a.compacts[0]!) };
    if (topic.length === 0) return { context: ctx, reply: this.unknownReply(a) };
    if (comparing) {
      ctx.lastTopic = content;
      return { context: ctx, reply: this.compareReply(question, content, a.compacts.length >= 2 ? a.compacts : []) };
    }
    const result = this.answerReply(question, content, scope, a);
    if (result.intent !== 'unknown') ctx.lastTopic = content;
    return { context: ctx, reply: result };
  }

  /**
   * Whether a request to sign up or report is about the compacts: it names a compact or the compact's own
   * words ("signatory", "undertaking"), or most of what it says is known to the knowledge base. "Sign up for
   * the staff gym" and "report a data breach – someone emailed a spreadsheet" are not.
   */
  private aboutCompacts(a: Analysis, text: string): boolean {
    if (a.compacts.length > 0 || /\b(compacts?|signator(y|ies)|undertakings?|commitments?)\b/.test(text)) return true;
    if (requestsSomethingElse(text)) return false;
    if (/\b(breach|breaches|dispute|disputes|complain|complaint|non ?complian\w*)\b/.test(text) && a.unknown.length <= 1) return true;
    // "report this": what "this" is was said before, to a bot that only takes reports about the compacts.
    if (/\b(report|reporting|escalate|escalating|raise|raising) (it|this|that)\b/.test(text)) return true;
    const own = a.content.filter((w) => !INTENT_WORD_SET.has(w)).length;
    return a.unknown.length === 0 || a.unknown.length * 2 < own;
  }

  /** Topic words of a sign-up or breach message other than the request itself. */
  private routeTopics(a: Analysis): string[] {
    return this.topicOf(a.content).filter((x) => this.topics.has(x) && !ROUTE_WORDS.has(x));
  }

  /** Ranked passages for a text within one compact, for choosing undertakings inside a flow. */
  search(text: string, compact?: string, kinds: Entry['kind'][] = ['undertaking'], limit = 5): Hit[] {
    const a = this.analyzer.analyze(text);
    return this.rank(a.content, compact ? [compact] : [], kinds, limit)
      .filter((s) => s.coverage >= THRESHOLDS.minCoverage)
      .map((s) => hitOf(this.kb, s.entry, s.score));
  }

  private topicOf(content: string[]): string[] {
    return this.analyzer.terms(content).filter((t) => t.weight === 1 && t.importance !== 0 && this.index.has(t.stem)).map((t) => t.stem);
  }

  /** Ranks entries; coverage weighs each question word by its IDF, and unknown words count as uncovered. */
  private rank(content: string[], compacts: string[], kinds?: Entry['kind'][], limit = 12, unknown: string[] = [], type?: AnswerType, personal: ReadonlySet<string> = new Set()): Scored[] {
    const importance = (stem: string) => {
      const base = Math.max(0.5, this.index.idf(stem) || this.index.maxIdf * THRESHOLDS.unknownWeight);
      // Something of the asker's own that the compacts are not about ("my tenancy") is what the question turns on.
      return personal.has(stem) && !this.topics.has(stem) ? base * THRESHOLDS.personalWeight : base;
    };
    const terms = this.analyzer.terms([...content, ...unknown]).map((t) => ({ ...t, importance: t.stem === t.origin && t.importance === undefined ? importance(t.stem) : t.importance }));
    const only = compacts.length > 0 && compacts.length < this.kb.compacts.length ? new Set(compacts) : undefined;
    const filter = only || kinds ? (e: Entry) => (!only || only.has(e.compact)) && (!kinds || kinds.includes(e.kind)) : undefined;
    return this.index
      .search(terms, filter, limit * 3)
      .map((s) => ({ ...s, score: s.score * KIND_PRIOR[s.entry.kind] * (s.entry.source.kind === 'report' ? REPORT_PRIOR : 1) * (hasAnswerOfType(type, s.entry.text) ? TYPE_BOOST : 1) }))
      .sort((x, y) => y.score - x.score)
      .slice(0, limit);
  }

  /**
   * Enough evidence to answer. A long message (`words` content words) carries more that no passage
   * matches — context, feelings, names — so the share of it that must be matched shrinks with its length.
   */
  private good(s: Scored | undefined, words = 0): s is Scored {
    const minCoverage = THRESHOLDS.minCoverage * Math.min(1, THRESHOLDS.longAfter / Math.max(1, words));
    return s !== undefined && s.coverage >= minCoverage && s.score >= THRESHOLDS.minScore && this.topical(s);
  }

  /** At least one matched word is a topic the knowledge base is about, not just a word its prose happens to use. */
  private topical(s: Scored): boolean {
    return s.matched.some((m) => this.topics.has(m));
  }

  private answerReply(question: string, content: string[], scope: string[], a: Analysis): Reply {
    const ranked = this.rank(content, scope, undefined, 12, a.unknown, answerTypeOf(a.text), a.personal);
    const top = ranked[0];
    // A compact named in the question is trusted: its best passage needs only half the usual evidence.
    const namedOk = scope.length > 0 && top !== undefined && top.coverage >= THRESHOLDS.minCoverage * 0.7 && top.score >= THRESHOLDS.minScore * 0.5;
    const words = a.content.length + a.unknown.length;
    if (!this.good(top, words) && !namedOk) {
      if (scope.length === 1 && a.compacts.length === 1 && a.unknown.length <= 1) {
        // Named, but nothing in it matches: say so, show what that compact is about, and offer the others.
        const overview = this.overviewReply(question, scope[0]!);
        const lead: Block = { type: 'text', text: `I found nothing specific on that in the ${compactName(this.kb, scope[0]!)}. This is what it says it is for:` };
        const elsewhere = this.rank(content, []).find((s) => !scope.includes(s.entry.compact));
        const actions = this.good(elsewhere) ? [{ label: `What the ${compactName(this.kb, elsewhere.entry.compact)} says`, value: `${elsewhere.entry.compact} ${elsewhere.entry.id}` }] : [];
        return { ...overview, blocks: [lead, ...overview.blocks], actions };
      }
      return this.unknownReply(a);
    }
    const main = [top, ...ranked.slice(1).filter((s) => s.entry.compact === top.entry.compact && this.good(s) && s.score >= top.score * 0.8).slice(0, 1)];
    const others: Scored[] = [];
    if (scope.length === 0) {
      for (const c of this.kb.compacts) {
        if (c.meta.id === top.entry.compact) continue;
        const best = ranked.find((s) => s.entry.compact === c.meta.id);
        if (this.good(best) && best.score >= top.score * 0.6 && best.coverage >= top.coverage * 0.9) others.push(best);
      }
    }
    const mainHits = main.map((s) => hitOf(this.kb, s.entry, s.score));
    const otherHits = others.slice(0, 2).map((s) => hitOf(this.kb, s.entry, s.score));
    const blocks: Block[] = [];
    if (a.corrections.length > 0) blocks.push({ type: 'text', text: `(Reading "${a.corrections.map((c) => c.from).join('", "')}" as "${a.corrections.map((c) => c.to).join('", "')}".)` });
    blocks.push(...mainHits.map((hit): Block => ({ type: 'quote', hit })));
    if (otherHits.length > 0) {
      blocks.push({ type: 'heading', text: 'The other compacts on this' });
      blocks.push(...otherHits.map((hit): Block => ({ type: 'quote', hit })));
    }
    const hits = [...mainHits, ...otherHits];
    const runnerUp = ranked.find((s) => !main.includes(s) && !others.includes(s) && this.good(s));
    const actions = [];
    if (runnerUp && runnerUp.score >= top.score * 0.9) actions.push({ label: `Did you mean: ${runnerUp.entry.title}?`, value: `${runnerUp.entry.compact} ${runnerUp.entry.id}` });
    if (scope.length === 0 && otherHits.length > 0) actions.push({ label: 'Compare the compacts on this', value: `compare ${content.join(' ')}` });
    return reply('answer', blocks, { hits, actions, feedback: { question, keys: hits.map((h) => h.key) } });
  }

  private compareReply(question: string, content: string[], named: string[]): Reply {
    const compacts = named.length > 0 ? named : this.kb.compacts.map((c) => c.meta.id);
    const ranked = this.rank(content, compacts, undefined, 40);
    const blocks: Block[] = [];
    const hits: Hit[] = [];
    const silent: string[] = [];
    for (const id of compacts) {
      const best = ranked.find((s) => s.entry.compact === id);
      if (!this.good(best)) {
        silent.push(compactName(this.kb, id));
        continue;
      }
      const hit = hitOf(this.kb, best.entry, best.score);
      hits.push(hit);
      blocks.push({ type: 'heading', text: hit.citation.compactName }, { type: 'quote', hit });
    }
    if (hits.length === 0) return this.unknownReply(this.analyzer.analyze(question));
    if (silent.length > 0) blocks.push({ type: 'text', text: `${silent.join(', ')}: nothing specific on this.` });
    hits.sort((x, y) => y.score - x.score);
    return reply('compare', blocks, { hits, feedback: { question, keys: hits.map((h) => h.key) } });
  }

  /**
   * The glossary entries a message asks to have explained: a term named in it, when everything else in the
   * message is a request for meaning ("what is", "stand for", "in the glossary") or a compact's name.
   */
  private definitionTerms(a: Analysis, question: string): Entry[] {
    const subject = definitionSubject(a.text);
    if (subject !== undefined) {
      const direct = this.findTerms(subject);
      if (direct.length > 0) return direct;
    }
    const typed = a.typed.filter((w) => !ARTICLES.has(w));
    const stems = typed.map(stem);
    const spotted: { name: string[]; at: number }[] = [];
    for (let at = 0; at < stems.length; at++) {
      for (const c of this.termStarts.get(stems[at]!) ?? []) {
        if (c.name.every((x, j) => stems[at + j] === x)) spotted.push({ name: c.name, at });
      }
    }
    // Longest first; a bare "compact" only when nothing else is named.
    spotted.sort((x, y) => y.name.length - x.name.length || Number(x.name.join(' ') === 'compact') - Number(y.name.join(' ') === 'compact'));
    const cue = a.words.some((w) => DEFINE_CUES.has(stem(w)) || /^(what|whats|wat|who|whos)$/.test(w));
    const asked = this.askedOutright(question);
    const strangers = a.unknown.filter((w) => !DEFINE_CUES.has(stem(w)));
    for (const { name, at } of spotted) {
      const span = new Set(typed.slice(at, at + name.length));
      // A compact name inside the term ("Herts Infrastructure Consortium") does not name a compact.
      const compacts = a.compacts.filter((id) => !this.kb.compacts.some((c) => c.meta.id === id && [c.meta.id, ...c.meta.aliases.map(normalize)].some((n) => span.has(n))));
      const rest = a.content.map(stem).filter((x) => !name.includes(x) && !DEFINE_CUES.has(x) && !SOURCE_WORDS.has(x));
      if (!asked.has(name.join(' ')) && (rest.length > 0 || strangers.length > 0 || !(cue || a.unknown.length === 0))) continue;
      // "The Hertfordshire compact" names the compact itself, not the glossary's word "compact".
      if (compacts.length > 0 && name.join(' ') === 'compact') continue;
      const found = this.withLinked(this.termsNamed(name.join(' ')));
      // A term asked about in a compact that does not define it is a question about that compact instead.
      if (compacts.length === 0 || found.some((e) => compacts.includes(e.compact))) return found;
    }
    return [];
  }

  /**
   * Term names (as stems) asked about outright in a clause of their own: "whats a cvs, our treasurer keeps
   * mentioning it", "sorry if this is silly but what is a compact". The rest of the message is then context.
   */
  private askedOutright(question: string): Set<string> {
    const out = new Set<string>();
    for (const clause of question.split(/[,;:!?.()]|\s[-–—]\s|\bbut\b/i)) {
      const m = ASK_MEANING.exec(` ${normalize(clause)} `);
      if (m?.[1]) out.add(stemKey(m[1]));
    }
    return out;
  }

  /** "Difference between community groups and voluntary organisations": two glossary terms, defined side by side. */
  private twoTerms(a: Analysis): Entry[] {
    const stems = a.typed.filter((w) => !ARTICLES.has(w)).map(stem);
    const names: string[][] = [];
    for (let at = 0; at < stems.length; at++) {
      const longest = (this.termStarts.get(stems[at]!) ?? []).filter((c) => c.name.every((x, j) => stems[at + j] === x)).sort((x, y) => y.name.length - x.name.length)[0];
      if (longest && longest.name.join(' ') !== 'compact') {
        names.push(longest.name);
        at += longest.name.length - 1;
      }
    }
    const covered = new Set(names.flat());
    const rest = a.content.map(stem).filter((x) => !covered.has(x) && !DEFINE_CUES.has(x) && !SOURCE_WORDS.has(x) && !COMPARE_WORDS.has(x));
    if (names.length < 2 || rest.length > 0) return [];
    const found = names.flatMap((n) => this.termsNamed(n.join(' ')));
    return a.compacts.length === 0 ? found : found.filter((e) => a.compacts.includes(e.compact));
  }

  /** Glossary entries whose name matches the subject; `whole` requires the whole text to be the term. */
  private findTerms(subject: string): Entry[] {
    const key = stemKey(subject);
    if (key === '') return [];
    const found = this.termsNamed(key);
    // Fuzzy matching only for a short subject: a glossary name is a few words, and Bitap costs grow with length.
    if (found.length === 0 && key.split(' ').length <= 4) {
      const best = this.termFuse.search(normalize(subject))[0];
      if (best && (best.score ?? 1) <= 0.2) return this.withLinked(this.entriesByTermName.get(best.item) ?? []);
    }
    return this.withLinked(found);
  }

  /** Entries whose name, as stems, is exactly `key`. */
  private termsNamed(key: string): Entry[] {
    return this.termNames.filter((t) => t.names.includes(key)).map((t) => t.entry);
  }

  private withLinked(found: Entry[]): Entry[] {
    if (found.length === 0) return [];
    // An acronym also brings the entries that define its expansion, e.g. LSP → "Local Strategic Partnership".
    const expansions = found.map((e) => e.term?.expansion).filter((x): x is string => Boolean(x)).map(stemKey);
    const linked = this.termNames.filter((t) => t.names.some((n) => expansions.includes(n))).map((t) => t.entry);
    return [...new Set([...found, ...linked])];
  }

  private defineReply(question: string, terms: Entry[], scope: string[], content: string[]): Reply {
    // Scope first; otherwise the order found: the entries named before those they link to.
    const ordered = [...terms].sort((x, y) => rankScope(x, scope) - rankScope(y, scope));
    const hits = ordered.slice(0, 4).map((e) => hitOf(this.kb, e, 1));
    const blocks: Block[] = [];
    for (const hit of hits) {
      const t = terms.find((e) => e.key === hit.key)!.term!;
      const heading = t.acronym && t.expansion ? `${t.acronym}: ${t.expansion}` : t.term;
      blocks.push({ type: 'heading', text: heading });
      if (t.definition) blocks.push({ type: 'quote', hit });
      else blocks.push({ type: 'text', text: `${t.acronym ?? t.term} stands for “${t.expansion}” (${hit.citation.compactName}).` });
    }
    const related = this.rank(content, scope, ['undertaking', 'fact', 'principle'], 3).filter((s) => this.good(s))[0];
    const actions = related ? [{ label: `Related: ${related.entry.title}`, value: `${related.entry.compact} ${related.entry.id}` }] : [];
    return reply('define', blocks, { hits, actions, feedback: { question, keys: hits.map((h) => h.key) } });
  }

  /** "dacorum statutory-funding-3", as the buttons send: one item by its compact and id. */
  private exactItem(question: string): Reply | undefined {
    const [compact, id, ...more] = question.trim().toLowerCase().split(/\s+/);
    if (!compact || !id || more.length > 0) return undefined;
    const entry = this.kb.entries.find((e) => e.compact === compact && e.id === id);
    if (!entry) return undefined;
    const hit = hitOf(this.kb, entry, 1);
    return reply('answer', [{ type: 'quote', hit }], { hits: [hit], feedback: { question, keys: [hit.key] } });
  }

  private byReference(refs: string[], scope: string[]): Reply | undefined {
    const matches = this.kb.entries.filter((e) => refs.includes(e.id) && (scope.length === 0 || scope.includes(e.compact)));
    if (matches.length === 0) return undefined;
    const hits = matches.slice(0, 4).map((e) => hitOf(this.kb, e, 1));
    const blocks: Block[] = hits.map((hit) => ({ type: 'quote', hit }));
    return reply('answer', blocks, { hits });
  }

  private routeReply(flow: 'signup' | 'breach', scope: string[]): Reply {
    const compacts: Compact[] = scope.length > 0 ? this.kb.compacts.filter((c) => scope.includes(c.meta.id)) : this.kb.compacts;
    const { blocks, hits } = routeBlocks(this.kb, compacts, flow === 'signup' ? 'signup' : 'dispute');
    const lead =
      flow === 'signup'
        ? 'This is how the compacts say an organisation signs up:'
        : 'This is what the compacts say about raising a dispute or a suspected breach:';
    const action =
      flow === 'signup' ? { label: 'Sign up an organisation', value: 'sign up', style: 'primary' as const } : { label: 'Report a suspected breach', value: 'report a breach', style: 'primary' as const };
    return reply(flow, [{ type: 'text', text: lead }, ...blocks], { hits, actions: [action] });
  }

  /**
   * "What are the five outcomes?", "Halton compact aims", "outcome 4": a compact's principles of one kind,
   * listed whole, when the question is about that kind and little else.
   */
  private listReply(question: string, a: Analysis, scope: string[]): Reply | undefined {
    const stems = a.content.map(stem);
    const group = PRINCIPLE_GROUPS.find((g) => stems.includes(stem(g)));
    if (!group) return undefined;
    const rest = stems.filter((s) => s !== stem(group) && !LIST_WORDS.has(s) && !SOURCE_WORDS.has(s));
    if (rest.length > 0 || a.unknown.some((w) => !LIST_WORDS.has(stem(w)))) return undefined;
    const number = /\b(\d{1,2})\b/.exec(a.text)?.[1];
    const items = this.kb.entries.filter((e) => e.kind === 'principle' && e.group === group && (scope.length === 0 || scope.includes(e.compact)));
    const chosen = number ? items.filter((e) => e.id.endsWith(`-${number}`)) : items;
    if (chosen.length === 0) return undefined;
    const hits = chosen.slice(0, 12).map((e) => hitOf(this.kb, e, 1));
    const blocks: Block[] = hits.map((hit) => ({ type: 'quote', hit }));
    return reply('answer', blocks, { hits, feedback: { question, keys: hits.map((h) => h.key) } });
  }

  /** "What is the Herefordshire compact about?": its sources and what it says it is for. */
  private overviewReply(question: string, id: string): Reply {
    const c = this.kb.compacts.find((x) => x.meta.id === id)!;
    const order = ['purpose', 'aim', 'vision', 'outcome', 'principle'];
    const about = c.entries
      .filter((e) => e.kind === 'principle' || (e.kind === 'fact' && e.source.kind === 'compact'))
      .sort((x, y) => rankKind(x, order) - rankKind(y, order))
      .slice(0, 2);
    const hits = about.map((e) => hitOf(this.kb, e, 1));
    const blocks: Block[] = [
      { type: 'heading', text: c.meta.name },
      { type: 'fields', items: c.meta.sources.map((s) => ({ label: s.title, value: `${s.publisher}, ${s.status}` })) },
      ...hits.map((hit): Block => ({ type: 'quote', hit })),
      { type: 'text', text: `Ask me about its commitments (notice, consultation, funding, independence…) or its jargon; say "use ${c.meta.area}" to keep to it.` },
    ];
    return reply('answer', blocks, { hits, feedback: { question, keys: hits.map((h) => h.key) } });
  }

  private unknownReply(a: Analysis): Reply {
    const about = a.unknown.length > 0 && a.content.length === 0 ? '' : ' I found nothing in them that answers it.';
    return reply(
      'unknown',
      [
        { type: 'text', text: `That is outside what I know. I answer questions about the Local Compacts (${listCompacts(this.kb)}).${about}` },
        { type: 'text', text: 'Try asking about notice periods, consultation, funding, independence and campaigning, or a term such as "LSP"; or say "report a breach" or "sign up".' },
      ],
      { actions: EXAMPLES.slice(0, 3).map((e) => ({ label: e, value: e })) },
    );
  }
}

const ARTICLES = new Set(['the', 'a', 'an']);
/** Words of a sign-up or breach request that are not its topic. */
const ROUTE_WORDS = new Set(
  `${INTENT_WORDS} organisation organisations org orgs organization partner partners someone anyone body bodies group charity compact sign up raise report happens happen process`
    .split(/\s+/)
    .map(stem),
);
/** The words just before a term that ask what it means. */
const ASK_MEANING = /^ (?:so |ok |and |hi |hey )?(?:what|whats|wat|wats|who|whos|define|explain|meaning of|definition of|what is meant by|whats meant by)(?: is| are| s| does| do)?(?: exactly| actually)?(?: is)?(?: a| an| the)? (.+?)(?: mean| means| stand for| stands for| again| exactly)? $/;
const COMPARE_WORDS = new Set(['difference', 'differences', 'different', 'differ', 'compare', 'comparison', 'versus', 'vs', 'between', 'distinguish'].map(stem));
const PRINCIPLE_GROUPS = ['outcome', 'aim', 'challenge', 'principle', 'vision', 'purpose'];
/** Words that ask for a list rather than name a topic: "what are the five outcomes", "shared principles". */
const LIST_WORDS = new Set(['list', 'all', 'main', 'key', 'shared', 'identify', 'set', 'five', 'four', 'three', 'nine', 'eleven', 'summary', 'outline', 'overview'].map(stem));
const INTENT_WORD_SET = new Set(INTENT_WORDS.split(' '));

/** Words that ask what something means; with a glossary term they make a definition request. */
const DEFINE_CUES = new Set(
  ['define', 'definition', 'defined', 'def', 'meaning', 'mean', 'means', 'meant', 'stand', 'stands', 'short', 'explain', 'jargon', 'glossary', 'buster', 'term', 'word', 'acronym', 'abbreviation', 'count', 'counts', 'exactly', 'again', 'refer', 'refers'].map(stem),
);

/** Words that point at where a term is written rather than at the topic: "in the Dacorum jargon buster". */
const SOURCE_WORDS = new Set(['compact', 'local', 'report', 'document', 'annex', 'section', 'list', 'agreement'].map(stem));

/**
 * The thing a sign-up or report is for is named, and it is not the compact: "sign up for the staff lottery",
 * "report a data breach", "complain about my neighbour's noise".
 */
function requestsSomethingElse(text: string): boolean {
  const t = ` ${text} `;
  const object = /(?:sign(?:ing)? ?up|register|registering|enrol|join) (?:for|to|with|on) (?:the |a |an |my |our )?([a-z]+(?: [a-z]+)?)/.exec(t)?.[1];
  // "sign up for our charity" signs the charity up; "sign up for a course" is something else.
  if (object && !/\b(compact|agreement|it|this|that|them|us|organisation|organization|org|charity|group|trust|club|project|association|society|foundation|network|forum|enterprise|cic|service|team)\b/.test(object)) return true;
  if (/ (?!a |an |the |this |that |of |suspected |possible |potential |formal |compact |serious |alleged |clear )[a-z]+ breach /.test(t) && !/ (compact|undertaking|commitment) breach /.test(t)) return true;
  const about = / complain(?:t)? about (?:my |our |the |a )?([a-z]+)/.exec(t)?.[1];
  return about !== undefined && !/^(council|councils|organisation|organisations|charity|funder|partner|police|nhs|trust|authority|them|it|this|that|their|how|what|why|being|not|lack)$/.test(about);
}

function stemKey(text: string): string {
  return words(text)
    .filter((w) => !ARTICLES.has(w))
    .map(stem)
    .join(' ');
}

function indexOfSequence(haystack: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function rankKind(e: Entry, order: string[]): number {
  const i = order.indexOf(e.kind === 'principle' ? principleKind(e) : 'fact');
  return i < 0 ? order.length : i;
}

function principleKind(e: Entry): string {
  return e.heading?.toLowerCase().includes('aim') ? 'aim' : e.heading?.toLowerCase().includes('purpose') ? 'purpose' : 'principle';
}

function rankScope(e: Entry, scope: string[]): number {
  return scope.length === 0 || scope.includes(e.compact) ? 0 : 1;
}
