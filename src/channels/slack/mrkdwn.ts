/** Slack's limits that we render against. */
export const LIMITS = {
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  messageBlocks: 50,
  viewBlocks: 100,
  actionsPerBlock: 25,
  fallbackText: 3000,
} as const;

/**
 * Escapes text for mrkdwn, so that what a user typed (or a knowledge file holds) is shown, never obeyed:
 * `<!channel>` or `<@U123>` becomes visible text and pings no one.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Splits long text into pieces of at most `max` characters, at line breaks or spaces where it can. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    // An escape such as &amp; must not be cut in two.
    let at = cut > max / 2 ? cut : max;
    const amp = window.lastIndexOf('&', at - 1);
    if (amp >= 0 && amp > at - 5 && !window.slice(amp, at).includes(';')) at = amp;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
