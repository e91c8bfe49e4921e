// The confirmation behind "Mark Complete": says in plain words that a manual pass cannot be
// undone, names every learner and the module, shows the $BlueBucks it releases and the
// evidence each pass rests on, and asks for a reason — and, when the course pays $BlueBucks,
// for the learner's name (one) or the number of learners (several), typed out.
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { OVERRIDE_REASON_MIN, type LearnerReview, type PassReview } from '../../shared/channels/passes';
import type { Evidence } from '../../shared/lms/entities';
import { useDialogFocus } from '../components/use-dialog-focus';
import { blueBucksText, defaultEvidence, evidenceLines, verdictTone } from './pass-text';
import { usePassPanel } from './pass-panel-store';

function overrideEvidenceText(evidence: Evidence | null): string {
  if (!evidence) return 'Nothing on file to rest a pass on.';
  const what = evidence.attemptId ? `attempt ${evidence.attemptId}` : evidence.attachmentId ? `screenshot ${evidence.attachmentId}` : `known issue ${evidence.knownIssueId ?? ''}`;
  return `No evidence the verdict accepts; only an override could rest on ${what}.`;
}

function LearnerCard({ learner, ticketId, onTicket }: { learner: LearnerReview; ticketId: string | null; onTicket(id: string | null): void }) {
  const v = learner.verdict;
  return (
    <li className="confirm-learner">
      <div className="confirm-learner-head">
        <strong>{learner.name}</strong> <span className="hint">{learner.email} · {learner.workplaceName}</span>
        <span className={`chip chip-${verdictTone(v.kind, v.passAllowed)}`}>{v.headline}</span>
      </div>
      {!v.passAllowed && <p className="confirm-why">{v.reasons.join(' ')}</p>}
      {v.warnings.map((w) => (
        <p key={w} className="confirm-warning">
          {w}
        </p>
      ))}
      <div className="confirm-evidence">
        <span className="confirm-label">Evidence</span>
        {learner.proposed ? (
          <ul>
            {evidenceLines(learner.proposed).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <span className="hint"> {overrideEvidenceText(defaultEvidence(learner))}</span>
        )}
      </div>
      {learner.tickets.length > 0 && (
        <label className="confirm-ticket">
          <span className="confirm-label">Ticket</span>
          <select value={ticketId ?? ''} onChange={(e) => onTicket(e.target.value || null)} aria-label={`Ticket for ${learner.name}`}>
            <option value="">No ticket (judged on the data alone)</option>
            {learner.tickets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.id} — {t.subject || '(no subject)'} ({t.status}{t.moduleId === null ? ', not linked to a module' : ''})
              </option>
            ))}
          </select>
        </label>
      )}
    </li>
  );
}

export function MarkCompleteDialog() {
  const review = usePassPanel((s) => s.review);
  if (!review) return null;
  // A new review starts a new form: nothing typed for other learners carries over.
  // Judging again with another ticket keeps the form (same module and learners).
  return <ConfirmForm key={`${review.module.id}:${review.learners.map((l) => l.learnerId).join(',')}`} review={review} />;
}

