/**
 * A fault-injecting HTTP proxy for tests (issue 8, section 8). It sits in front of the real
 * reference server on a random port, forwards every request unchanged by default, and can be
 * reprogrammed while a test runs to make the network lie: refuse connections, hang, cut a reply
 * off mid-body, answer 500/503/429 (with Retry-After), a captive portal's HTML, a wrong JSON
 * shape, a mid-session 401, or drop the reply after the server applied the request.
 *
 *   const APPROVE = '/api/v1/companies/acme-qbo/wizard/approve';
 *   const proxy = await startFaultProxy({ upstream: server.url });
 *   proxy.add({ method: 'POST', path: APPROVE, times: 1, fault: 'drop-after-apply' });
 *   … the client approves through proxy.url, the server applies it, the client never hears back …
 *   proxy.applied('POST', APPROVE);   // [the dropped request]: forwarded, upstreamStatus 200, outcome 'dropped'
 *   await proxy.close();
 *
 * tests/README.md has the whole picture; tests/server/fault-proxy.test.ts shows every fault.
 *
 * node:http only. Every request body is read in full before a fault is chosen (the log keeps it);
 * replies that pass unchanged are streamed. Each forwarded request opens its own connection to the
 * server, so a reused upstream socket can never fail a request by itself.
 *
 * Keep-alive and browsers: Chromium (and Firefox) silently resend a request, POST included, when a
 * *reused* keep-alive connection breaks before any response header arrives. A fault that ends a
 * connection without a reply (`refuse`, `drop-after-apply`) would then hit only the first attempt,
 * and the resend would pass. So while such a rule is active the proxy answers every request with
 * `Connection: close` and, when the rule is added, closes idle client connections (busy ones close
 * after their current reply): each request then arrives on a fresh connection, which browsers never
 * resend on. `ProxyRequest.reusedConnection` shows which connection a request came on.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ProblemCode } from '../../lib/api/schema.ts';
import { problemBody } from '../../server/http/problem.ts';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export type FaultKind = 'pass' | 'refuse' | 'delay' | 'truncate' | 'status' | 'html' | 'shape' | 'unauthorized' | 'drop-after-apply';

/**
 * Which requests a rule applies to. A string path is a glob over the path without the query
 * (`*` = any characters but `/`, `**` = anything); a RegExp is tested against path + query; a
 * function gets both. Method and path default to "any".
 */
export type PathPattern = string | RegExp | ((path: string, url: string) => boolean);

export interface RequestInfo {
  method: string;
  /** Path and query as the client sent them (`/api/v1/companies/x/wizard?direction=export`). */
  url: string;
  /** Path without the query. */
  path: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  idempotencyKey: string | null;
  /** The request body as text ('' for none). */
  body: string;
}

export interface Match {
  method?: string | string[];
  path?: PathPattern;
  /** Any further condition (on the body, a header…). */
  when?: (request: RequestInfo) => boolean;
  /** Apply to the next N matching requests only, then the rule is removed. Default: until removed. */
  times?: number;
  /** A name for the log (default `#<id>`). */
  label?: string;
}

/** The server's reply, as `shape` sees it. */
export interface UpstreamReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The server answered `Idempotent-Replayed: true` (a stored reply, nothing applied again). */
  replayed: boolean;
}

