/**
 * Reading one query parameter from a QBO URL, tolerant of name case ("TxnId", "txnid") because
 * links are sometimes hand-built, and strict about conflicts: two different values for the same
 * id mean we cannot tell which record is shown.
 */

export type ParamRead =
  | { status: 'absent' }
  | { status: 'one'; value: string }
  | { status: 'conflict'; values: string[] };

export function readParam(params: URLSearchParams, name: string): ParamRead {
  const wanted = name.toLowerCase();
  const values = new Set<string>();
  for (const [key, value] of params) {
    if (key.toLowerCase() !== wanted) continue;
    const trimmed = value.trim();
    if (trimmed !== '') values.add(trimmed);
  }
  if (values.size === 0) return { status: 'absent' };
  const [first, ...rest] = values;
  if (first !== undefined && rest.length === 0) return { status: 'one', value: first };
  return { status: 'conflict', values: [...values] };
}
