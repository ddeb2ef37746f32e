import { describe, expect, it } from 'vitest';
import { cycles, type Import, moduleGraph, packageOf } from './module-graph.js';

/**
 * The rules, over every import under src/ (static, dynamic and type-only):
 * - The core (src/core/) imports only the core, Node's builtins and the libraries in CORE_PACKAGES: never a
 *   channel, the CLI, the server or a chat SDK.
 * - A channel (src/channels/<platform>/) imports the core only through its public module, src/core/index.ts. Beside
 *   that it may import its own folder, the shared modules at the top of src/channels/ other than the registry
 *   (adapters.ts, which imports every channel), the shared modules outside the core in SHARED, Node's builtins,
 *   CHANNEL_PACKAGES, and its own SDK; never another platform's folder or SDK, the CLI or the server.
 * - A verification module imports nothing but Node's builtins: it must be checkable without its SDK. Teams has
 *   none of its own: its tokens are validated by botbuilder's CloudAdapter, which is the SDK.
 * - No import cycles anywhere under src/. Type-only imports count: they tie the modules' meaning together as
 *   much as values do, and a cycle of types becomes a cycle of values with one edit.
 */
const CORE = 'src/core/';
const CORE_PUBLIC = 'src/core/index.ts';
const CORE_PACKAGES = ['node:', 'zod', 'yaml', 'fuse.js', 'stemmer', 'better-sqlite3', 'pg'];
const SHARED = ['src/runtime.ts', 'src/config.ts', 'src/http.ts', 'src/logger.ts', 'src/metrics.ts'];
const CHANNEL_PACKAGES = ['node:', 'zod', 'pino'];
const SDKS: Record<string, string[]> = { slack: ['@slack/bolt'], teams: ['botbuilder'], terminal: [] };
const VERIFIERS = ['src/channels/slack/verify-signature.ts'];

function coreViolations(file: string, imports: Import[]): string[] {
  return imports.flatMap(({ specifier, file: target }) => {
    const allowed = target ? target.startsWith(CORE) : CORE_PACKAGES.includes(packageOf(specifier)!);
    return allowed ? [] : [`${file} imports ${target ?? specifier}`];
  });
}

function channelViolations(file: string, imports: Import[]): string[] {
  const platform = file.split('/')[2]!;
  const own = file.split('/').length > 3 ? `src/channels/${platform}/` : undefined;
  const sdks = own ? (SDKS[platform] ?? [`(no SDK listed for src/channels/${platform}/)`]) : [];
  return imports.flatMap(({ specifier, file: target }) => {
    let allowed: boolean;
    if (!target) allowed = [...CHANNEL_PACKAGES, ...sdks].includes(packageOf(specifier)!);
    else if (target.startsWith(CORE)) allowed = target === CORE_PUBLIC;
    else if (target.startsWith('src/channels/')) {
      const topLevel = target.split('/').length === 3;
      allowed = own ? target.startsWith(own) || (topLevel && target !== 'src/channels/adapters.ts') : true;
    } else allowed = SHARED.includes(target);
    return allowed ? [] : [`${file} imports ${target ?? specifier}`];
  });
}

/** Every import that breaks the rules above, as "<file> imports <what>". */
function boundaryViolations(graph: Map<string, Import[]>): string[] {
  return [...graph].flatMap(([file, imports]) => {
    const found: string[] = [];
    if (file.startsWith(CORE)) found.push(...coreViolations(file, imports));
    if (file.startsWith('src/channels/')) found.push(...channelViolations(file, imports));
    if (VERIFIERS.includes(file)) {
      const notNode = imports.filter((i) => packageOf(i.specifier) !== 'node:');
      found.push(...notNode.map((i) => `${file} (a verifier) imports ${i.file ?? i.specifier}`));
    }
    return found;
  });
}

const graph = moduleGraph();

describe('module boundaries', () => {
  it('reads static, dynamic and type-only imports and re-exports', () => {
    const files = (path: string) => graph.get(path)?.map((i) => i.file);
    // Dynamic: the registry loads each channel only when it is configured.
    expect(files('src/channels/adapters.ts')).toContain('src/channels/slack/slack-adapter.ts');
    // Type-only re-exports: the ports re-export the reply model.
    expect(files('src/core/types.ts')).toContain('src/core/answers/reply.ts');
    expect(graph.get('src/channels/slack/slack-adapter.ts')?.map((i) => i.specifier)).toContain('@slack/bolt');
    for (const path of VERIFIERS) expect(graph.has(path), path).toBe(true);
  });

  it('keeps the core free of channels, the CLI, the server and SDKs; channels reach the core only through its public module', () => {
    expect(boundaryViolations(graph)).toEqual([]);
  });

  it('finds each kind of broken rule in a graph that has them', () => {
    // The specifier is what the scanner reports; only the resolved file and the package matter to the rules.
    const ours = (file: string) => ({ specifier: `./${file}`, file });
    const pkg = (specifier: string) => ({ specifier });
    const bad = new Map<string, Import[]>([
      ['src/core/conversation.ts', [ours('src/channels/slack/post.ts'), pkg('@slack/bolt')]],
      ['src/core/answers/engine.ts', [ours('src/server.ts'), pkg('botbuilder-core')]],
      ['src/channels/teams/reply-card.ts', [ours('src/core/answers/compose.ts')]],
      ['src/channels/teams/teams-turns.ts', [pkg('@slack/bolt'), ours('src/channels/slack/post.ts')]],
      ['src/channels/slack/post.ts', [ours('src/cli/main.ts'), ours('src/channels/adapters.ts')]],
      ['src/channels/slack/verify-signature.ts', [pkg('@slack/bolt')]],
    ]);
    expect(boundaryViolations(bad)).toEqual([
      'src/core/conversation.ts imports src/channels/slack/post.ts',
      'src/core/conversation.ts imports @slack/bolt',
      'src/core/answers/engine.ts imports src/server.ts',
      'src/core/answers/engine.ts imports botbuilder-core',
      'src/channels/teams/reply-card.ts imports src/core/answers/compose.ts',
      'src/channels/teams/teams-turns.ts imports @slack/bolt',
      'src/channels/teams/teams-turns.ts imports src/channels/slack/post.ts',
      'src/channels/slack/post.ts imports src/cli/main.ts',
      'src/channels/slack/post.ts imports src/channels/adapters.ts',
      'src/channels/slack/verify-signature.ts (a verifier) imports @slack/bolt',
    ]);
  });
});

describe('import cycles', () => {
  it('has none under src/', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle of two, a longer one and a module importing itself', () => {
    const edge = (file: string) => ({ specifier: file, file });
    const g = new Map<string, Import[]>([
      ['a.ts', [edge('b.ts')]],
      ['b.ts', [edge('a.ts'), edge('c.ts')]],
      ['c.ts', [edge('d.ts')]],
      ['d.ts', [edge('e.ts')]],
      ['e.ts', [edge('c.ts'), { specifier: 'zod' }]],
      ['f.ts', [edge('f.ts')]],
      ['g.ts', [edge('a.ts')]],
    ]);
    expect(cycles(g)).toEqual([['c.ts', 'd.ts', 'e.ts'], ['a.ts', 'b.ts'], ['f.ts']]);
  });
});
