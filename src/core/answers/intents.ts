/**
 * Recognises what kind of message a (spell-corrected, normalized) text is. Each test looks for the
 * shape of a request, not for any one phrasing.
 */

const has = (text: string, re: RegExp) => re.test(` ${text} `);

export function isThanks(text: string, contentCount: number): boolean {
  if (contentCount <= 1 && has(text, /^ (thanks|thank you|thank u|ta|cheers|thx|ty|many thanks) /)) return true;
  return has(text, /^ (ok |okay |great |brilliant |perfect |lovely |super |ah )?(thanks|thank you|thank u|thanku|thx|ty|ta|cheers|great|brilliant|perfect|lovely|good bot|nice one|much appreciated)( very much| so much| a lot| again)?( that helps| that helped| for that| for your help| for the help)? $/);
}

export function isHelp(text: string, contentCount: number): boolean {
  if (text === '' || text === 'help' || text === 'menu' || text === 'commands') return true;
  if (contentCount > 2) return false;
  return has(
    text,
    / (help|help me|hi|hiya|hello|hey|morning|good morning|afternoon|good afternoon|evening|start|commands|examples?|menu|options|what can (you|i|we) (do|ask)|what can you help (me |us )?with|what (kind of |sort of |type of )?(things|questions|stuff|topics) can (i|you|we)|what do you (do|know|cover)|what topics|which compacts (do you|are|can)|what compacts (do you|are|can)|how (do|does) (this|it|you) work|who are you|what are you( for)?|what is this( bot| thing| tool)?|hows this work|how (do|can|should) (i|we) use) /,
  );
}

export function isSignup(text: string): boolean {
  return (
    has(text, / sign(ing|ed)? ?up /) ||
    has(text, / sign (\w+ ){1,3}up /) ||
    has(text, / (become|becoming|be) (a |an )?(compact |official )?(partner|member|signatory) /) ||
    has(text, / (add|list|include|record|put) .*(as|among) (a |one of the )?signator(y|ies) /) ||
    has(text, / sign (the|this|our|my|a|an|up to the)? ?(compact|agreement|organisation|organization|org|charity|group) /) ||
    has(text, / (join|joining|enrol|enroll|enrolling|register|registering) /) ||
    has(text, / (become|becoming|be) (a )?signator(y|ies) /) ||
    (has(text, / (become|becoming|be|get) (a )?(member|members|part|partner|partners|involved) (of|in|with) (the |this |your )?(\w+ )?(compact|agreement) /) && !has(text, /^ (what|whats|why|who|when) /)) ||
    (has(text, / (commit|committing|subscribe|subscribing|sign on|sign onto) (to )?(the |this )?(\w+ )?(compact|agreement) /) && !has(text, /^ (what|whats|why|who|when) /)) ||
    (has(text, / (adopt|adopting) (the |this |our |a )?(\w+ )?(compact|agreement|local compact) /) && !has(text, /^ (when|who|why|how long ago) /))
  );
}

export function isBreach(text: string): boolean {
  return (
    has(text, / (breach|breached|breaches|breaching|violat\w*|infring\w*|non ?complian\w*|non ?compliant|dispute|disputes|complaint|complaints|complain|grievance) /) ||
    has(text, / (broke|broken|break|breaks|breaking|ignor\w*) (\w+ ){0,3}(compact|commitment|commitments|undertaking|undertakings|promise|promises|agreement|rules) /) ||
    has(text, / (not|never|isnt|arent|didnt|doesnt|dont|wont|havent|hasnt|failed to|failing to) (\w+ )?(follow\w*|keep\w*|kept|meet\w*|met|compl\w*|honour\w*|stick\w*|respect\w*|uphold\w*) (\w+ )?(the |our |its |their )?(compact|commitment|commitments|undertaking|undertakings|agreement|requirements) /) ||
    has(text, / (report|raise|flag|escalate|lodge|log) (a |an |the |this |our )?(formal |compact |serious )?(problem|issue|concern|council|organisation|organization|funder|partner|body|case) /) ||
    has(text, / (went|go|going|gone) back on (the |their |its )?(compact|commitment|promise|agreement|word) /) ||
    has(text, / (report|reporting|complain about|complaining about|escalate|escalating|raise|raising) (it|this|that|them|him|her) /)
  );
}

