/**
 * QuickBooks' query language, as far as connectors use it:
 *   SELECT * | COUNT(*) | Field, ... FROM Entity
 *     [WHERE cond AND cond ...] [ORDERBY Field [ASC|DESC], ...] [STARTPOSITION n] [MAXRESULTS m]
 * where cond is `Field op literal` (op = < > <= >= !=), `Field LIKE '%text%'` or `Field IN (a, b)`.
 * Strings use single quotes with \' inside. There is no OR, as in QuickBooks.
 */
import { entityNamed, isListEntity, knownFields, type EntityName } from './entities.ts';
import { faults, type QboFault } from './faults.ts';
import { publicView, type EmulatorState } from './state.ts';

export const DEFAULT_MAX_RESULTS = 100;
export const MAX_MAX_RESULTS = 1000;

type Literal = string | number | boolean;
type Operator = '=' | '!=' | '<' | '>' | '<=' | '>=' | 'LIKE' | 'IN';

export interface Condition { field: string; op: Operator; values: Literal[] }

export interface ParsedQuery {
  entity: EntityName;
  select: { kind: 'all' } | { kind: 'count' } | { kind: 'fields'; fields: string[] };
  where: Condition[];
  orderBy: { field: string; descending: boolean }[];
  startPosition: number;
  maxResults: number;
}

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'number'; value: number; text: string; at: number }
  | { kind: 'symbol'; text: string; at: number };

/** A query QuickBooks would refuse: 4000 (cannot parse) or 4001 (parses, but names something unknown). */
export class QueryError extends Error {
  readonly fault: QboFault;
  constructor(fault: QboFault) {
    super(fault.error.Detail);
    this.fault = fault;
  }
}

const parseError = (detail: string) => new QueryError(faults.queryParse(detail));
const invalid = (detail: string) => new QueryError(faults.queryInvalid(detail));

function tokenize(statement: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < statement.length) {
    const ch = statement[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    const at = i + 1;
    if (ch === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= statement.length) throw parseError(`the string starting at column ${at} has no closing quote.`);
        const c = statement[i]!;
        if (c === '\\' && i + 1 < statement.length) { text += statement[i + 1]; i += 2; continue; }
        if (c === "'") { i++; break; }
        text += c;
        i++;
      }
      tokens.push({ kind: 'string', text, at });
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(statement.slice(i));
    if (number && (ch !== '-' || tokens.at(-1)?.kind === 'symbol')) {
      tokens.push({ kind: 'number', value: Number(number[0]), text: number[0], at });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(statement.slice(i));
    if (word) {
      tokens.push({ kind: 'word', text: word[0], at });
      i += word[0].length;
      continue;
    }
    const symbol = /^(<=|>=|!=|<>|[=<>(),*])/.exec(statement.slice(i));
    if (symbol) {
      tokens.push({ kind: 'symbol', text: symbol[0] === '<>' ? '!=' : symbol[0], at });
      i += symbol[0].length;
      continue;
    }
    throw parseError(`unexpected character "${ch}" at column ${at}.`);
  }
  return tokens;
}

class Parser {
  private pos = 0;
  private readonly tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  next(): Token | undefined {
    return this.tokens[this.pos++];
  }

  isKeyword(keyword: string, offset = 0): boolean {
    const t = this.tokens[this.pos + offset];
    return t?.kind === 'word' && t.text.toUpperCase() === keyword;
  }

  isSymbol(symbol: string): boolean {
    const t = this.peek();
    return t?.kind === 'symbol' && t.text === symbol;
  }

  expectKeyword(keyword: string): void {
    if (!this.isKeyword(keyword)) throw parseError(`expected ${keyword} ${this.where()}.`);
    this.pos++;
  }

  expectSymbol(symbol: string): void {
    if (!this.isSymbol(symbol)) throw parseError(`expected "${symbol}" ${this.where()}.`);
    this.pos++;
  }

  identifier(what: string): string {
    const t = this.next();
    if (t?.kind !== 'word') throw parseError(`expected ${what} ${this.where(t)}.`);
    return t.text;
  }

  whole(what: string): number {
    const t = this.next();
    if (t?.kind !== 'number' || !Number.isInteger(t.value) || t.value < 1) throw parseError(`${what} must be a whole number of at least 1 ${this.where(t)}.`);
    return t.value;
  }

  where(t: Token | undefined = this.peek()): string {
    if (!t) return 'but the query ended';
    return `but found "${t.kind === 'string' ? `'${t.text}'` : t.text}" at column ${t.at}`;
  }
}

