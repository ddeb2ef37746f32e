/**
 * What Slack checks in blocks and views before it accepts them; a message or view that breaks any of these is
 * refused with `invalid_blocks` (or `invalid_arguments` for a view's own fields). Limits from Slack's Block Kit
 * reference: https://docs.slack.dev/reference/block-kit/
 */
type Obj = Record<string, any>;

const TEXT = 3000;
const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  blockId: 255,
  actionId: 255,
  sectionFields: 10,
  sectionField: 2000,
  header: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  optionText: 75,
  optionValue: 150,
  options: 100,
  optionGroups: 100,
  optionGroupLabel: 75,
  viewTitle: 24,
  privateMetadata: 3000,
  messageText: 40_000,
} as const;

class Problems {
  readonly list: string[] = [];
  add(where: string, what: string): void {
    this.list.push(`${where}: ${what}`);
  }
  text(where: string, t: unknown, max: number): void {
    if (t === undefined) return;
    const s = typeof t === 'object' && t !== null ? (t as Obj).text : t;
    if (typeof s !== 'string') {
      this.add(where, 'must be text');
      return;
    }
    if (s.length === 0) this.add(where, 'must not be empty');
    if (s.length > max) this.add(where, `must be at most ${max} characters (is ${s.length})`);
  }
}

function checkOptions(p: Problems, where: string, el: Obj): void {
  const option = (o: Obj, at: string) => {
    p.text(`${at}.text`, o.text, LIMITS.optionText);
    if (typeof o.value === 'string' && o.value.length > LIMITS.optionValue)
      p.add(`${at}.value`, `must be at most ${LIMITS.optionValue} characters`);
  };
  if (Array.isArray(el.options)) {
    if (el.options.length > LIMITS.options) p.add(`${where}.options`, `must be at most ${LIMITS.options}`);
    el.options.forEach((o: Obj, i: number) => option(o, `${where}.options[${i}]`));
  }
  if (Array.isArray(el.option_groups)) {
    if (el.option_groups.length > LIMITS.optionGroups) p.add(`${where}.option_groups`, `must be at most ${LIMITS.optionGroups}`);
    el.option_groups.forEach((g: Obj, i: number) => {
      p.text(`${where}.option_groups[${i}].label`, g.label, LIMITS.optionGroupLabel);
      if (!Array.isArray(g.options) || g.options.length > LIMITS.options)
        p.add(`${where}.option_groups[${i}].options`, `must be 1 to ${LIMITS.options}`);
      (g.options ?? []).forEach((o: Obj, j: number) => option(o, `${where}.option_groups[${i}].options[${j}]`));
    });
  }
  if (el.options && el.option_groups) p.add(where, 'must not have both options and option_groups');
}

function checkElement(p: Problems, where: string, el: Obj, actionIds: Set<string>): void {
  if (typeof el.action_id === 'string') {
    if (actionIds.has(el.action_id)) p.add(`${where}.action_id`, `"${el.action_id}" is used twice in one block`);
    if (el.action_id.length > LIMITS.actionId) p.add(`${where}.action_id`, `must be at most ${LIMITS.actionId} characters`);
    actionIds.add(el.action_id);
  }
  if (el.type === 'button') {
    p.text(`${where}.text`, el.text, LIMITS.buttonText);
    if (typeof el.value === 'string' && el.value.length > LIMITS.buttonValue)
      p.add(`${where}.value`, `must be at most ${LIMITS.buttonValue} characters`);
  }
  if (el.placeholder) p.text(`${where}.placeholder`, el.placeholder, LIMITS.placeholder);
  checkOptions(p, where, el);
}

function checkBlock(p: Problems, where: string, b: Obj): void {
  const actionIds = new Set<string>();
  switch (b.type) {
    case 'section':
      p.text(`${where}.text`, b.text, TEXT);
      if (Array.isArray(b.fields)) {
        if (b.fields.length > LIMITS.sectionFields) p.add(`${where}.fields`, `must be at most ${LIMITS.sectionFields}`);
        b.fields.forEach((f: Obj, i: number) => p.text(`${where}.fields[${i}]`, f, LIMITS.sectionField));
      }
      if (!b.text && !b.fields) p.add(where, 'a section needs text or fields');
      if (b.accessory) checkElement(p, `${where}.accessory`, b.accessory, actionIds);
      break;
    case 'header':
      p.text(`${where}.text`, b.text, LIMITS.header);
      break;
    case 'context':
      if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > LIMITS.contextElements)
        p.add(`${where}.elements`, `must be 1 to ${LIMITS.contextElements}`);
      (b.elements ?? []).forEach((e: Obj, i: number) => p.text(`${where}.elements[${i}]`, e, TEXT));
      break;
    case 'actions':
      if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > LIMITS.actionsElements)
        p.add(`${where}.elements`, `must be 1 to ${LIMITS.actionsElements}`);
      (b.elements ?? []).forEach((e: Obj, i: number) => checkElement(p, `${where}.elements[${i}]`, e, actionIds));
      break;
    case 'input':
      p.text(`${where}.label`, b.label, LIMITS.label);
      if (b.hint) p.text(`${where}.hint`, b.hint, LIMITS.hint);
      if (!b.element) p.add(where, 'an input needs an element');
      else checkElement(p, `${where}.element`, b.element, actionIds);
      break;
    case 'divider':
      break;
    default:
      p.add(where, `unknown block type ${String(b.type)}`);
  }
}

function checkBlocks(p: Problems, blocks: unknown, max: number): void {
  if (!Array.isArray(blocks)) {
    p.add('blocks', 'must be an array');
    return;
  }
  if (blocks.length > max) p.add('blocks', `must be at most ${max} (is ${blocks.length})`);
  const blockIds = new Set<string>();
  blocks.forEach((b: Obj, i: number) => {
    if (typeof b.block_id === 'string') {
      if (blockIds.has(b.block_id)) p.add(`blocks[${i}].block_id`, `"${b.block_id}" is used twice`);
      if (b.block_id.length > LIMITS.blockId) p.add(`blocks[${i}].block_id`, `must be at most ${LIMITS.blockId} characters`);
      blockIds.add(b.block_id);
    }
    checkBlock(p, `blocks[${i}]`, b);
  });
}

/** What is wrong with a message's blocks and text (chat.postMessage, chat.postEphemeral, chat.update, response_url). */
export function messageProblems(body: Obj): string[] {
  const p = new Problems();
  if (body.blocks !== undefined) checkBlocks(p, body.blocks, LIMITS.messageBlocks);
  if (typeof body.text === 'string' && body.text.length > LIMITS.messageText)
    p.add('text', `must be at most ${LIMITS.messageText} characters`);
  return p.list;
}

/** What is wrong with a view (views.open, views.update, views.push, views.publish). */
export function viewProblems(view: Obj | undefined): string[] {
  const p = new Problems();
  if (!view || typeof view !== 'object') return ['view: is required'];
  checkBlocks(p, view.blocks, LIMITS.viewBlocks);
  if (view.type === 'modal') {
    p.text('view.title', view.title, LIMITS.viewTitle);
    if (view.submit) p.text('view.submit', view.submit, LIMITS.viewTitle);
    if (view.close) p.text('view.close', view.close, LIMITS.viewTitle);
  } else if (view.type !== 'home') {
    p.add('view.type', 'must be modal or home');
  }
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > LIMITS.privateMetadata)
    p.add('view.private_metadata', `must be at most ${LIMITS.privateMetadata} characters`);
  return p.list;
}
