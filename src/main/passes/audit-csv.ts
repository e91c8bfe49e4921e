// The audit log as CSV (RFC 4180) for auditors and spreadsheets. A cell that a spreadsheet
// would run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with
// an apostrophe, so an entry written by anyone can never execute on an auditor's machine.
import type { ChainedEntry } from './audit-chain';

export const AUDIT_CSV_HEADER = ['seq', 'at', 'actor_id', 'actor_name', 'action', 'pass_id', 'detail', 'prev_hash', 'hash'] as const;

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(entries: Iterable<ChainedEntry>): { csv: string; rows: number } {
  const lines = [AUDIT_CSV_HEADER.join(',')];
  let rows = 0;
  for (const e of entries) {
    rows += 1;
    lines.push([e.seq, e.at, e.actorId, e.actorName, e.action, e.passId, e.detail, e.prevHash, e.hash].map(csvCell).join(','));
  }
  return { csv: `${lines.join('\r\n')}\r\n`, rows };
}
