import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyFault, faultFromJson, normalizeCode, parseFaultReply } from '../../server/quickbooks/qbo/faults.ts';

const dir = fileURLToPath(new URL('../fixtures/qbo-faults/', import.meta.url));

interface Case {
  file: string;
  status: number;
  contentType: string | null;
  expect: {
    code: string; class: string; message?: string; messageContains?: string; detail?: string | null; detailContains?: string;
    element?: string; type?: string; errorCodes?: string[];
  };
}
const { cases } = JSON.parse(readFileSync(`${dir}cases.json`, 'utf8')) as { cases: Case[] };

describe('QuickBooks Online fault fixtures', () => {
  it('has at least 15 of them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s', (_file, c) => {
    const body = readFileSync(`${dir}${c.file}`, 'utf8');
    const fault = parseFaultReply({ status: c.status, body, contentType: c.contentType, tid: 'tid-123' });
    expect(fault).not.toBeNull();
    expect(fault!.code).toBe(c.expect.code);
    expect(fault!.tid).toBe('tid-123');
    expect(fault!.status).toBe(c.status);
    expect(classifyFault(fault!)).toBe(c.expect.class);
    if (c.expect.message !== undefined) expect(fault!.message).toBe(c.expect.message);
    if (c.expect.messageContains !== undefined) expect(fault!.message).toContain(c.expect.messageContains);
    if (c.expect.detail !== undefined) expect(fault!.detail).toBe(c.expect.detail);
    if (c.expect.detailContains !== undefined) expect(fault!.detail).toContain(c.expect.detailContains);
    if (c.expect.element !== undefined) expect(fault!.element).toBe(c.expect.element);
    if (c.expect.type !== undefined) expect(fault!.type).toBe(c.expect.type);
    if (c.expect.errorCodes !== undefined) expect(fault!.errors.map((e) => e.code)).toEqual(c.expect.errorCodes);
    // One line, bounded, whatever the body looked like.
    expect(fault!.message).not.toMatch(/[\r\n]/);
    expect(fault!.message.length).toBeLessThanOrEqual(1000);
  });
});

describe('fault parsing', () => {
  it('finds no fault in a successful reply', () => {
    expect(parseFaultReply({ status: 200, body: '{"Customer":{"Id":"1","SyncToken":"0"},"time":"2026-01-01T00:00:00Z"}' })).toBeNull();
    expect(parseFaultReply({ status: 200, body: '' })).toBeNull();
  });

  it('turns unknown JSON and plain text error replies into HTTP<status> faults', () => {
    const json = parseFaultReply({ status: 418, body: '{"something":"else"}' })!;
    expect(json.code).toBe('HTTP418');
    expect(json.detail).toContain('something');
    const plain = parseFaultReply({ status: 500, body: 'upstream connect error' })!;
    expect(plain).toMatchObject({ code: 'HTTP500', detail: 'upstream connect error' });
    expect(classifyFault(plain)).toBe('server');
  });

  it('reads a fault inside a batch item', () => {
    const item = { bId: '3', Fault: { Error: [{ Message: 'Duplicate Name Exists Error', Detail: 'taken', code: '6240' }], type: 'ValidationFault' } };
    expect(faultFromJson(item, 200, null)).toMatchObject({ code: '6240', detail: 'taken', type: 'ValidationFault' });
    expect(faultFromJson({ bId: '4', Customer: { Id: '9' } }, 200, null)).toBeNull();
  });

  it('normalises codes', () => {
    expect(normalizeCode('003001')).toBe('3001');
    expect(normalizeCode(6210)).toBe('6210');
    expect(normalizeCode('0')).toBe('0');
    expect(normalizeCode(' 610 ')).toBe('610');
    expect(normalizeCode('<script>')).toBe('');
  });

  it('blanks bearer tokens QuickBooks might echo in a detail', () => {
    const body = JSON.stringify({ fault: { error: [{ message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', detail: 'Bearer eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0.secret is invalid', code: '3200' }], type: 'AUTHENTICATION' } });
    const fault = parseFaultReply({ status: 401, body })!;
    expect(fault.detail).toBe('Bearer [redacted] is invalid');
  });

  it('classifies what the connector acts on', () => {
    expect(classifyFault({ code: 'HTTP429', status: 429 })).toBe('throttled');
    expect(classifyFault({ code: '3001', status: 200 })).toBe('throttled');
    expect(classifyFault({ code: '3200', status: 401 })).toBe('auth');
    expect(classifyFault({ code: '3100', status: 403 })).toBe('auth');
    expect(classifyFault({ code: '6003', status: 500 })).toBe('server');
    expect(classifyFault({ code: 'HTTP503', status: 503 })).toBe('server');
    expect(classifyFault({ code: '5010', status: 400 })).toBe('validation');
    expect(classifyFault({ code: '5020', status: 403 })).toBe('validation');
  });
});
