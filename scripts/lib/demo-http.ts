/**
 * The two HTTP doors the demo drives: the sync service's API (with its bearer token) and the QuickBooks
 * Online emulator's admin API (what a person does "in QuickBooks"). Failures name the request and
 * the status with the server's own explanation; the token never appears in them.
 */

export class DemoHttpError extends Error {
  override readonly name = 'DemoHttpError';
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface JsonClient {
  get<T = any>(path: string): Promise<T>;
  post<T = any>(path: string, body?: unknown): Promise<T>;
  put<T = any>(path: string, body: unknown): Promise<T>;
  patch<T = any>(path: string, body: unknown): Promise<T>;
  delete<T = any>(path: string): Promise<T>;
}

/** A short reason from a problem+json or QuickBooks Fault reply, or the start of the text. */
function reasonOf(text: string): string {
  try {
    const body = JSON.parse(text) as { detail?: unknown; title?: unknown; Fault?: { Error?: { Message?: string; Detail?: string }[] }; error?: unknown };
    const fault = body.Fault?.Error?.[0];
    const reason = body.detail ?? body.title ?? (fault ? `${fault.Message}: ${fault.Detail ?? ''}` : undefined) ?? body.error;
    if (typeof reason === 'string') return reason.slice(0, 400);
  } catch {
    // not JSON: fall through
  }
  return text.slice(0, 200);
}

export function jsonClient(baseUrl: string, headers: Record<string, string> = {}): JsonClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new DemoHttpError(res.status, `${method} ${path} answered ${res.status}: ${reasonOf(text)}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    put: (path, body) => call('PUT', path, body),
    patch: (path, body) => call('PATCH', path, body),
    delete: (path) => call('DELETE', path),
  };
}

/** The sync service's API v1, as the job app and the extension call it. */
export const syncApi = (serverUrl: string, token: string): JsonClient =>
  jsonClient(`${serverUrl}/api/v1`, { authorization: `Bearer ${token}` });

/** Every item of a cursor-paged list. */
export async function allPages<T>(api: JsonClient, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  const sep = path.includes('?') ? '&' : '?';
  do {
    const page: { items: T[]; nextCursor: string | null } = await api.get(`${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
