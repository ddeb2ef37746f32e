/**
 * What every reply must satisfy whatever the user typed, as lists of problems (empty when all is well).
 * The limits are Slack's and Microsoft's documented ones, restated here rather than read from src.
 */

import { coreConfig } from '../../src/config.js';
import { linkSegments } from '../../src/core/answers/blocks.js';
import { renderText } from '../../src/core/answers/render-text.js';
import type { Hit, Reply } from '../../src/core/answers/reply.js';
import { FLOWS } from '../../src/core/flows/runner.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import type { KnowledgeBase } from '../../src/core/knowledge/types.js';
import { checkVerbatim } from '../../src/core/knowledge/verbatim.js';

let links: Set<string> | undefined;
/** The web addresses the knowledge base links to (in its sources' text and as where they are published): the only links we may make. */
function ourLink(url: string): boolean {
  if (!links) {
    const kb = loadKnowledge(coreConfig().KNOWLEDGE_DIR);
    links = new Set(kb.entries.flatMap((e) => linkSegments(e.text).flatMap((s) => (s.url ? [s.url] : []))));
    for (const c of kb.compacts) for (const s of c.meta.sources) if (s.url) links.add(s.url);
  }
  return links.has(url);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// C0 controls but the line break, DEL, and the bidi embeddings, overrides and isolates that reorder what is shown.
const UNREADABLE = /[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** Text a person can read: not blank, and no control characters or broken UTF-16 that came from the input. */
export function readabilityProblems(text: string, where: string): string[] {
  const problems: string[] = [];
  if (text.trim() === '') problems.push(`${where}: empty`);
  if (LONE_SURROGATE.test(text)) problems.push(`${where}: lone surrogate`);
  const bad = UNREADABLE.exec(text);
  if (bad) problems.push(`${where}: control character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  return problems;
}

/** The core's reply: readable text in every block, and every quoted passage the knowledge base's own words. */
export function replyProblems(reply: Reply, kb: KnowledgeBase): string[] {
  const problems = readabilityProblems(renderText(reply), 'reply');
  const texts = reply.blocks.flatMap((b) => {
    switch (b.type) {
      case 'quote':
        return [b.hit.text];
      case 'fields':
        return b.items.flatMap((i) => [i.label, i.value]);
      case 'answer':
      case 'also':
        return [b.span];
      case 'table':
        return b.rows.flatMap((r) => [r.compactName, ...(r.answer ? [r.answer.span] : [])]);
      default:
        return [b.text];
    }
  });
  const spans = reply.blocks.flatMap((b): { span: string; hit: Hit }[] =>
    b.type === 'answer' || b.type === 'also' ? [b] : b.type === 'table' ? b.rows.flatMap((r) => (r.answer ? [r.answer] : [])) : [],
  );
  for (const s of spans) if (!s.hit.text.includes(s.span)) problems.push(`span "${s.span}": not part of ${s.hit.key}`);
  texts.forEach((t, i) => problems.push(...(t.trim() === '' ? [`block text ${i}: empty`] : [])));
  const hits = [...reply.hits, ...reply.blocks.flatMap((b) => (b.type === 'quote' ? [b.hit] : []))];
  for (const hit of hits) {
    const entry = kb.entries.find((e) => e.key === hit.key);
    if (!entry || entry.text !== hit.text) {
      problems.push(`hit ${hit.key}: not the knowledge base's text`);
      continue;
    }
    const source = kb.compacts.find((c) => c.meta.id === entry.compact)?.texts.get(entry.source.id) ?? '';
    // A route's text is its passages joined by blank lines; each is verbatim on its own.
    if (!hit.text.split('\n\n').every((passage) => checkVerbatim(passage, source).ok))
      problems.push(`hit ${hit.key}: not verbatim in ${entry.source.title}`);
  }
  return problems;
}

/**
 * A reply to a message sent in a guided flow: the flow goes on, asking a question (whose prompt it shows) or
 * showing the review; it may only end by being submitted from the review.
 */
export function flowProblems(reply: Reply, fromReview: boolean): string[] {
  const view = reply.flow;
  if (!view) return ['the flow was lost'];
  if (view.stage === 'done') return fromReview && reply.submission ? [] : ['the flow ended without being submitted from the review'];
  if (view.stage === 'cancelled') return ['the flow was cancelled'];
  const text = renderText(reply);
  if (view.stage === 'review') return text.includes('Please check your answers') ? [] : ['the review does not show the answers'];
  const field = FLOWS[view.flowId as keyof typeof FLOWS].fields.find((f) => f.id === view.fieldId);
  // Words typed at the undertakings question search the compact: the matches to choose from stand for the question.
  const asked =
    field && (text.includes(field.prompt) || (field.type === 'undertakings' && reply.actions.some((a) => a.value === 'not sure')));
  return asked ? [] : [`the question for ${String(view.fieldId)} is not asked`];
}

/** mrkdwn as Slack documents it: `<`, `>` and `&` escaped (a `>` opening a line is a quote), and within 3000 characters. */
function mrkdwnProblems(mrkdwn: string, where: string): string[] {
  const problems = readabilityProblems(mrkdwn, where);
  // A link to a web address from the knowledge base (`<https://…|text>`) is the one markup we write.
  const text = mrkdwn.replace(/<(https?:\/\/[^\s|<>]+)\|[^<>|]*>/g, (link, url: string) => (ourLink(url) ? 'link' : link));
  if (text.includes('<'))
    problems.push(`${where}: unescaped < in ${JSON.stringify(text.slice(Math.max(0, text.indexOf('<') - 20), text.indexOf('<') + 30))}`);
  if (/[^\n]>/.test(text)) problems.push(`${where}: unescaped > inside a line`);
  if (/&(?!amp;|lt;|gt;)/.test(text)) problems.push(`${where}: & that is not an escape`);
  if (text.length > 3000) problems.push(`${where}: ${text.length} characters (Slack allows 3000)`);
  return problems;
}

function plainProblems(text: unknown, max: number, where: string): string[] {
  if (typeof text !== 'string') return [`${where}: no text`];
  const problems = readabilityProblems(text, where);
  if (text.length > max) problems.push(`${where}: ${text.length} characters (Slack allows ${max})`);
  return problems;
}

function textObjectProblems(t: any, plainMax: number, where: string): string[] {
  if (t?.type === 'mrkdwn') return mrkdwnProblems(t.text, where);
  if (t?.type === 'plain_text') return plainProblems(t.text, plainMax, where);
  return [`${where}: not a text object`];
}

function elementProblems(e: any, where: string): string[] {
  switch (e.type) {
    case 'button':
      return [
        ...plainProblems(e.text?.text, 75, `${where} text`),
        ...(typeof e.value === 'string' && e.value.length <= 2000 ? [] : [`${where}: value over 2000 characters`]),
      ];
    case 'static_select':
      return (e.options ?? []).flatMap((o: any, i: number) => [
        ...plainProblems(o.text?.text, 75, `${where} option ${i}`),
        ...(String(o.value).length <= 150 ? [] : [`${where} option ${i}: value over 150`]),
      ]);
    default:
      return [];
  }
}

function blockProblems(b: any, where: string): string[] {
  switch (b.type) {
    case 'section':
      return [
        ...(b.text || !b.fields ? textObjectProblems(b.text, 3000, `${where} section`) : []),
        ...(b.fields ?? []).flatMap((f: any, i: number) => textObjectProblems(f, 2000, `${where} field ${i}`)),
        ...(b.accessory ? elementProblems(b.accessory, `${where} accessory`) : []),
      ];
    case 'header':
      return b.text?.type === 'plain_text' ? plainProblems(b.text.text, 150, `${where} header`) : [`${where}: header is not plain_text`];
    case 'context':
      return [
        ...(b.elements.length <= 10 ? [] : [`${where}: over 10 context elements`]),
        ...b.elements.flatMap((e: any, i: number) => textObjectProblems(e, 3000, `${where} context ${i}`)),
      ];
    case 'actions':
      return [
        ...(b.elements.length <= 25 ? [] : [`${where}: over 25 elements`]),
        ...b.elements.flatMap((e: any, i: number) => elementProblems(e, `${where} element ${i}`)),
      ];
    case 'input':
      return [
        ...plainProblems(b.label?.text, 2000, `${where} label`),
        ...(b.hint ? plainProblems(b.hint.text, 2000, `${where} hint`) : []),
        ...elementProblems(b.element, `${where} input`),
      ];
    case 'divider':
      return [];
    default:
      return [`${where}: unexpected block type ${String(b.type)}`];
  }
}

/** A Block Kit message (or view, with `maxBlocks` 100) and its fallback text. */
export function slackProblems(message: { blocks?: any[]; text?: string }, maxBlocks = 50): string[] {
  if (!Array.isArray(message.blocks)) return ['no blocks'];
  const problems = message.blocks.flatMap((b, i) => blockProblems(b, `block ${i}`));
  if (message.blocks.length > maxBlocks) problems.push(`${message.blocks.length} blocks (Slack allows ${maxBlocks})`);
  if (message.text !== undefined) {
    problems.push(...mrkdwnProblems(message.text, 'fallback text').filter((p) => !p.includes('characters (Slack allows')));
    if (message.text.length > 3000) problems.push(`fallback text: ${message.text.length} characters (the renderer promises 3000)`);
  }
  return problems;
}

/** Card markdown with every character that Teams acts on backslash-escaped, as escapeMarkdown promises. */
function cardMarkdownProblems(text: unknown, where: string): string[] {
  if (typeof text !== 'string') return [`${where}: no text`];
  const problems = readabilityProblems(text, where);
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if ('*_[]()<>'.includes(text[i]!)) {
      problems.push(`${where}: unescaped ${text[i]} in ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}`);
      break;
    }
  }
  if (/^\s*(?:[-+]|\d+\.)(?=\s)/m.test(text)) problems.push(`${where}: an unescaped list marker`);
  return problems;
}

