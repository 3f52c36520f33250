/** Every item of a paged Sync API list (`?limit=500&cursor=…`), whatever client fetches the pages. */
export interface Page<T> { items: T[]; nextCursor: string | null }

export async function allPages<T>(path: string, getPage: (pathWithCursor: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await getPage(`${path}${path.includes('?') ? '&' : '?'}limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
