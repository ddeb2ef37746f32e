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
export function describeStartupError(error: unknown, env: NodeJS.ProcessEnv): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if (USER_ERRORS.has(error.name)) return oneLine(error.message);
  const sys = error as SystemError;
  if (sys.syscall === 'listen' || sys.syscall === 'getaddrinfo') return describeListen(sys, env);
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
