/**
 * What may be logged of an error from Bolt, the Web API client or a response_url post. Their error objects
 * carry the request (with the bot token in its headers and the message in its body), so they are never
 * logged whole.
 */
export function describeError(error: unknown): { name: string; code?: string; slackError?: string; status?: number; message: string } {
  if (!(error instanceof Error)) return { name: typeof error, message: String(error).slice(0, 200) };
  const e = error as Error & { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; response?: { status?: unknown } };
  return {
    name: e.name,
    code: typeof e.code === 'string' ? e.code : undefined,
    slackError: typeof e.data?.error === 'string' ? e.data.error : undefined,
    status: typeof e.statusCode === 'number' ? e.statusCode : typeof e.response?.status === 'number' ? e.response.status : undefined,
    message: e.message.slice(0, 200),
  };
}
