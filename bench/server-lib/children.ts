import { type ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { FakeSlackCounts } from './fake-slack.js';

export const ROOT = join(import.meta.dirname, '..', '..');
const RUN_TS = join(ROOT, 'bin', 'run-ts.js');

/** The resident set size of a process in bytes, read from /proc (Linux). */
export async function rssOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/** The fake Slack child: its port, and its counts on request. */
export class FakeSlackChild {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(): Promise<FakeSlackChild> {
    const child = fork(RUN_TS, [join(import.meta.dirname, 'fake-slack-child.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const [message] = (await once(child, 'message')) as [{ port: number }];
    return new FakeSlackChild(child, message.port);
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  async counts(): Promise<FakeSlackCounts> {
    this.child.send({ op: 'counts' });
    const [message] = (await once(this.child, 'message')) as [{ counts: FakeSlackCounts }];
    return message.counts;
  }

  async reset(): Promise<void> {
    this.child.send({ op: 'reset' });
    await once(this.child, 'message');
  }

  async close(): Promise<void> {
    const exited = once(this.child, 'exit');
    this.child.send({ op: 'close' });
    await exited;
  }
}

export interface Started {
  child: ChildProcess;
  /** Spawn to the `ready` log line (listening, channels started). */
  readyMs: number;
  port: number;
  output: () => string;
}

/** Spawns a server (`node <args>`, PORT=0) and waits for its `ready` log line, which names the port it took. */
export async function startServer(args: string[], env: NodeJS.ProcessEnv): Promise<Started> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let pending = '';
  let readyLine: { port: number; at: number } | undefined;
  const ready = new Promise<{ port: number; at: number }>((resolve, reject) => {
    const keep = (c: Buffer) => (output = (output + c.toString('utf8')).slice(-50_000));
    // The ready line is a log line on standard output.
    const onStdout = (c: Buffer) => {
      keep(c);
      if (readyLine) return;
      const text = c.toString('utf8');
      // Only whole lines are read: a chunk may end in the middle of one.
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      const line = lines.find((l) => l.includes('"msg":"ready"'));
      if (line) {
        readyLine = { port: (JSON.parse(line) as { port: number }).port, at: performance.now() };
        resolve(readyLine);
      }
    };
    child.stdout!.on('data', onStdout);
    child.stderr!.on('data', keep);
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before it was ready:\n${output}`)));
  });
  const { port, at } = await ready;
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  if (!res.ok) throw new Error(`GET /readyz answered ${res.status} after the ready line`);
  return { child, readyMs: at - started, port, output: () => output };
}

export async function stopServer(s: Started): Promise<number | null> {
  if (s.child.exitCode !== null) return s.child.exitCode;
  const exited = once(s.child, 'exit') as Promise<[number | null]>;
  s.child.kill('SIGTERM');
  const [code] = await exited;
  return code;
}