/** "Would a 6 week consultation be breaking the compact?": whether something is a breach, not a wish to report one. */
export function asksIfBreach(text: string): boolean {
  return has(text, /^ (would|is|isnt|does|doesnt|could|will|was|are|wouldnt|surely) .*(breach\w*|breaking|break|against|contrary to|go against) /);
}

/** True when the message asks to start doing something, rather than asking about it. */
export function isRequest(text: string): boolean {
  return (
    has(text, / where (do|should|can) (i|we) (start|go|begin) /) ||
    has(text, /^ (report|raise|flag|log|file|submit|start|begin|make|lodge|sign|register|join|enrol) /) ||
    has(text, / (i|we|id|wed) (want|would like|need|wish|have|like|d like) to /) ||
    has(text, / (i|we) (want|need|wish) /) ||
    has(text, / (want|need|wish|like) to (raise|report|log|flag|lodge|escalate|make|submit|start|sign|register|join) /) ||
    has(text, / (can|could|may) (i|we|you) (please )?(report|raise|file|log|submit|make|lodge|start|sign|register|join) /) ||
    has(text, / help me (report|raise|file|log|sign|register|join|make) /) ||
    has(text, / (lets|let us) /)
  );
}

/** An explicit request to compare ("compare", "difference", "vs"), as opposed to one implied by naming two compacts. */
export function asksToCompare(text: string): boolean {
  return has(text, / (compare|compared|comparing|comparison|versus|vs|contrast) /);
}

export function isCompare(text: string, compactsNamed: number): boolean {
  return (
    compactsNamed >= 2 ||
    has(text, / (compare|compared|comparing|comparison|difference|differences|differ|differs|versus|vs|contrast) /) ||
    has(text, / (each|every|all|both|across|between|other|different|the|these|those|four|our|various) (the |four |other )?(local )?compacts /) ||
    has(text, / (each|every|all|both|across|between|other|different) (the )?(local )?compact /) ||
    has(text, / (side by side|similarities|similarity|in each area|same everywhere|same in every|same across) /) ||
    has(text, / which (of the |of our )?(local )?compacts? /) ||
    has(text, / (do|does) (all|both|the other|other) /)
  );
}

/** The thing a definition request asks about, or undefined when the text is not a definition request. */
export function definitionSubject(text: string): string | undefined {
  const patterns = [
    /^(?:please )?(?:define|definition(?: of)?|meaning of|explain(?: the term| what)?|whats the meaning of|what is the meaning of|whats the definition of|what is the definition of|what is meant by|whats meant by|what do you mean by|what do they mean by|what does the compact mean by|jargon|acronym) (.+)$/,
    /^(?:what|whats|wat|wot|who|whos) (?:is |are |s |does |do |did )?(?:a |an |the )?(.+?) (?:mean|means|stand for|stands for|short for)$/,
    /^(?:what|whats|wat|wot|who|whos) (?:is|are|s)? ?(?:a |an |the )?(.+)$/,
    /^(.+?) (?:meaning|definition|defined|stands for|stand for|mean|means)$/,
  ];
  for (const p of patterns) {
    const m = p.exec(text);
    if (m?.[1]) return m[1].replace(/^(a|an|the) /, '').trim();
  }
  return undefined;
}

/** "use dacorum", "switch to halton", "only herts please": choose a default compact. */
export function isDefaultChoice(text: string): boolean {
  return has(text, /^ (use|using|switch to|switch|set|choose|select|pick|change to|only|just|default to|default) /);
}

/** "all compacts", "any compact", "clear": drop the default compact. */
export function isClearDefault(text: string): boolean {
  return has(text, /^ (use |switch to |search |show )?(all|any|every|clear|reset) ?(the )?(compacts?|default)? $/);
}

/** A follow-up that only moves the last question to another compact: "and in Dacorum?", "what about Halton". */
export function isFollowUp(text: string): boolean {
  return has(text, /^ (and|what about|how about|same|same for|same in|and for|and in|what of|in|for|ok and|ok what about|also) /) || text.split(' ').length <= 2;
}