const CARD_TYPES = new Set([
  'AdaptiveCard',
  'TextBlock',
  'RichTextBlock',
  'TextRun',
  'Container',
  'ColumnSet',
  'Column',
  'FactSet',
  'ActionSet',
  'Action.Submit',
  'Action.Execute',
  'Input.Text',
  'Input.ChoiceSet',
  'Input.Date',
]);
// What inbound.ts accepts back from a button: a press on a button it would refuse is a dead button.
const SUBMIT_TEXT_MAX = 2000;
/** Microsoft recommends keeping a bot message within 80 KB, counted in UTF-16. */
const CARD_BYTES_MAX = 80 * 1024;

function submitProblems(data: any, where: string): string[] {
  switch (data?.compactBot) {
    case 'message':
      return typeof data.text === 'string' && data.text.trim() !== '' && data.text.trim().length <= SUBMIT_TEXT_MAX
        ? []
        : [`${where}: message text the bot would refuse`];
    case 'feedback':
      return typeof data.question === 'string' &&
        data.question.length <= SUBMIT_TEXT_MAX &&
        data.keys.length <= 50 &&
        data.keys.every((k: string) => k.length <= 200)
        ? []
        : [`${where}: feedback the bot would refuse`];
    case 'form':
    case 'cancel':
      return ['breach', 'signup'].includes(data.flowId) ? [] : [`${where}: unknown flow`];
    default:
      return [`${where}: data that is not ours`];
  }
}

