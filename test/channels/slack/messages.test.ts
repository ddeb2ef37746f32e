import { describe, expect, it } from 'vitest';
import { stripMention } from '../../../src/channels/slack/messages.js';

describe('mentions', () => {
  it('strips the bot’s mention before the question reaches the core', () => {
    expect(stripMention('<@UBOT1> what is an LSP?', 'UBOT1')).toBe('what is an LSP?');
    expect(stripMention('<@UBOT1|compact-bot>, what is an LSP?')).toBe('what is an LSP?');
    expect(stripMention('ask <@UBOT1> about <@UOTHER>', 'UBOT1')).toBe('ask about <@UOTHER>');
    expect(stripMention('<@UBOT1>', 'UBOT1')).toBe('');
  });
});
