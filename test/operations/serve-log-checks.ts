import { expect } from 'vitest';

export const QUESTION = 'what notice is required before our funding is cut, asks Qv7 Pumphrey?';

/** Every line of a serve process's output (stdout and stderr) must be a JSON log entry with a level and a message. */
export function expectJsonLines(output: string): Record<string, unknown>[] {
  const lines = output.split('\n').filter((l) => l.trim() !== '');
  const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  for (const e of entries) {
    expect([10, 20, 30, 40, 50, 60]).toContain(e.level);
    expect(typeof e.msg).toBe('string');
  }
  return entries;
}

export function expectNoneOf(output: string, secrets: string[]): void {
  for (const s of secrets) expect(output, `"${s}" is in the logs`).not.toContain(s);
  expect(output.toLowerCase()).not.toContain('qv7');
}
