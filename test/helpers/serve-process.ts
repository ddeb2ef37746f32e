import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { BIN, ROOT } from './cli.js';
import { waitUntil } from './wait-until.js';

/** A real `compact-bot serve` child process on a free loopback port, with its JSON log lines kept. */
export class ServeProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output = '';
  port = 0;

  /** `env` is all the process gets (plus PORT and HOST): nothing leaks in from the developer's shell. */
  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env: { ...env, PORT: '0', HOST: '127.0.0.1' } });
    this.child.stdout.on('data', (c: Buffer) => (this.output += c.toString('utf8')));
    this.child.stderr.on('data', (c: Buffer) => (this.output += c.toString('utf8')));
    this.exited = once(this.child, 'exit').then(([code, signal]) => ({
      code: code as number | null,
      signal: signal as NodeJS.Signals | null,
    }));
  }

  /** Waits for the "ready" line and takes the port from it. */
  async ready(): Promise<this> {
    const ready = await waitUntil(
      'serve to log "ready"',
      () => {
        if (this.child.exitCode !== null) throw new Error(`serve exited with ${this.child.exitCode}:\n${this.output}`);
        return this.logs().find((l) => l.msg === 'ready');
      },
      45_000,
    );
    this.port = ready.port as number;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  logs(): Record<string, unknown>[] {
    // The last piece is an unfinished line, or empty.
    return this.output
      .split('\n')
      .slice(0, -1)
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  /** For cleanup: ends the process if a test left it running. */
  kill(): void {
    if (this.alive) this.child.kill('SIGKILL');
  }
}