export type Fault =
  /** Forward unchanged (the default when no rule matches). */
  | { fault: 'pass' }
  /**
   * Read the request, then end the connection without a reply: `reset` (default) sends a TCP RST,
   * `close` a plain FIN (the client sees an empty reply). Not forwarded. To refuse connections
   * outright, use `proxy.down()`.
   */
  | { fault: 'refuse'; how?: 'reset' | 'close' }
  /**
   * Hold the request `ms` milliseconds (no `ms`: until the rule is removed, `clear()`/`set()`/
   * `release()` is called; `close()` drops it) and then apply `then` (default: forward). With
   * `phase: 'reply'` the request is forwarded at once and the server's reply is held instead.
   * A client that gives up while its request is held never reaches the server (phase `request`).
   */
  | { fault: 'delay'; ms?: number; phase?: 'request' | 'reply'; then?: Fault }
  /**
   * Forward, then send the server's status and headers (with the full Content-Length) and only
   * `bytes` bytes of the body (default half), then close the connection: a reply cut off mid-body.
   */
  | { fault: 'truncate'; bytes?: number }
  /**
   * Answer without forwarding: `status` with a problem+json body (code internal / unavailable /
   * rate-limited … from the status) unless `body` is given (a string is sent as is, anything else
   * as JSON). `retryAfter` becomes the Retry-After header, verbatim.
   */
  | { fault: 'status'; status: number; retryAfter?: number | string; body?: unknown; contentType?: string; headers?: Record<string, string> }
  /** Answer without forwarding: an HTML page (a captive portal), status 200 unless given. */
  | { fault: 'html'; status?: number; body?: string; headers?: Record<string, string> }
  /**
   * Forward (the server applies the request), then replace the JSON body: `map(parsed, reply)` is
   * sent as JSON, or `body` verbatim (e.g. text that is not JSON). Content-Length is fixed; status
   * and the other headers stay the server's. An empty or non-JSON server body passes unchanged
   * when only `map` is given.
   */
  | { fault: 'shape'; map?: (body: unknown, reply: UpstreamReply) => unknown; body?: string; contentType?: string }
  /** Answer without forwarding: 401 problem+json (`unauthorized`), as the server does for a refused token. */
  | { fault: 'unauthorized'; detail?: string }
  /**
   * Forward, wait for the server's full reply (so the request is applied), then end the client's
   * connection without sending a byte: `close` (default, FIN) or `reset` (RST).
   */
  | { fault: 'drop-after-apply'; how?: 'reset' | 'close' };

export type Rule = Match & Fault;

export type Outcome =
  | 'pending'
  /** A complete reply was sent (the server's, a rewritten one or an invented one). */
  | 'replied'
  /** `refuse`: the connection was reset / closed without a reply. */
  | 'reset'
  | 'closed'
  /** `truncate`: status and headers sent, the body cut off. */
  | 'truncated'
  /** `drop-after-apply`: the server answered, the client got nothing. */
  | 'dropped'
  /** The client went away (aborted, timed out) before its reply was complete. */
  | 'client-gone'
  /** The server could not be reached or broke off; the client's connection was reset. */
  | 'upstream-error'
  /** `down()` or `close()` ended the request. */
  | 'proxy-closed';

export interface ProxyRequest extends RequestInfo {
  /** 1, 2, 3… in arrival order. */
  seq: number;
  startedAt: number;
  endedAt: number | null;
  /** False when this was the first request on its TCP connection. */
  reusedConnection: boolean;
  /** The kind of the rule that matched ('pass' when none did). */
  fault: FaultKind;
  /** Every fault applied, in order (`['delay', 'status']` for a delay followed by a 503). */
  faults: FaultKind[];
  /** The matching rule's label, or null. */
  rule: string | null;
  /** The request was sent on to the server. */
  forwarded: boolean;
  /** The server's status, when it answered. */
  upstreamStatus: number | null;
  /** The server answered with `Idempotent-Replayed: true`. */
  replayed: boolean;
  /** The status the client was sent, if any was. */
  status: number | null;
  outcome: Outcome;
  error?: string;
}

