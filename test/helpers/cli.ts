import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'compact-bot.js');

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'compact-bot-test-'));
}

/** Runs a compact-bot command to completion with the given standard input. */
export function runCli(args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface Said {
  text: string;
  match: RegExpMatchArray;
}

/** A chat process we can type into line by line and read as it answers. */
export class ChatProcess {
  readonly child: ChildProcessWithoutNullStreams;
  output = '';
  private waiters: { pattern: RegExp; from: number; resolve: (r: Said) => void }[] = [];

  constructor(args: string[], env: Record<string, string>) {
    this.child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      this.output += chunk;
      this.waiters = this.waiters.filter((w) => {
        const text = this.output.slice(w.from);
        const match = text.match(w.pattern);
        if (match) w.resolve({ text: text.slice(0, (match.index ?? 0) + match[0].length), match });
        return !match;
      });
    });
  }

  /** Sends a line and waits until the output after it matches `pattern`; returns that output up to the match. */
  async say(line: string, pattern: RegExp, timeoutMs = 20_000): Promise<Said> {
    const from = this.output.length;
    const found = new Promise<Said>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${pattern} after "${line}"; output so far:\n${this.output.slice(from)}`)),
        timeoutMs,
      );
      this.waiters.push({
        pattern,
        from,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
    this.child.stdin.write(`${line}\n`);
    return found;
  }

  async exit(signal?: NodeJS.Signals): Promise<number | null> {
    const done = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    if (signal) this.child.kill(signal);
    else this.child.stdin.end();
    return done;
  }
}
