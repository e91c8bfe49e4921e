// How anything a learner wrote is shown: as text only (React escapes it; nothing here ever
// sets HTML), isolated from the text around it so right-to-left runs cannot reorder the
// page, with deceptive characters made visible and search matches marked.
import { useState } from 'react';
import { foldBody, hasHiddenTricks, inertText, markedSegments } from './inert-text';

interface LineProps {
  text: string;
  marks?: readonly (readonly [number, number])[];
  className?: string;
}

/** One line (a subject, an address, a snippet): cut with an ellipsis, never wrapped. */
export function UntrustedLine({ text, marks = [], className }: LineProps) {
  const segments = markedSegments(text, marks);
  return (
    <bdi dir="auto" className={`untrusted untrusted-line${className ? ` ${className}` : ''}`} title={inertText(text).slice(0, 300)}>
      {segments.map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </bdi>
  );
}

interface BodyProps {
  text: string;
  /** Show the whole body from the start (the agent asked for it). */
  expanded?: boolean;
}

/** A message body: wrapped, isolated, and folded when long, with "Show all" to unfold it. */
export function UntrustedBody({ text, expanded = false }: BodyProps) {
  const [showAll, setShowAll] = useState(expanded);
  const folded = foldBody(text);
  const shown = showAll ? text : folded.shown;
  return (
    <div className="untrusted-body-wrap">
      {hasHiddenTricks(text) && (
        <p className="untrusted-warning">This message contains hidden direction or invisible characters; they are shown as markers or removed.</p>
      )}
      <bdi dir="auto" className="untrusted untrusted-body">
        {inertText(shown)}
      </bdi>
      {folded.hidden > 0 && (
        <button type="button" className="button-quiet show-all" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show less' : `Show all (${folded.hidden.toLocaleString('en-US')} more characters)`}
        </button>
      )}
    </div>
  );
}
