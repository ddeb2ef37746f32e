import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../..');

/** One import of a module: what it says, and the file under src/ it names (undefined for a package or a builtin). */
export interface Import {
  specifier: string;
  file?: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return tsFiles(path);
    return d.name.endsWith('.ts') ? [path] : [];
  });
}

/** Paths are relative to the checkout, with forward slashes: 'src/core/index.ts'. */
const rel = (path: string) => relative(ROOT, path).split('\\').join('/');

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(from), specifier);
  const candidates = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`, join(target, 'index.ts')];
  const found = candidates.find((c) => existsSync(c) && c.endsWith('.ts'));
  if (!found) throw new Error(`${rel(from)} imports ${specifier}, which is not a file under src/`);
  return rel(found);
}

/**
 * Every module under src/ and what it imports, read with the TypeScript compiler's own import scanner: static
 * and dynamic imports, type-only imports and re-exports all count.
 */
export function moduleGraph(dir = join(ROOT, 'src')): Map<string, Import[]> {
  const graph = new Map<string, Import[]>();
  for (const path of tsFiles(dir)) {
    const info = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    graph.set(
      rel(path),
      info.importedFiles.map((f) => ({ specifier: f.fileName, file: resolveImport(path, f.fileName) })),
    );
  }
  return graph;
}

/** The package an import names ('@slack/bolt', 'botbuilder', 'node:fs'), or undefined for a file of ours. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.')) return undefined;
  if (specifier.startsWith('node:')) return 'node:';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every import cycle, each as the list of modules around it, found by Tarjan's strongly connected components. */
export function cycles(graph: Map<string, Import[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const { file: w } of graph.get(v) ?? []) {
      if (w === undefined) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const selfImport = graph.get(v)?.some((i) => i.file === v);
    if (component.length > 1 || selfImport) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}
