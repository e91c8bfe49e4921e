// The help article's checklist for this ticket, computed by main from what happened: each
// step done, missing or not needed, the verdict last, and the next step as one button.
import type { NextAction, TicketDetail } from '../../shared/channels/tickets';

interface Props {
  detail: TicketDetail;
  busy: boolean;
  onNext(action: NextAction): void;
}

export function ChecklistPanel({ detail, busy, onNext }: Props) {
  const { checklist } = detail;
  const next = checklist.next;
  const preview = next?.kind === 'send' ? detail.cannedReplies.find((c) => c.id === next.cannedId) : undefined;
  return (
    <section className="side-section checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">Checklist</h2>
      <ol className="checklist-steps">
        {checklist.steps.map((step) => (
          <li key={step.step} className={`checklist-step ${step.done ? 'step-done' : step.skipped ? 'step-skipped' : 'step-missing'}`}>
            <span className="step-mark" aria-hidden="true">
              {step.done ? '✓' : step.skipped ? '–' : '○'}
            </span>
            <span className="step-text">
              <span className="step-label">
                {step.label}
                <span className="visually-hidden">{step.done ? ': done' : step.skipped ? ': not needed' : ': missing'}</span>
              </span>
              <span className="step-detail">{step.detail}</span>
            </span>
          </li>
        ))}
      </ol>
      {checklist.verdict && (
        <div className={`verdict-box ${checklist.verdict.passAllowed ? 'verdict-ok' : 'verdict-wait'}`}>
          <strong>{checklist.verdict.headline}</strong>
          <p>{checklist.verdict.nextStep}</p>
        </div>
      )}
      {next ? (
        <div className="next-step">
          <button type="button" className="button-primary" disabled={busy} onClick={() => onNext(next)}>
            {next.label}
          </button>
          {preview && (
            <details className="next-preview">
              <summary>What will be sent{preview.author === 'note' ? ' (internal note)' : ''}</summary>
              <p className="next-preview-body">{preview.body}</p>
            </details>
          )}
        </div>
      ) : (
        detail.ticket.status !== 'resolved' && <p className="hint">Nothing to do until the learner answers.</p>
      )}
    </section>
  );
}
