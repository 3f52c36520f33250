/**
 * What an API token may do. Each route family of the Sync API needs one scope; a token carries a
 * set of them. The server's own token (--token) carries all of them.
 */
export const SCOPES = ['read', 'approve', 'ingest', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  read: 'every GET under /api/v1 (what the extension shows)',
  approve: 'approve wizard items, resync, bulk resync, clear a QuickBooks id, run a connector',
  ingest: 'send the job app\'s records (PUT, DELETE and batch under /companies/{id}/records)',
  admin: 'connect QuickBooks and change company settings',
};

export const isScope = (s: string): s is Scope => (SCOPES as readonly string[]).includes(s);

/** Scopes in their canonical order, without repeats. */
export function normalizeScopes(scopes: Iterable<Scope>): Scope[] {
  const set = new Set(scopes);
  return SCOPES.filter((s) => set.has(s));
}

/**
 * Parses a comma-separated list such as "read,approve" (spaces allowed). Throws an Error naming the
 * unknown scope and the known ones; an empty list is refused too (a token that can do nothing is a mistake).
 */
export function parseScopeList(text: string): Scope[] {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new Error(`name at least one scope (${SCOPES.join(', ')})`);
  const unknown = names.filter((s) => !isScope(s));
  if (unknown.length) {
    throw new Error(`unknown scope${unknown.length > 1 ? 's' : ''} ${unknown.map((s) => `"${s.slice(0, 40)}"`).join(', ')}; the scopes are ${SCOPES.join(', ')}`);
  }
  return normalizeScopes(names as Scope[]);
}
