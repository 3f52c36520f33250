/**
 * Which QuickBooks Online app routes the emulator's web app serves, taken from the extension's own
 * route table (lib/qbo/routes.ts) so every page and link here is one the overlay recognises: a
 * record route for each entity the emulator keeps, and each list whose rows are such entities.
 */
import { PREFERRED_RECORD_ROUTE, QBO_ROUTES, routeFor, type IdParam } from '../../../lib/qbo/routes.ts';
import { ENTITY_NAMES, entityNamed, type EntityName } from '../entities.ts';

export interface RecordPageRoute {
  kind: 'record';
  entity: EntityName;
  idParam: IdParam;
  /** A transaction form: without an id, QuickBooks opens a blank one. */
  blankIsNew: boolean;
}

export interface ListPageRoute {
  kind: 'list';
  /** The emulator's entities among the list's row types, in the route table's order. */
  entities: EntityName[];
}

/** Items have no confirmed page in QuickBooks; the guessed `item?itemId=` one is what page detection knows. */
const ROUTE_BY_ENTITY: Record<EntityName, string> = Object.fromEntries(
  ENTITY_NAMES.map((entity) => [entity, entity === 'Item' ? 'item' : PREFERRED_RECORD_ROUTE[entity]]),
) as Record<EntityName, string>;

/** What `/app/<name>` shows here, or null when the emulator has nothing for that route. */
export function pageRoute(name: string): RecordPageRoute | ListPageRoute | null {
  const route = routeFor(name);
  if (!route) return null;
  if (route.kind === 'record') {
    const entity = entityNamed(route.entityType);
    // Only the entity's own route: e.g. `check` (a Purchase) has no emulator entity behind it.
    if (!entity || ROUTE_BY_ENTITY[entity] !== name.toLowerCase()) return null;
    return { kind: 'record', entity, idParam: route.idParam, blankIsNew: route.blankIsNew };
  }
  const entities = route.entityTypes.map((type) => entityNamed(type)).filter((e): e is EntityName => e !== null);
  return entities.length ? { kind: 'list', entities } : null;
}

/** The app-relative link to an object's page: `/app/invoice?txnId=101`. */
export function recordHref(entity: EntityName, id: string): string {
  const name = ROUTE_BY_ENTITY[entity];
  const route = routeFor(name);
  const idParam = route?.kind === 'record' ? route.idParam : 'txnId';
  return `/app/${name}?${new URLSearchParams({ [idParam]: id })}`;
}

/** Every list route the emulator serves (for tests and the dashboard). */
export function servedListRoutes(): string[] {
  return Object.keys(QBO_ROUTES).filter((name) => pageRoute(name)?.kind === 'list');
}