const RESERVED = new Set(['SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'ORDERBY', 'ORDER', 'BY', 'STARTPOSITION', 'MAXRESULTS', 'IN', 'LIKE', 'ASC', 'DESC']);

export function parseQuery(statement: string): ParsedQuery {
  const p = new Parser(tokenize(statement));
  p.expectKeyword('SELECT');
  let select: ParsedQuery['select'];
  if (p.isSymbol('*')) {
    p.next();
    select = { kind: 'all' };
  } else if (p.isKeyword('COUNT')) {
    p.next();
    p.expectSymbol('(');
    p.expectSymbol('*');
    p.expectSymbol(')');
    select = { kind: 'count' };
  } else {
    const fields = [p.identifier('*, COUNT(*) or a field name')];
    while (p.isSymbol(',')) {
      p.next();
      fields.push(p.identifier('a field name'));
    }
    select = { kind: 'fields', fields };
  }
  p.expectKeyword('FROM');
  const entityWord = p.identifier('an entity name');
  const entity = entityNamed(entityWord);
  if (!entity) throw invalid(`"${entityWord}" is not an entity this company can be queried for.`);
  const fields = knownFields(entity);
  const canonical = new Map([...fields].map((f) => [f.toLowerCase(), f]));
  const fieldName = (raw: string): string => {
    const name = canonical.get(raw.toLowerCase());
    if (!name) throw invalid(`property "${raw}" is not queryable on ${entity}.`);
    return name;
  };

  const where: Condition[] = [];
  if (p.isKeyword('WHERE')) {
    p.next();
    for (;;) {
      where.push(condition(p, fieldName));
      if (p.isKeyword('OR')) throw parseError(`OR is not supported; combine conditions with AND or use IN ${p.where()}.`);
      if (!p.isKeyword('AND')) break;
      p.next();
    }
  }
  const orderBy: ParsedQuery['orderBy'] = [];
  let startPosition = 1;
  let maxResults = DEFAULT_MAX_RESULTS;
  const seen = new Set<string>();
  while (p.peek()) {
    const keyword = p.peek()!.kind === 'word' ? (p.peek() as { text: string }).text.toUpperCase() : '';
    if (keyword === 'ORDERBY' || (keyword === 'ORDER' && p.isKeyword('BY', 1))) {
      if (seen.has('ORDERBY')) throw parseError(`ORDERBY given twice ${p.where()}.`);
      seen.add('ORDERBY');
      p.next();
      if (keyword === 'ORDER') p.next();
      for (;;) {
        const field = fieldName(p.identifier('a field to order by'));
        let descending = false;
        if (p.isKeyword('DESC') || p.isKeyword('ASC')) descending = p.next()!.text.toUpperCase() === 'DESC';
        orderBy.push({ field, descending });
        if (!p.isSymbol(',')) break;
        p.next();
      }
    } else if (keyword === 'STARTPOSITION' && !seen.has(keyword)) {
      seen.add(keyword);
      p.next();
      startPosition = p.whole('STARTPOSITION');
    } else if (keyword === 'MAXRESULTS' && !seen.has(keyword)) {
      seen.add(keyword);
      p.next();
      maxResults = Math.min(p.whole('MAXRESULTS'), MAX_MAX_RESULTS);
    } else {
      throw parseError(`expected ORDERBY, STARTPOSITION, MAXRESULTS or the end of the query ${p.where()}.`);
    }
  }
  return { entity, select: select.kind === 'fields' ? { kind: 'fields', fields: select.fields.map(fieldName) } : select, where, orderBy, startPosition, maxResults };
}

function literal(p: Parser): Literal {
  const t = p.next();
  if (t?.kind === 'string') return t.text;
  if (t?.kind === 'number') return t.value;
  if (t?.kind === 'word' && /^(true|false)$/i.test(t.text)) return t.text.toLowerCase() === 'true';
  throw parseError(`expected a value ('text', a number, true or false) ${p.where(t)}.`);
}

function condition(p: Parser, fieldName: (raw: string) => string): Condition {
  const raw = p.identifier('a field name');
  if (RESERVED.has(raw.toUpperCase())) throw parseError(`expected a field name but found the keyword ${raw}.`);
  const field = fieldName(raw);
  if (p.isKeyword('IN')) {
    p.next();
    p.expectSymbol('(');
    const values = [literal(p)];
    while (p.isSymbol(',')) {
      p.next();
      values.push(literal(p));
    }
    p.expectSymbol(')');
    return { field, op: 'IN', values };
  }
  if (p.isKeyword('LIKE')) {
    p.next();
    const t = p.next();
    if (t?.kind !== 'string') throw parseError(`LIKE needs a quoted pattern ${p.where(t)}.`);
    return { field, op: 'LIKE', values: [t.text] };
  }
  const t = p.next();
  if (t?.kind !== 'symbol' || !['=', '!=', '<', '>', '<=', '>='].includes(t.text)) {
    throw parseError(`expected an operator (=, <, >, <=, >=, !=, IN, LIKE) after ${raw} ${p.where(t)}.`);
  }
  return { field, op: t.text as Operator, values: [literal(p)] };
}

/** The comparable value of a field: a reference compares by its id, an email or phone by its text. */
function fieldValue(data: Record<string, unknown>, field: string): unknown {
  let value: unknown = data;
  for (const part of field.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return o.value ?? o.Address ?? o.FreeFormNumber ?? null;
  }
  return value;
}

const isTimeField = (field: string) => field.startsWith('MetaData.');

function compare(actual: unknown, expected: Literal, field: string): number | null {
  if (actual === undefined || actual === null) return null;
  if (isTimeField(field)) {
    const a = Date.parse(String(actual));
    const e = Date.parse(String(expected));
    if (Number.isNaN(e)) throw invalid(`"${String(expected)}" is not a date-time for ${field}.`);
    return a - e;
  }
  if (typeof actual === 'boolean' || typeof expected === 'boolean') {
    const e = typeof expected === 'boolean' ? expected : String(expected).toLowerCase() === 'true';
    return actual === e ? 0 : 1;
  }
  const a = String(actual);
  const e = String(expected);
  // Ids (and references, which hold ids) and amounts compare as numbers; other text as text ('007' is not '7').
  const numeric = typeof actual === 'number' || field === 'Id' || field.endsWith('Ref');
  if (numeric && /^-?\d+(\.\d+)?$/.test(a) && /^-?\d+(\.\d+)?$/.test(e)) return Number(a) - Number(e);
  // QuickBooks compares text without regard to case.
  return a.toLowerCase().localeCompare(e.toLowerCase());
}

function likePattern(pattern: string): RegExp {
  const escaped = pattern.split('%').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${escaped}$`, 'is');
}

function matches(data: Record<string, unknown>, c: Condition): boolean {
  const actual = fieldValue(data, c.field);
  switch (c.op) {
    case 'IN': return c.values.some((value) => compare(actual, value, c.field) === 0);
    case 'LIKE': return actual !== undefined && actual !== null && likePattern(String(c.values[0])).test(String(actual));
    default: {
      const result = compare(actual, c.values[0]!, c.field);
      if (result === null) return c.op === '!=';
      switch (c.op) {
        case '=': return result === 0;
        case '!=': return result !== 0;
        case '<': return result < 0;
        case '>': return result > 0;
        case '<=': return result <= 0;
        case '>=': return result >= 0;
      }
    }
  }
}

function sortValue(a: unknown, b: unknown, field: string): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  return compare(a, b as Literal, field) ?? 0;
}

export type QueryResponse = Record<string, unknown>;

/** Runs a parsed query against one company: deleted objects never match; inactive list records only when asked. */
export function runQuery(state: EmulatorState, realmId: string, q: ParsedQuery): QueryResponse {
  const where = [...q.where];
  if (isListEntity(q.entity) && !where.some((c) => c.field === 'Active')) where.push({ field: 'Active', op: '=', values: [true] });
  const found = state.list(realmId, q.entity)
    .filter((o) => !o.deleted && where.every((c) => matches(o.data, c)))
    .map((o) => publicView(o));
  if (q.select.kind === 'count') return { totalCount: found.length };
  const order = q.orderBy.length ? q.orderBy : [{ field: 'Id', descending: false }];
  found.sort((a, b) => {
    for (const { field, descending } of order) {
      const result = sortValue(fieldValue(a, field), fieldValue(b, field), field);
      if (result !== 0) return descending ? -result : result;
    }
    return 0;
  });
  const page = found.slice(q.startPosition - 1, q.startPosition - 1 + q.maxResults);
  if (page.length === 0) return {};
  const select = q.select;
  const rows = select.kind === 'fields'
    ? page.map((o) => Object.fromEntries(select.fields.filter((f) => !f.includes('.')).map((f) => [f, o[f]]).filter(([, v]) => v !== undefined)))
    : page;
  return { [q.entity]: rows, startPosition: q.startPosition, maxResults: rows.length };
}
