import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AfterAck } from '../../../src/channels/slack/after-ack.js';

describe('pacing the work after an acknowledgement', () => {
  it('starts a few waiting pieces per turn of the event loop, in the order they came', async () => {
    const pacer = new AfterAck(4);
    const started: number[] = [];
    for (let i = 0; i < 10; i++) void pacer.turn().then(() => started.push(i));
    expect(started).toEqual([]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
