/** Parsing request bodies and query strings with the Sync API schemas, turning failures into problems. */
import * as v from 'valibot';
import { describeIssues, EntityType, ErrorCode, LogStatus, Direction, MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT } from '../../lib/api/schema.ts';
import { ProblemError } from './problem.ts';

export function parseJsonBody<S extends v.GenericSchema>(schema: S, text: string): v.InferOutput<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ProblemError(400, 'invalid-json', `The request body is not valid JSON: ${(err as Error).message}`);
  }
  const result = v.safeParse(schema, raw);
  if (!result.success) {
    const errors = describeIssues(result.issues);
    throw new ProblemError(422, 'validation-failed', `Invalid request body: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
  }
  return result.output;
}

const QText = v.pipe(v.string(), v.maxLength(200, 'must be at most 200 characters'));
const PageFields = {
  cursor: v.optional(v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(200, 'is not a valid cursor'))),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,6}$/, 'must be a whole number'),
      v.transform(Number),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(MAX_PAGE_LIMIT, `must be at most ${MAX_PAGE_LIMIT}`),
    ),
    String(DEFAULT_PAGE_LIMIT),
  ),
};

export const WizardQuery = v.object({ ...PageFields, direction: v.optional(Direction) });
export const LogQuery = v.object({ ...PageFields, status: v.optional(LogStatus), entityType: v.optional(EntityType), q: v.optional(QText) });
export const UnsyncedQuery = v.object({ ...PageFields, entityType: v.optional(EntityType), code: v.optional(ErrorCode), q: v.optional(QText) });

export function parseQuery<S extends v.GenericSchema>(schema: S, query: Record<string, string>): v.InferOutput<S> {
  // Empty parameters ("?status=") mean "no filter".
  const cleaned = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
  const result = v.safeParse(schema, cleaned);
  if (!result.success) {
    const errors = describeIssues(result.issues);
    throw new ProblemError(400, 'bad-request', `Invalid query: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
  }
  return result.output;
}
