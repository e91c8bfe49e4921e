// Settings: verify the manual pass audit log's hash chain end to end, and export it to CSV.
import { useState } from 'react';
import type { ChainCheck } from '../../../shared/channels/passes';
import { passdesk } from '../../passdesk-client';
import { failureText } from '../../stores/alerts-store';

/** Hands the CSV to the browser's download, the one way a renderer without file access saves a file. */
function download(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function AuditChainPanel() {
  const [check, setCheck] = useState<ChainCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const verify = () => {
    setBusy(true);
    passdesk
      .call('passes.auditCheck', {})
      .then((c) => {
        setCheck(c);
        setError(null);
      })
      .catch((e: unknown) => setError(failureText(e)))
      .finally(() => setBusy(false));
  };
  const exportCsv = () => {
    passdesk
      .call('passes.auditExport', {})
      .then((r) => {
        download(r.fileName, r.csv);
        setExported(`${r.rows} entries exported as ${r.fileName}.`);
      })
      .catch((e: unknown) => setError(failureText(e)));
  };
  return (
    <section className="panel" aria-labelledby="audit-chain-title">
      <h2 id="audit-chain-title">Manual pass audit log</h2>
      <p className="hint">Every request, cancellation, answer and verification is appended to a log in which each entry carries the hash of the one before: a changed or removed entry breaks the chain.</p>
      <div className="button-row">
        <button type="button" onClick={verify} disabled={busy}>
          {busy ? 'Checking…' : 'Check the audit chain'}
        </button>
        <button type="button" onClick={exportCsv}>
          Export to CSV
        </button>
      </div>
      {check && (
        <p className={check.ok ? 'success' : 'inline-error'} role="status">
          {check.ok ? `The chain holds: ${check.entries} entries, each following from the one before.` : `The chain is broken at entry ${check.brokenAt ?? '?'}: ${check.problem ?? ''}`}
        </p>
      )}
      {exported && <p className="hint">{exported}</p>}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
