import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';

/** Errors that explain a setting or a file the user can fix; they are shown without a stack trace. */
const USER_ERRORS = new Set(['ConfigError', 'KnowledgeError', 'StoreConfigError', 'MigrationError']);

interface SystemError {
  code?: string;
  syscall?: string;
  address?: string;
  port?: number;
  hostname?: string;
}

/**
 * One line naming what to fix, for an error that stops a command, or undefined when the error is a fault in
 * compact-bot itself (its stack trace is what a bug report needs).
 */
export function describeStartupError(error: unknown, env: NodeJS.ProcessEnv, knowledgeDir: string): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if (USER_ERRORS.has(error.name)) return oneLine(error.message);
  const sys = error as SystemError;
  if (sys.syscall === 'listen' || sys.syscall === 'getaddrinfo') return describeListen(sys, env);
  if (error instanceof ReferenceError && /alias/i.test(error.message)) return describeAliasBomb(knowledgeDir);
  return undefined;
}

/** "Invalid configuration:\n- A: x\n- B: y" becomes "Invalid configuration: A: x; B: y". */
function oneLine(message: string): string {
  return message.replace(/:\n- /, ': ').replace(/\n- /g, '; ').replace(/\n/g, ' ');
}

function describeListen(sys: SystemError, env: NodeJS.ProcessEnv): string {
  const host = env.HOST || '0.0.0.0';
  const port = sys.port ?? env.PORT ?? 3000;
  switch (sys.code) {
    case 'EADDRINUSE':
      return `PORT ${port} is already in use on ${host}: stop the other process or set PORT to a free port`;
    case 'EACCES':
      return `PORT ${port} needs privileges this user does not have: set PORT to 1024 or above`;
    case 'EADDRNOTAVAIL':
      return `HOST ${host} is not an address of this machine: set HOST to one of its addresses, 127.0.0.1 or 0.0.0.0`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST ${host} is not a host name this machine can resolve: set HOST to an IP address such as 127.0.0.1 or 0.0.0.0`;
    default:
      return `cannot listen on HOST ${host} PORT ${port} (${sys.code ?? 'unknown error'}): check HOST and PORT`;
  }
}

// The yaml library refuses documents that expand aliases too often (a "billion laughs" file) without naming the file.
function describeAliasBomb(knowledgeDir: string): string {
  const file = yamlFiles(knowledgeDir).find((f) => {
    try {
      parseDocument(readFileSync(f, 'utf8')).toJS();
      return false;
    } catch {
      return true;
    }
  });
  const where = file ? shortPath(file) : `a YAML file under KNOWLEDGE_DIR (${knowledgeDir})`;
  return `${where}: refused because its aliases expand too far (a resource exhaustion attack?); remove the aliases (& and *) from it`;
}

function shortPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

function yamlFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}