export interface RuleHandle {
  readonly id: number;
  readonly label: string;
  /** Requests this rule has been applied to. */
  readonly hits: number;
  /** Hits left before it expires (null: no limit). */
  readonly remaining: number | null;
  /** Still in the rule list. */
  readonly active: boolean;
  /** Remove the rule and release any request it holds (they go on to their `then`). */
  remove(): void;
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: give it to the client instead of the server's address. */
  readonly url: string;
  readonly port: number;
  readonly upstream: string;
  /** Replace every rule with this one (releasing held requests). */
  set(rule: Rule): RuleHandle;
  /** Add a rule on top of the others: the newest matching rule wins. */
  add(rule: Rule): RuleHandle;
  /** Remove every rule and release held requests: everything passes again. */
  clear(): void;
  /** Release every request held by a `delay` without `ms`, keeping the rules. */
  release(): void;
  /** Every request so far, oldest first (a copy; each entry is live until it settles). */
  readonly requests: readonly ProxyRequest[];
  /** Requests matching a method and path pattern (the same matching as rules). */
  matching(method?: string | string[], path?: PathPattern): ProxyRequest[];
  /**
   * Of those, the ones the server applied as far as the proxy can tell: forwarded and answered 2xx
   * without `Idempotent-Replayed` (whatever the client then received). Check the server too.
   */
  applied(method?: string | string[], path?: PathPattern): ProxyRequest[];
  clearLog(): void;
  /**
   * The first request (already logged or still to come) for which `predicate` holds, once it has
   * settled (`outcome !== 'pending'`). With `pending: true` the predicate is also tried while the
   * request is under way: when it is logged, forwarded, and when the server answers.
   */
  waitFor(predicate: (r: ProxyRequest) => boolean, opts?: { timeoutMs?: number; pending?: boolean }): Promise<ProxyRequest>;
  /** Stop listening and cut every connection: new connections are refused (ECONNREFUSED). */
  down(): Promise<void>;
  /** Listen again on the same port. */
  up(): Promise<void>;
  /** Ends everything; requests under way get a short grace, then their sockets are destroyed. Never hangs. */
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  /** The server's base URL (`RunningServer.url`), http only. */
  upstream: string;
  /** 0 (default) = a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** How long `close()` lets requests under way finish before destroying sockets. Default 500 ms. */
  closeGraceMs?: number;
}

// ---------------------------------------------------------------------------------------------
// Defaults and small helpers
// ---------------------------------------------------------------------------------------------

