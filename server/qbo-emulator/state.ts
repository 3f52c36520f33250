/**
 * The emulator's data: companies (realms) and their objects, in plain Maps. Objects are kept as the
 * JSON QuickBooks would send; deleted transactions stay (flagged) so CDC and the admin view see them.
 * Reads here are meant for reuse by other views of the same data (the admin API, a web app).
 */
import { EmulatorClock } from './clock.ts';
import { ENTITY_NAMES, type EntityName } from './entities.ts';

export type QboData = Record<string, unknown> & {
  Id: string;
  SyncToken: string;
  MetaData: { CreateTime: string; LastUpdatedTime: string };
};

export interface StoredObject {
  entity: EntityName;
  data: QboData;
  deleted: boolean;
}

export interface RealmSpec {
  realmId: string;
  companyName: string;
  closedBooksDate?: string | null;
}

export interface Realm {
  realmId: string;
  companyName: string;
  closedBooksDate: string | null;
  /** The person QuickBooks names in a stale-object conflict. */
  userName: string;
  createdAt: string;
  objects: Map<EntityName, Map<string, StoredObject>>;
  nextId: Map<EntityName, number>;
}

const FIRST_ID = 100;

/** The chart of accounts every new company starts with (ids fixed so tests can name them). */
const DEFAULT_ACCOUNTS: { Id: string; Name: string; AccountType: string; AccountSubType: string; Classification: string }[] = [
  { Id: '1', Name: 'Services', AccountType: 'Income', AccountSubType: 'ServiceFeeIncome', Classification: 'Revenue' },
  { Id: '2', Name: 'Sales of Product Income', AccountType: 'Income', AccountSubType: 'SalesOfProductIncome', Classification: 'Revenue' },
  { Id: '3', Name: 'Cost of Goods Sold', AccountType: 'Cost of Goods Sold', AccountSubType: 'SuppliesMaterialsCogs', Classification: 'Expense' },
  { Id: '4', Name: 'Accounts Receivable (A/R)', AccountType: 'Accounts Receivable', AccountSubType: 'AccountsReceivable', Classification: 'Asset' },
  { Id: '5', Name: 'Accounts Payable (A/P)', AccountType: 'Accounts Payable', AccountSubType: 'AccountsPayable', Classification: 'Liability' },
  { Id: '6', Name: 'Inventory Asset', AccountType: 'Other Current Asset', AccountSubType: 'Inventory', Classification: 'Asset' },
  { Id: '7', Name: 'Undeposited Funds', AccountType: 'Other Current Asset', AccountSubType: 'UndepositedFunds', Classification: 'Asset' },
  { Id: '8', Name: 'Job Expenses', AccountType: 'Expense', AccountSubType: 'SuppliesMaterials', Classification: 'Expense' },
  { Id: '9', Name: 'Checking', AccountType: 'Bank', AccountSubType: 'Checking', Classification: 'Asset' },
];
export const ACCOUNTS_PAYABLE_ID = '5';
export const UNDEPOSITED_FUNDS_ID = '7';

export class EmulatorState {
  readonly clock: EmulatorClock;
  private readonly realms = new Map<string, Realm>();

  constructor(clock: EmulatorClock) {
    this.clock = clock;
  }

  addRealm(spec: RealmSpec): Realm {
    if (this.realms.has(spec.realmId)) throw new Error(`realm ${spec.realmId} exists already`);
    const realm: Realm = {
      realmId: spec.realmId,
      companyName: spec.companyName,
      closedBooksDate: spec.closedBooksDate ?? null,
      userName: 'Pat Bookkeeper',
      createdAt: this.clock.iso(),
      objects: new Map(ENTITY_NAMES.map((name) => [name, new Map()])),
      nextId: new Map(ENTITY_NAMES.map((name) => [name, FIRST_ID])),
    };
    this.realms.set(spec.realmId, realm);
    for (const account of DEFAULT_ACCOUNTS) {
      this.put(realm, 'Account', { ...account, FullyQualifiedName: account.Name, Active: true, SubAccount: false, CurrentBalance: 0 }, account.Id);
    }
    return realm;
  }

  realm(realmId: string): Realm | undefined {
    return this.realms.get(realmId);
  }

  realmList(): Realm[] {
    return [...this.realms.values()];
  }

  /** Every object of a type, inactive and deleted included, in id order. */
  list(realmId: string, entity: EntityName): StoredObject[] {
    const objects = this.realms.get(realmId)?.objects.get(entity);
    return objects ? [...objects.values()].sort((a, b) => Number(a.data.Id) - Number(b.data.Id)) : [];
  }

  get(realmId: string, entity: EntityName, id: string): StoredObject | undefined {
    return this.realms.get(realmId)?.objects.get(entity)?.get(id);
  }

  /** A live (not deleted) object, or undefined. */
  live(realmId: string, entity: EntityName, id: string): StoredObject | undefined {
    const found = this.get(realmId, entity, id);
    return found && !found.deleted ? found : undefined;
  }

  /** Stores a new object with a fresh id (or the given one), SyncToken 0 and creation times. */
  put(realm: Realm, entity: EntityName, fields: Record<string, unknown>, id?: string): StoredObject {
    const objectId = id ?? this.allocateId(realm, entity);
    const now = this.clock.iso();
    const data: QboData = {
      ...fields, Id: objectId, SyncToken: '0', domain: 'QBO', sparse: false, MetaData: { CreateTime: now, LastUpdatedTime: now },
    };
    const stored: StoredObject = { entity, data, deleted: false };
    realm.objects.get(entity)!.set(objectId, stored);
    return stored;
  }

  /** Replaces an object's fields, bumping SyncToken and LastUpdatedTime. */
  replace(stored: StoredObject, fields: Record<string, unknown>): void {
    stored.data = {
      ...fields,
      Id: stored.data.Id,
      SyncToken: String(Number(stored.data.SyncToken) + 1),
      domain: 'QBO',
      sparse: false,
      MetaData: { CreateTime: stored.data.MetaData.CreateTime, LastUpdatedTime: this.clock.iso() },
    };
  }

  markDeleted(stored: StoredObject): void {
    stored.deleted = true;
    stored.data = {
      ...stored.data,
      SyncToken: String(Number(stored.data.SyncToken) + 1),
      MetaData: { ...stored.data.MetaData, LastUpdatedTime: this.clock.iso() },
    };
  }

  private allocateId(realm: Realm, entity: EntityName): string {
    const next = realm.nextId.get(entity)!;
    realm.nextId.set(entity, next + 1);
    return String(next);
  }
}

/** The fields QuickBooks shows for an object (its data, or the short form of a deleted one). */
export function publicView(stored: StoredObject): Record<string, unknown> {
  if (!stored.deleted) return stored.data;
  return { Id: stored.data.Id, status: 'Deleted', domain: 'QBO', MetaData: { LastUpdatedTime: stored.data.MetaData.LastUpdatedTime } };
}

/** The admin view keeps everything, marking deleted objects. */
export function adminView(stored: StoredObject): Record<string, unknown> {
  return stored.deleted ? { ...stored.data, status: 'Deleted' } : stored.data;
}