function ConfirmForm({ review }: { review: PassReview }) {
  const submitting = usePassPanel((s) => s.submitting);
  const refusals = usePassPanel((s) => s.refusals);
  const { closeReview, submit, reviewWithTickets } = usePassPanel.getState();
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState(false);
  const [typed, setTyped] = useState('');
  const [reply, setReply] = useState(false);
  // The ticket each verdict was judged with (from an agent's proposal, say); otherwise none: a
  // ticket's checklist only counts once the admin links the pass to it.
  const [tickets, setTickets] = useState<Record<string, string | null>>(() => ({ ...review.tickets }));
  const chooseTicket = (learnerId: string, ticketId: string | null) => {
    const next = { ...tickets, [learnerId]: ticketId };
    setTickets(next);
    void reviewWithTickets(next);
  };
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const onKeyDown = useDialogFocus(dialogRef, { onClose: closeReview, busy: submitting });
  const evidence = useMemo(() => {
    const chosen: Record<string, Evidence> = {};
    for (const l of review.learners) {
      const e = defaultEvidence(l);
      if (e) chosen[l.learnerId] = e;
    }
    return chosen;
  }, [review]);

  const count = review.learners.length;
  const needsOverride = review.learners.some((l) => !l.verdict.passAllowed);
  const names = review.learners.map((l) => l.name);
  const who = count === 1 ? names[0] : `${count} learners`;
  const reasonShort = override && reason.trim().length < OVERRIDE_REASON_MIN;
  const typedOk = review.typeToConfirm === null || typed.trim().replace(/\s+/g, ' ').toLowerCase() === review.typeToConfirm.toLowerCase();
  const ready = reason.trim().length > 0 && !reasonShort && typedOk && (!needsOverride || override) && !submitting;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    void submit({ reason, override, typedConfirmation: typed, replyToLearner: reply, tickets, evidence });
  };

  return (
    <div className="dialog-backdrop">
      <div ref={dialogRef} className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <form onSubmit={onSubmit} className="confirm-form">
          <h2 id={titleId}>Mark Complete — this cannot be undone</h2>
          <p className="confirm-irreversible">
            You are about to mark <strong>{who}</strong> complete on <strong>{review.module.name}</strong> ({review.module.courseName}). A manual pass
            cannot be undone: once it reaches the LMS, the module stays complete and can no longer be checked for technical problems.
            {review.blueBucksTotal > 0 ? (
              <>
                {' '}
                It releases <strong>{blueBucksText(review.blueBucksTotal)}</strong>
                {count > 1 ? ` (${review.module.blueBucks} each)` : ''} from the course supplier.
              </>
            ) : (
              ' This course pays no $BlueBucks.'
            )}
          </p>
          <ul className="confirm-learners" aria-label="Learners to pass">
            {review.learners.map((l) => (
              <LearnerCard key={l.learnerId} learner={l} ticketId={tickets[l.learnerId] ?? null} onTicket={(id) => chooseTicket(l.learnerId, id)} />
            ))}
          </ul>
          {needsOverride && (
            <label className="confirm-override">
              <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
              <span>
                Override the verdict{count > 1 ? 's' : ''} that do not allow a pass. It is recorded as an override everywhere it shows; the reason must
                have at least {OVERRIDE_REASON_MIN} characters.
              </span>
            </label>
          )}
          <label className="confirm-field">
            <span className="confirm-label">Reason (required)</span>
            <textarea
              autoFocus
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={reasonShort}
              placeholder="Why is a manual pass right here? e.g. passing score in the data, completion never registered"
            />
            {reasonShort && (
              <span className="field-error">
                An override needs at least {OVERRIDE_REASON_MIN} characters ({reason.trim().length} so far).
              </span>
            )}
          </label>
          {review.typeToConfirm !== null && (
            <label className="confirm-field">
              <span className="confirm-label">
                {count === 1 ? (
                  <>
                    Type the learner’s name, <strong>{review.typeToConfirm}</strong>, to confirm
                  </>
                ) : (
                  <>
                    Type the number of learners, <strong>{review.typeToConfirm}</strong>, to confirm
                  </>
                )}
              </span>
              <input type="text" value={typed} onChange={(e) => setTyped(e.target.value)} aria-invalid={typed.length > 0 && !typedOk} autoComplete="off" />
            </label>
          )}
          {review.learners.some((l) => l.tickets.length > 0) && (
            <label className="confirm-check">
              <input type="checkbox" checked={reply} onChange={(e) => setReply(e.target.checked)} />
              <span>Once verified, also send the learner the canned “you have been passed” reply on their ticket.</span>
            </label>
          )}
          {refusals.length > 0 && (
            <div className="confirm-refusals" role="alert">
              <strong>Nothing was marked complete.</strong>
              <ul>
                {refusals.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="button-row confirm-buttons">
            <button type="button" onClick={closeReview} disabled={submitting}>
              Cancel
            </button>
            <button type="submit" className="button-danger" disabled={!ready}>
              {submitting ? 'Marking…' : `Mark Complete${count > 1 ? ` (${count})` : ''}`}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