/** An Adaptive Card: JSON, no way for user text to become a link or action, markdown escaped, within Teams' size. */
export function cardProblems(card: unknown): string[] {
  const json = JSON.stringify(card);
  const problems: string[] = [];
  if (JSON.stringify(JSON.parse(json)) !== json) problems.push('card does not survive a JSON round trip');
  if (json.length * 2 > CARD_BYTES_MAX)
    problems.push(`card is ${Math.round((json.length * 2) / 1024)} KB in UTF-16 (Teams: keep within 80 KB)`);
  const walk = (node: any, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, `${where}[${i}]`));
      return;
    }
    if (!node || typeof node !== 'object') return;
    // The one link we make: a run of the knowledge base's text that opens the https address the source gives.
    const link = node.type === 'TextRun' && node.selectAction?.type === 'Action.OpenUrl' && ourLink(node.selectAction.url);
    for (const key of ['selectAction', 'url', 'iconUrl', 'backgroundImage', '$data', '$when'])
      if (key in node && !(link && key === 'selectAction')) problems.push(`${where}: has ${key}`);
    if ('type' in node && !CARD_TYPES.has(node.type)) problems.push(`${where}: element type ${String(node.type)}`);
    if (node.type === 'TextBlock') problems.push(...cardMarkdownProblems(node.text, `${where} TextBlock`));
    if (node.type === 'TextRun') problems.push(...readabilityProblems(String(node.text), `${where} TextRun`));
    if (node.type === 'FactSet')
      node.facts.forEach((f: any, i: number) =>
        problems.push(
          ...cardMarkdownProblems(f.title, `${where} fact ${i} title`),
          ...cardMarkdownProblems(f.value, `${where} fact ${i} value`),
        ),
      );
    if (node.type === 'Action.Submit') {
      problems.push(...readabilityProblems(String(node.title), `${where} button title`), ...submitProblems(node.data, `${where} button`));
      return;
    }
    for (const [key, value] of Object.entries(node))
      if (key !== 'data' && !(link && key === 'selectAction')) walk(value, `${where}.${key}`);
  };
  walk(card, 'card');
  return problems;
}
