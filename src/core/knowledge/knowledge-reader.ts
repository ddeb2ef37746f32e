import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';

function formatPath(path: PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '') || '(top level)'
  );
}

export class KnowledgeReader {
  readonly problems: string[] = [];
  constructor(private readonly root: string) {}

  name(file: string): string {
    return relative(join(this.root, '..'), file);
  }

  readYaml<T extends z.ZodType>(file: string, schema: T): z.infer<T> | undefined {
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch (error) {
      this.problems.push(`${this.name(file)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return undefined;
    }
    const doc = parseDocument(raw, { prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) this.problems.push(`${this.name(file)}: not valid YAML: ${e.message.split('\n')[0]}`);
      return undefined;
    }
    let value: unknown;
    try {
      // Resolving aliases can still fail after a clean parse, e.g. "Excessive alias count" for an alias bomb.
      value = doc.toJS();
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      const why = /alias/i.test(message ?? '')
        ? 'refused because its aliases expand too far; remove the aliases (& and *) from it'
        : 'not valid YAML';
      this.problems.push(`${this.name(file)}: ${why} (${message})`);
      return undefined;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        this.problems.push(`${this.name(file)}: ${formatPath(issue.path)}: ${issue.message}`);
      }
      return undefined;
    }
    return parsed.data;
  }

  readOptionalYaml<T extends z.ZodType>(file: string, schema: T): z.infer<T> | undefined {
    return existsSync(file) ? this.readYaml(file, schema) : undefined;
  }

  /** A JSON file if it is there; its shape is checked by whoever uses it. */
  readJson(file: string): unknown {
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch (error) {
      this.problems.push(`${this.name(file)}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