export const CAPTIVE_PORTAL_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to Wi-Fi</title></head>
<body><h1>Welcome to Guest Wi-Fi</h1><p>Please accept the terms of use to continue.</p>
<form method="post" action="/login"><button>Accept and connect</button></form></body></html>
`;

const CODE_BY_STATUS: Record<number, ProblemCode> = {
  400: 'bad-request',
  401: 'unauthorized',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  422: 'validation-failed',
  429: 'rate-limited',
  503: 'unavailable',
};

const DETAIL_BY_CODE: Partial<Record<ProblemCode, string>> = {
  unauthorized: 'Send the server token as "Authorization: Bearer <token>".',
  'rate-limited': 'Too many requests; try again later.',
  unavailable: 'The service is unavailable; try again shortly.',
  internal: 'Something went wrong on the server.',
};

/** Hop-by-hop headers (RFC 9110 7.6.1) are never forwarded; lengths are recomputed. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);
/** Not forwarded either: the proxy has read the body already (it answered any 100-continue itself). */
const NOT_FORWARDED = new Set([...HOP_BY_HOP, 'expect']);

const NO_REPLY: ReadonlySet<FaultKind> = new Set(['refuse', 'drop-after-apply']);

function endsWithoutReply(f: Fault): boolean {
  if (NO_REPLY.has(f.fault)) return true;
  return f.fault === 'delay' && f.then !== undefined && endsWithoutReply(f.then);
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        source += '.*';
        i++;
      } else source += '[^/]*';
    } else source += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function pathMatcher(pattern: PathPattern | undefined): (path: string, url: string) => boolean {
  if (pattern === undefined) return () => true;
  if (typeof pattern === 'function') return pattern;
  if (pattern instanceof RegExp) return (_path, url) => { pattern.lastIndex = 0; return pattern.test(url); };
  const re = globToRegExp(pattern);
  return (path) => re.test(path);
}

function methodMatcher(method: string | string[] | undefined): (m: string) => boolean {
  if (method === undefined) return () => true;
  const set = new Set((Array.isArray(method) ? method : [method]).map((m) => m.toUpperCase()));
  return (m) => set.has(m.toUpperCase());
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function withoutHopByHop(headers: IncomingHttpHeaders, drop: ReadonlySet<string> = HOP_BY_HOP): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !drop.has(name)) out[name] = value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The proxy
// ---------------------------------------------------------------------------------------------

interface ActiveRule {
  id: number;
  label: string;
  rule: Rule;
  method: (m: string) => boolean;
  path: (path: string, url: string) => boolean;
  hits: number;
  active: boolean;
}

interface SocketState {
  served: number;
  inFlight: number;
  /** Close after the current reply (a no-reply rule was added while it was busy). */
  retire: boolean;
}

interface Held {
  ruleId: number;
  ex: Exchange;
  timer: NodeJS.Timeout | null;
  /** true: go on; false: stop (the caller has ended or will end the exchange). */
  settle(released: boolean): void;
}

interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  socket: Socket;
  body: Buffer;
  record: ProxyRequest;
  ruleId: number | null;
}

interface Waiter {
  predicate: (r: ProxyRequest) => boolean;
  pending: boolean;
  resolve(r: ProxyRequest): void;
  reject(err: Error): void;
}

export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(opts.upstream);
  if (upstream.protocol !== 'http:') throw new Error(`fault proxy: upstream must be http, got ${opts.upstream}`);
  const upstreamHost = upstream.hostname.replace(/^\[|\]$/g, '');
  const upstreamPort = Number(upstream.port || 80);
  const host = opts.host ?? '127.0.0.1';
  const closeGraceMs = opts.closeGraceMs ?? 500;

  let rules: ActiveRule[] = [];
  let nextRuleId = 1;
  let log: ProxyRequest[] = [];
  let seq = 0;
  let closing = false;
  let listening = false;
  const sockets = new Map<Socket, SocketState>();
  const held = new Set<Held>();
  const upstreamRequests = new Set<http.ClientRequest>();
  let waiters: Waiter[] = [];

  // ---- log ---------------------------------------------------------------------------------

  const notify = (record: ProxyRequest) => {
    if (waiters.length === 0) return;
    const settled = record.outcome !== 'pending';
    waiters = waiters.filter((w) => {
      if (!settled && !w.pending) return true;
      try {
        if (!w.predicate(record)) return true;
        w.resolve(record);
      } catch (err) {
        w.reject(err as Error);
      }
      return false;
    });
  };

  const settle = (ex: Exchange, outcome: Exclude<Outcome, 'pending'>, status: number | null = null, error?: string) => {
    const r = ex.record;
    if (r.outcome !== 'pending') return;
    r.outcome = outcome;
    r.status = status;
    r.endedAt = Date.now();
    if (error) r.error = error;
    notify(r);
  };

  // ---- connections -------------------------------------------------------------------------

  const noReplyRuleActive = () => rules.some((r) => endsWithoutReply(r.rule));
  const mustClose = (socket: Socket) => noReplyRuleActive() || (sockets.get(socket)?.retire ?? false);

  /** A no-reply rule was added: no request may arrive on a connection the client reuses from now on. */
  const retireConnections = () => {
    for (const [socket, state] of sockets) {
      if (state.inFlight > 0) state.retire = true;
      else socket.destroy();
    }
  };

  const clientGone = (ex: Exchange) => ex.res.destroyed || ex.socket.destroyed;

  // ---- rules -------------------------------------------------------------------------------

  const releaseHeld = (ruleId?: number) => {
    for (const h of [...held]) if (ruleId === undefined || h.ruleId === ruleId) h.settle(true);
  };

  const removeRule = (active: ActiveRule, release: boolean) => {
    if (active.active) {
      active.active = false;
      rules = rules.filter((r) => r !== active);
    }
    if (release) releaseHeld(active.id);
  };

  const add = (rule: Rule): RuleHandle => {
    if (closing) throw new Error('fault proxy: closed');
    if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) {
      throw new Error(`fault proxy: times must be a positive integer, got ${rule.times}`);
    }
    const id = nextRuleId++;
    const active: ActiveRule = {
      id,
      label: rule.label ?? `#${id}`,
      rule,
      method: methodMatcher(rule.method),
      path: pathMatcher(rule.path),
      hits: 0,
      active: true,
    };
    rules.push(active);
    if (endsWithoutReply(rule)) retireConnections();
    return {
      id,
      label: active.label,
      get hits() { return active.hits; },
      get remaining() { return rule.times === undefined ? null : Math.max(0, rule.times - active.hits); },
      get active() { return active.active; },
      remove: () => removeRule(active, true),
    };
  };

  const clear = () => {
    for (const r of [...rules]) removeRule(r, false);
    releaseHeld();
  };

  /** The newest matching rule, with one hit counted (and removed once its `times` are used up). */
  const pick = (info: RequestInfo): ActiveRule | null => {
    for (let i = rules.length - 1; i >= 0; i--) {
      const r = rules[i]!;
      if (!r.method(info.method) || !r.path(info.path, info.url)) continue;
      if (r.rule.when && !r.rule.when(info)) continue;
      r.hits++;
      // Expired, but a request it holds stays held until its own time or an explicit release.
      if (r.rule.times !== undefined && r.hits >= r.rule.times) removeRule(r, false);
      return r;
    }
    return null;
  };

  // ---- forwarding --------------------------------------------------------------------------

  /** Sends the request on to the server; resolves with its reply (headers only), or null after failing the exchange. */
  const forward = (ex: Exchange): Promise<IncomingMessage | null> =>
    new Promise((resolve) => {
      const headers = withoutHopByHop(ex.req.headers, NOT_FORWARDED);
      headers.host = upstream.host;
      delete headers['content-length'];
      if (ex.body.length > 0 || ex.req.headers['content-length'] !== undefined) headers['content-length'] = String(ex.body.length);
      const up = http.request({
        host: upstreamHost,
        port: upstreamPort,
        method: ex.req.method,
        path: ex.req.url,
        headers,
        // One connection per request (closed after the reply): no stale upstream keep-alive socket.
        agent: false,
      });
      upstreamRequests.add(up);
      up.once('close', () => upstreamRequests.delete(up));
      up.once('response', (upRes) => {
        ex.record.upstreamStatus = upRes.statusCode ?? null;
        ex.record.replayed = upRes.headers['idempotent-replayed'] === 'true';
        notify(ex.record);
        resolve(upRes);
      });
      up.once('error', (err) => {
        failUpstream(ex, err);
        resolve(null);
      });
      ex.record.forwarded = true;
      notify(ex.record);
      up.end(ex.body);
    });

  const failUpstream = (ex: Exchange, err: Error) => {
    settle(ex, closing ? 'proxy-closed' : 'upstream-error', null, err.message);
    ex.socket.destroy();
  };

  /** Forwards and reads the server's whole reply. */
  const forwardBuffered = async (ex: Exchange): Promise<UpstreamReply | null> => {
    const upRes = await forward(ex);
    if (!upRes) return null;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of upRes) chunks.push(chunk as Buffer);
      return { status: upRes.statusCode ?? 502, headers: upRes.headers, body: Buffer.concat(chunks), replayed: ex.record.replayed };
    } catch (err) {
      failUpstream(ex, err as Error);
      return null;
    }
  };

  // ---- replying ----------------------------------------------------------------------------

  const finalHeaders = (ex: Exchange, headers: OutgoingHttpHeaders): OutgoingHttpHeaders => {
    if (mustClose(ex.socket)) headers.connection = 'close';
    return headers;
  };

  /** A complete reply with a known body. */
  const send = (ex: Exchange, status: number, headers: OutgoingHttpHeaders, body: Buffer) => {
    if (clientGone(ex)) return settle(ex, 'client-gone');
    const out = { ...headers };
    delete out['transfer-encoding'];
    out['content-length'] = String(body.length);
    ex.res.once('finish', () => settle(ex, 'replied', status));
    ex.res.writeHead(status, finalHeaders(ex, out));
    ex.res.end(ex.req.method === 'HEAD' ? undefined : body);
  };

  const sendUpstreamBuffered = (ex: Exchange, reply: UpstreamReply, body = reply.body, override: OutgoingHttpHeaders = {}) =>
    send(ex, reply.status, { ...withoutHopByHop(reply.headers), ...override }, body);

  /** The server's reply, streamed through unchanged. */
  const pipeUpstream = (ex: Exchange, upRes: IncomingMessage) => {
    if (clientGone(ex)) {
      upRes.resume();
      return settle(ex, 'client-gone');
    }
    const status = upRes.statusCode ?? 502;
    ex.res.once('finish', () => settle(ex, 'replied', status));
    ex.res.writeHead(status, upRes.statusMessage, finalHeaders(ex, withoutHopByHop(upRes.headers)));
    upRes.once('error', (err) => failUpstream(ex, err));
    upRes.once('aborted', () => failUpstream(ex, new Error('the server broke off its reply')));
    upRes.pipe(ex.res);
  };

  const endConnection = (ex: Exchange, how: 'reset' | 'close') => {
    if (how === 'reset') ex.socket.resetAndDestroy();
    else ex.socket.destroy();
  };

  /** Holds the exchange; true when it should go on, false when the client or the proxy ended it. */
  const hold = (ex: Exchange, ms: number | undefined): Promise<boolean> =>
    new Promise((resolve) => {
      if (closing || clientGone(ex)) {
        settle(ex, closing ? 'proxy-closed' : 'client-gone');
        ex.socket.destroy();
        return resolve(false);
      }
      const h: Held = {
        ruleId: ex.ruleId ?? 0,
        ex,
        timer: null,
        settle(released) {
          if (!held.delete(h)) return;
          if (h.timer) clearTimeout(h.timer);
          ex.res.off('close', onClose);
          resolve(released);
        },
      };
      const onClose = () => {
        settle(ex, closing ? 'proxy-closed' : 'client-gone');
        h.settle(false);
      };
      held.add(h);
      ex.res.once('close', onClose);
      if (ms !== undefined) h.timer = setTimeout(() => h.settle(true), ms);
    });

  const apply = async (ex: Exchange, f: Fault): Promise<void> => {
    ex.record.faults.push(f.fault);
    switch (f.fault) {
      case 'pass': {
        const upRes = await forward(ex);
        if (upRes) pipeUpstream(ex, upRes);
        return;
      }
      case 'refuse': {
        const how = f.how ?? 'reset';
        settle(ex, how === 'reset' ? 'reset' : 'closed');
        endConnection(ex, how);
        return;
      }
      case 'delay': {
        if ((f.phase ?? 'request') === 'request') {
          if (await hold(ex, f.ms)) await apply(ex, f.then ?? { fault: 'pass' });
          return;
        }
        const reply = await forwardBuffered(ex);
        if (reply && (await hold(ex, f.ms))) sendUpstreamBuffered(ex, reply);
        return;
      }
      case 'truncate': {
        const reply = await forwardBuffered(ex);
        if (!reply) return;
        if (clientGone(ex)) return settle(ex, 'client-gone');
        const full = reply.body.length;
        const cut = Math.max(0, Math.min(f.bytes ?? Math.floor(full / 2), full - 1));
        const headers = withoutHopByHop(reply.headers);
        headers['content-length'] = String(full);
        headers.connection = 'close';
        settle(ex, 'truncated', reply.status);
        ex.res.writeHead(reply.status, headers);
        if (cut > 0) ex.res.write(reply.body.subarray(0, cut));
        else ex.res.flushHeaders();
        // end() flushes what was written, then FIN: the client reads a body shorter than announced.
        ex.socket.end();
        setTimeout(() => ex.socket.destroy(), 1_000).unref();
        return;
      }
      case 'status': {
        const code = CODE_BY_STATUS[f.status] ?? 'internal';
        let body: Buffer;
        let contentType = f.contentType;
        if (f.body === undefined) {
          body = Buffer.from(JSON.stringify(problemBody(f.status, code, DETAIL_BY_CODE[code] ?? 'The request failed.')));
          contentType ??= 'application/problem+json';
        } else if (typeof f.body === 'string') {
          body = Buffer.from(f.body);
          contentType ??= 'text/plain; charset=utf-8';
        } else {
          body = Buffer.from(JSON.stringify(f.body));
          contentType ??= 'application/json';
        }
        const headers: OutgoingHttpHeaders = { 'content-type': contentType, ...(f.headers ?? {}) };
        if (f.retryAfter !== undefined) headers['retry-after'] = String(f.retryAfter);
        return send(ex, f.status, headers, body);
      }
      case 'html':
        return send(ex, f.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...(f.headers ?? {}) }, Buffer.from(f.body ?? CAPTIVE_PORTAL_HTML));
      case 'shape': {
        const reply = await forwardBuffered(ex);
        if (!reply) return;
        const override: OutgoingHttpHeaders = f.contentType ? { 'content-type': f.contentType } : {};
        if (f.body !== undefined) return sendUpstreamBuffered(ex, reply, Buffer.from(f.body), override);
        let parsed: unknown;
        try {
          parsed = JSON.parse(reply.body.toString('utf8'));
        } catch {
          ex.record.error = 'shape: the server body is not JSON; sent unchanged';
          return sendUpstreamBuffered(ex, reply);
        }
        const mapped = f.map ? f.map(parsed, reply) : parsed;
        return sendUpstreamBuffered(ex, reply, Buffer.from(JSON.stringify(mapped) ?? ''), override);
      }
      case 'unauthorized': {
        const body = problemBody(401, 'unauthorized', f.detail ?? DETAIL_BY_CODE.unauthorized!);
        return send(ex, 401, { 'content-type': 'application/problem+json', 'www-authenticate': 'Bearer realm="synclens"' }, Buffer.from(JSON.stringify(body)));
      }
      case 'drop-after-apply': {
        const reply = await forwardBuffered(ex);
        if (!reply) return;
        settle(ex, 'dropped');
        endConnection(ex, f.how ?? 'close');
        return;
      }
    }
  };

  // ---- the server --------------------------------------------------------------------------

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    const state = sockets.get(socket) ?? { served: 0, inFlight: 0, retire: false };
    const reusedConnection = state.served > 0;
    state.served++;
    state.inFlight++;
    let ex: Exchange | null = null;
    res.once('close', () => {
      state.inFlight--;
      if (state.retire && state.inFlight === 0) socket.end();
      // Closed before the reply was complete and before any fault settled it: the client left.
      if (ex) settle(ex, closing || !listening ? 'proxy-closed' : 'client-gone');
    });

    const chunks: Buffer[] = [];
    let readError: Error | null = null;
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch (err) {
      readError = err as Error;
    }
    const body = Buffer.concat(chunks);
    const url = req.url ?? '/';
    const headers = flatHeaders(req.headers);
    const info: RequestInfo = {
      method: req.method ?? 'GET',
      url,
      path: url.split('?')[0]!,
      headers,
      idempotencyKey: headers['idempotency-key'] ?? null,
      body: body.toString('utf8'),
    };
    const record: ProxyRequest = {
      ...info,
      seq: ++seq,
      startedAt: Date.now(),
      endedAt: null,
      reusedConnection,
      fault: 'pass',
      faults: [],
      rule: null,
      forwarded: false,
      upstreamStatus: null,
      replayed: false,
      status: null,
      outcome: 'pending',
    };
    log.push(record);
    ex = { req, res, socket, body, record, ruleId: null };
    if (readError || clientGone(ex)) {
      settle(ex, 'client-gone', null, readError?.message);
      return;
    }
    if (closing) {
      settle(ex, 'proxy-closed');
      socket.destroy();
      return;
    }
    notify(record);
    try {
      const rule = pick(info);
      if (rule) {
        ex.ruleId = rule.id;
        record.rule = rule.label;
        record.fault = rule.rule.fault;
      }
      await apply(ex, rule ? rule.rule : { fault: 'pass' });
    } catch (err) {
      // A bug in a test's `map` / `when`, or in the proxy: the client sees a reset, the log says why.
      settle(ex, 'upstream-error', null, `fault proxy: ${(err as Error).message}`);
      socket.destroy();
    }
  };

  const server = http.createServer(onRequest);
  server.on('connection', (socket: Socket) => {
    if (closing) {
      socket.destroy();
      return;
    }
    sockets.set(socket, { served: 0, inFlight: 0, retire: false });
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      server.once('error', onError);
      server.listen(port, host, () => {
        server.off('error', onError);
        listening = true;
        resolve();
      });
    });

  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
    });

  /** Ends held requests and, with `all`, every connection, settling what was pending as proxy-closed. */
  const cutEverything = (all: boolean) => {
    for (const h of [...held]) {
      h.settle(false);
      settle(h.ex, 'proxy-closed');
      h.ex.socket.destroy();
    }
    if (!all) return;
    for (const socket of sockets.keys()) socket.destroy();
    for (const r of log) if (r.outcome === 'pending') {
      r.outcome = 'proxy-closed';
      r.endedAt = Date.now();
      notify(r);
    }
  };

  await listen(opts.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closed: Promise<void> | null = null;

  const matching = (method?: string | string[], path?: PathPattern) => {
    const m = methodMatcher(method);
    const p = pathMatcher(path);
    return log.filter((r) => m(r.method) && p(r.path, r.url));
  };

  return {
    url,
    port,
    upstream: opts.upstream,
    set(rule) {
      clear();
      return add(rule);
    },
    add,
    clear,
    release: () => releaseHeld(),
    get requests() {
      return [...log];
    },
    matching,
    applied(method, path) {
      return matching(method, path).filter((r) => r.forwarded && r.upstreamStatus !== null && r.upstreamStatus >= 200 && r.upstreamStatus < 300 && !r.replayed);
    },
    clearLog() {
      log = [];
    },
    waitFor(predicate, o = {}) {
      const pending = o.pending ?? false;
      const found = log.find((r) => (pending || r.outcome !== 'pending') && predicate(r));
      if (found) return Promise.resolve(found);
      const timeoutMs = o.timeoutMs ?? 10_000;
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          pending,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
          reject: (err) => {
            clearTimeout(timer);
            reject(err);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          const seen = log.map((r) => `${r.method} ${r.url} ${r.fault} ${r.outcome}`).join('\n  ');
          reject(new Error(`fault proxy: no matching request within ${timeoutMs} ms; seen:\n  ${seen || '(none)'}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    async down() {
      const stopped = stopListening();
      cutEverything(true);
      await stopped;
    },
    async up() {
      if (closing) throw new Error('fault proxy: closed');
      if (!listening) await listen(port);
    },
    close() {
      closed ??= (async () => {
        closing = true;
        rules = [];
        cutEverything(false);
        for (const [socket, state] of sockets) if (state.inFlight === 0) socket.destroy();
        const stopped = stopListening();
        // Requests under way (forwarded, streaming) get a short grace, then everything is cut.
        const force = setTimeout(() => {
          for (const up of upstreamRequests) up.destroy();
          cutEverything(true);
        }, closeGraceMs);
        await stopped;
        clearTimeout(force);
        cutEverything(true);
        for (const w of waiters.splice(0)) w.reject(new Error('fault proxy: closed before a matching request settled'));
      })();
      return closed;
    },
  };
}
