// The passes this desk just made, live: the undo window counting down with its Cancel
// button, then each state as main reports it — sending, recorded, verified in the
// transcript — or why it ended otherwise.
import type { PassSummary } from '../../shared/channels/passes';
import { countdownText, passStateLabels, secondsLeft, stateTone } from './pass-text';
import { usePassPanel } from './pass-panel-store';
import { useNow } from './use-now';

function LivePass({ pass, now, onCancel, onTranscript }: { pass: PassSummary; now: number; onCancel(): void; onTranscript(): void }) {
  const left = secondsLeft(pass.undoUntil, now);
  const inWindow = pass.state === 'queued' && left > 0;
  return (
    <li className={`live-pass live-${stateTone(pass.state, pass.alert)}`} aria-label={`Pass of ${pass.learnerName} on ${pass.moduleName}`}>
      <div className="live-pass-main">
        <strong>{pass.learnerName}</strong> <span className="hint">{pass.moduleName}</span>
        {pass.override && <span className="chip chip-bad">override</span>}
      </div>
      <div className="live-pass-state" role="status">
        {inWindow ? `Sending in ${countdownText(left)} — cancel now if this was a mistake` : passStateLabels[pass.state]}
      </div>
      {pass.waitingFor && <div className="hint">{pass.waitingFor}</div>}
      {pass.stateReason && pass.state !== 'verified' && <div className="hint">{pass.stateReason}</div>}
      {pass.alert && (
        <div className="inline-error" role="alert">
          {pass.alert}
        </div>
      )}
      <div className="live-pass-actions">
        {pass.cancellable && (
          <button type="button" onClick={onCancel} aria-label={`Cancel the pass of ${pass.learnerName}`}>
            Cancel
          </button>
        )}
        {(pass.state === 'verified' || pass.state === 'confirmed') && (
          <button type="button" className="button-quiet" onClick={onTranscript}>
            Transcript
          </button>
        )}
      </div>
    </li>
  );
}

export function LivePasses({ onTranscript }: { onTranscript(pass: PassSummary): void }) {
  const live = usePassPanel((s) => s.live);
  const cancelPass = usePassPanel((s) => s.cancelPass);
  const now = useNow(live.some((p) => p.state === 'queued'));
  if (live.length === 0) return null;
  return (
    <section className="live-passes" aria-label="Passes in progress">
      <h2>Your passes</h2>
      <ul>
        {live.slice(0, 8).map((p) => (
          <LivePass key={p.id} pass={p} now={now} onCancel={() => void cancelPass(p.id)} onTranscript={() => onTranscript(p)} />
        ))}
      </ul>
    </section>
  );
}
