import { useState, type FormEvent } from 'react';
import type { ScreenshotScoreProposal, ScreenshotView } from '../../shared/channels/evidence';
import { passdesk } from '../passdesk-client';
import { percentText, reviewSummary } from './screenshot-text';
import { failureText } from '../stores/alerts-store';

interface Props {
  view: ScreenshotView;
  onReviewed(): void;
}

/**
 * What the reviewer reads on the screenshot — a pass or not, the score, the course and module
 * shown. OCR may propose the values; the reviewer confirms or corrects them before recording.
 */
export function ReviewForm({ view, onReviewed }: Props) {
  const latest = view.reviews[0] ?? null;
  const [passes, setPasses] = useState(latest?.showsPassingScore ?? false);
  const [score, setScore] = useState(latest?.scoreRead !== null && latest?.scoreRead !== undefined ? String(latest.scoreRead) : '');
  const [course, setCourse] = useState(latest?.courseShown ?? '');
  const [moduleShown, setModuleShown] = useState(latest?.moduleShown ?? '');
  const [proposal, setProposal] = useState<ScreenshotScoreProposal | null>(view.proposal);
  const [reading, setReading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function readScore() {
    setReading(true);
    setError(null);
    try {
      const found = await passdesk.call('screenshots.readScore', { attachmentId: view.tile.attachmentId });
      setProposal(found);
      if (found.score !== null) setScore(String(found.score));
      if (found.courseName) setCourse(found.courseName);
      if (found.moduleName) setModuleShown(found.moduleName);
      if (found.failWords.length > 0) setPasses(false);
      else if (found.passWords.length > 0 || found.completionWords.length > 0) setPasses(true);
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setReading(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = score.trim().replace(',', '.').replace(/\s*%$/, '');
    const scoreRead = trimmed === '' ? null : Number(trimmed);
    if (scoreRead !== null && (!Number.isFinite(scoreRead) || scoreRead < 0 || scoreRead > 100)) {
      setError('The score is a percent from 0 to 100, or empty when the screen shows none.');
      return;
    }
    setSaving(true);
    setError(null);
    setSaved(false);
    try {
      await passdesk.call('screenshots.review', {
        attachmentId: view.tile.attachmentId,
        sha256: view.tile.sha256,
        showsPassingScore: passes,
        scoreRead,
        courseShown: course.trim() === '' ? null : course.trim(),
        moduleShown: moduleShown.trim() === '' ? null : moduleShown.trim(),
      });
      setSaved(true);
      onReviewed();
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="viewer-section" aria-labelledby="review-title">
      <h2 id="review-title">Review</h2>
      {latest ? <p className="success-quiet">{reviewSummary(latest)}</p> : <p className="hint">Not reviewed yet. Only a reviewed screenshot counts as evidence.</p>}
      {!view.canReview ? (
        <p className="hint">Only an admin can review a screenshot as evidence.</p>
      ) : (
        <form className="review-form" onSubmit={(event) => void submit(event)} aria-label="Review this screenshot">
          <div className="button-row">
            <button type="button" onClick={() => void readScore()} disabled={reading}>
              {reading ? 'Reading the screenshot…' : 'Read score (OCR)'}
            </button>
            {proposal && (
              <span className="hint" data-testid="ocr-proposal">
                OCR read {proposal.score !== null ? percentText(proposal.score) : 'no score'}
                {proposal.passWords[0] ? ` · “${proposal.passWords[0]}”` : ''}
                {proposal.failWords[0] ? ` · “${proposal.failWords[0]}”` : ''} in {(proposal.milliseconds / 1000).toFixed(1)} s — confirm or correct
              </span>
            )}
          </div>
          <label className="review-check">
            <input type="checkbox" checked={passes} onChange={(e) => setPasses(e.target.checked)} />
            Shows a pass (a passing score, or the course’s completion screen)
          </label>
          <div className="field">
            <label htmlFor="review-score">Score shown (%)</label>
            <input id="review-score" type="text" inputMode="decimal" value={score} onChange={(e) => setScore(e.target.value)} placeholder="empty when no score is shown" />
          </div>
          <div className="field">
            <label htmlFor="review-course">Course shown</label>
            <input id="review-course" type="text" value={course} onChange={(e) => setCourse(e.target.value)} placeholder={view.attempts?.courseName ?? ''} />
          </div>
          <div className="field">
            <label htmlFor="review-module">Module shown</label>
            <input id="review-module" type="text" value={moduleShown} onChange={(e) => setModuleShown(e.target.value)} placeholder={view.attempts?.moduleName ?? ''} />
          </div>
          {error && (
            <p className="inline-error" role="alert">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button-primary" disabled={saving}>
              {saving ? 'Recording…' : 'Record review'}
            </button>
            {saved && <span className="success">Review recorded.</span>}
          </div>
        </form>
      )}
      {view.reviews.length > 1 && (
        <details>
          <summary>Earlier reviews ({view.reviews.length - 1})</summary>
          <ul>
            {view.reviews.slice(1).map((r) => (
              <li key={`${r.reviewedAt}-${r.reviewedBy}`}>{reviewSummary(r)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
