// The verdict main computed — shown, never recomputed here: what it is, why, the steps of
// the help article still missing, the next step, the evidence it rests on, and the warnings
// (a pass on a screenshot alone where the course pays $BlueBucks above all).
import { checklistStepLabels, type Verdict, type VerdictKind } from '../../shared/verdict';
import { useNavigation } from '../stores/navigation-store';
import { percentText, thousands, utcTime } from './plain-figures';

type Tone = 'eligible' | 'waiting' | 'refused';

const tones: Record<VerdictKind, Tone> = {
  eligible_score_data: 'eligible',
  eligible_known_issue: 'eligible',
  eligible_screenshot: 'eligible',
  needs_screenshot: 'waiting',
  check_computer_first: 'waiting',
  not_eligible_failing_score: 'refused',
  not_eligible_already_complete: 'refused',
  not_eligible_not_enrolled: 'refused',
};

function passLine(verdict: Verdict): string {
  if (verdict.passAllowed) return 'A manual pass is allowed.';
  if (tones[verdict.kind] === 'eligible') return 'Eligible, but the help article’s steps are not all done: no manual pass yet.';
  return 'No manual pass on this verdict.';
}

interface Props {
  verdict: Verdict;
  checklistKnown: boolean;
  forTicket: string | null;
}

export function VerdictPanel({ verdict, checklistKnown, forTicket }: Props) {
  const go = useNavigation((s) => s.go);
  const tone = tones[verdict.kind];
  const { evidence } = verdict;
  const review = evidence.screenshotReview;
  return (
    <section className={`verdict-panel verdict-${tone}`} aria-labelledby="verdict-heading" data-verdict={verdict.kind}>
      <p className="verdict-eyebrow">Verdict{forTicket ? ` for ticket ${forTicket}` : ''}</p>
      <h2 id="verdict-heading" className="verdict-headline">
        {verdict.headline}
      </h2>
      <p className={verdict.passAllowed ? 'verdict-pass verdict-pass-allowed' : 'verdict-pass'}>{passLine(verdict)}</p>
      {verdict.blueBucks > 0 && (
        <p className="bluebucks">
          <span aria-hidden="true">$</span> This course pays <strong>{thousands(verdict.blueBucks)} $BlueBucks</strong> on completion.
        </p>
      )}

      {verdict.warnings.length > 0 && (
        <div className="verdict-warnings" role="note" aria-label="Warnings">
          <h3>Before acting</h3>
          <ul>
            {verdict.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="verdict-next">
        <h3>Next step</h3>
        <p>{verdict.nextStep}</p>
        {verdict.passAllowed && (
          <button type="button" className="button-primary" onClick={() => go('passes')}>
            Open the Manual Pass panel
          </button>
        )}
      </div>

      <div>
        <h3>Why</h3>
        <ul className="verdict-reasons">
          {verdict.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>

      {verdict.missingSteps.length > 0 && (
        <div>
          <h3>Steps still missing</h3>
          <ol className="verdict-missing">
            {verdict.missingSteps.map((s) => (
              <li key={s}>{checklistStepLabels[s]}</li>
            ))}
          </ol>
          {!checklistKnown && <p className="hint">Passdesk could not read this ticket’s checklist, so its steps count as not done.</p>}
        </div>
      )}

      <details className="verdict-evidence">
        <summary>Evidence it rests on</summary>
        <dl className="facts">
          <dt>Attempts looked at</dt>
          <dd>{evidence.attemptIds.length > 0 ? evidence.attemptIds.join(', ') : 'none'}</dd>
          <dt>Best score</dt>
          <dd>
            {evidence.bestScore
              ? `${percentText(evidence.bestScore.percent)} on attempt ${evidence.bestScore.attemptId} (passing is ${percentText(evidence.bestScore.passingScore)})`
              : 'no score came back'}
          </dd>
          <dt>Screenshot</dt>
          <dd>
            {review
              ? `${review.attachmentId}, reviewed ${utcTime(review.reviewedAt)} by ${review.reviewedBy}: ${review.showsPassingScore ? 'shows a pass' : 'shows no pass'}${review.scoreRead !== null ? `, ${percentText(review.scoreRead)}` : ''}`
              : 'none reviewed'}
          </dd>
          <dt>Known issue</dt>
          <dd>{evidence.knownIssueId ?? 'none'}</dd>
          <dt>Trouble elsewhere</dt>
          <dd>
            {evidence.troubleElsewhere.length === 0 ? (
              'none in the learner’s other courses'
            ) : (
              <ul className="trouble-list">
                {evidence.troubleElsewhere.map((t) => (
                  <li key={`${t.kind}-${t.attemptId ?? t.ticketId ?? t.at}`}>{t.description}</li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </details>
    </section>
  );
}
