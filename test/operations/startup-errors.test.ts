import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasBombYaml } from '../helpers/alias-bomb.js';
import { BIN, ROOT, runCli, tempDataDir } from '../helpers/cli.js';

/** One line on standard error, no stack trace, exit code 1. */
function expectOneLine(r: { status: number | null; stderr: string }, message: RegExp): void {
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^compact-bot: [^\n]+\n$/);
  expect(r.stderr).toMatch(message);
}

const serve = (env: Record<string, string>) =>
  runCli(['serve'], { env: { DATA_DIR: tempDataDir(), HOST: '127.0.0.1', PORT: '0', ...env } });

describe('start-up failures', () => {
  const busy = createServer();
  let busyPort = 0;
  beforeAll(async () => {
    busy.listen(0, '127.0.0.1');
    await once(busy, 'listening');
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(() => busy.close());

  it('names the port in use', () => {
    expectOneLine(serve({ PORT: String(busyPort) }), new RegExp(`PORT ${busyPort} is already in use on 127\\.0\\.0\\.1`));
  });

  it('names a HOST that cannot be resolved or is not this machine', () => {
    expectOneLine(serve({ HOST: 'no-such-host.invalid' }), /HOST no-such-host\.invalid is not a host name this machine can resolve/);
    expectOneLine(serve({ HOST: 'http://example.org/' }), /HOST: must be a host name or an IP address/);
  });

  it('refuses LOG_LEVEL=loud, PORT=0x1 and out-of-range numbers', () => {
    expectOneLine(serve({ LOG_LEVEL: 'loud' }), /LOG_LEVEL: "loud" is not a log level; use one of fatal, error/);
    expectOneLine(serve({ PORT: '0x1' }), /PORT: must be a port number from 0 to 65535, in decimal digits/);
    expectOneLine(serve({ FLOW_TTL_MINUTES: '1000000000000' }), /FLOW_TTL_MINUTES: must be at most 527,040 \(a year\)/);
    expectOneLine(serve({ REPORT_RETENTION_DAYS: '999999999' }), /REPORT_RETENTION_DAYS: must be at most 36,600/);
    expectOneLine(
      runCli(['reports', 'purge'], { env: { DATA_DIR: tempDataDir(), REPORT_RETENTION_DAYS: '999999999' } }),
      /REPORT_RETENTION_DAYS/,
    );
  });

  it('names the knowledge file that holds a YAML alias bomb', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compact-bot-kb-'));
    cpSync(join(ROOT, 'test', 'fixtures', 'knowledge', 'good'), dir, { recursive: true });
    writeFileSync(join(dir, 'testshire', 'terms.yml'), aliasBombYaml());
    const expected = /^compact-bot: The knowledge base has 1 problem: \S*testshire\/terms\.yml: refused because its aliases expand too far/;
    expectOneLine(runCli(['ask', 'hello'], { env: { KNOWLEDGE_DIR: dir } }), expected);
  });
});

describe('command line hygiene', () => {
  it('prints usage for --help, on its own and on every command, and exits 0', () => {
    const top = runCli(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/^Usage: compact-bot <command>/);
    for (const command of ['chat', 'ask', 'knowledge', 'reports', 'signups', 'serve', 'backup', 'package-teams']) {
      const r = runCli([command, '--help']);
      expect(r.status, command).toBe(0);
      expect(r.stdout, command).toContain(`compact-bot ${command}`);
    }
    const ask = runCli(['ask', '--help']);
    expect(ask.stdout).toMatch(/^Usage:\n {2}compact-bot ask "question"/);
    expect(ask.stdout).not.toMatch(/Hertfordshire/);
  });

  it('reads a .env file in the current directory, with the environment winning over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compact-bot-env-'));
    writeFileSync(join(dir, '.env'), '# settings\nPORT=0x1\nKNOWLEDGE_DIR=/no/such/folder\n');
    const { PORT: _port, KNOWLEDGE_DIR: _knowledge, ...inherited } = process.env;
    const run = (env: Record<string, string>, args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...inherited, ...env }, timeout: 60_000 });
    const fromFile = run({ DATA_DIR: tempDataDir() }, ['serve']);
    expect(fromFile.status).toBe(1);
    expect(fromFile.stderr).toMatch(/PORT: must be a port number/);
    const overridden = run({ PORT: '3000', KNOWLEDGE_DIR: join(ROOT, 'knowledge') }, ['ask', 'what is an LSP?']);
    expect(overridden.status).toBe(0);
    expect(overridden.stdout).toMatch(/Local Strategic Partnership/);
  });

  it('ends quietly with exit code 0 when the reader of its output goes away (npm start | head)', async () => {
    const child = spawn(process.execPath, [BIN, 'chat'], { cwd: ROOT, env: { ...process.env, DATA_DIR: tempDataDir() } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.write('help\n'.repeat(2000));
    child.stdin.end();
    await once(child.stdout, 'data');
    child.stdout.destroy();
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('.env.example', () => {
  it('lists, with a comment, every variable the README configuration table names', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('### The knowledge base'));
    const documented = [...table.matchAll(/^\| `([A-Z_]+)`(?:, `([A-Z_]+)`)? \|/gm)].flatMap(
      (m) => [m[1]!, m[2]].filter(Boolean) as string[],
    );
    expect(documented.length).toBeGreaterThan(15);
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8').split('\n');
    for (const name of documented) {
      const at = example.findIndex((line) => line.startsWith(`# ${name}=`));
      expect(at, name).toBeGreaterThan(0);
      expect(example[at - 1], name).toMatch(/^# \S/);
      expect(example[at - 1], name).not.toMatch(/^# [A-Z_]+=/);
    }
  });
});
