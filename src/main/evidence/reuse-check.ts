// The reuse check: the same picture sent by two different learners is a reason to look
// closer — one may have passed on another's screenshot. Identical bytes match by sha256;
// a re-encoded or re-compressed copy matches by perceptual hash. Advisory only: two learners
// in one workplace may legitimately see the same screen, so a flag asks a person to look, and
// the verdict never refuses on it alone. Pure.
import { hashDistance, NEAR_DUPLICATE_DISTANCE } from './perceptual-hash';

export interface ReuseSubject {
  /** The attachment's id. */
  id: string;
  sha256: string;
  perceptualHash: string | null;
  /** Who sent it: a learner id, or the sender's address when the learner is unknown. */
  ownerKey: string;
}

export interface ReuseFinding<C extends ReuseSubject> {
  candidate: C;
  likeness: 'identical' | 'near_identical';
  /** Differing hash bits; null for identical bytes. */
  distance: number | null;
}

export function findReuse<C extends ReuseSubject>(subject: ReuseSubject, candidates: readonly C[], threshold = NEAR_DUPLICATE_DISTANCE): ReuseFinding<C>[] {
  const findings: ReuseFinding<C>[] = [];
  for (const candidate of candidates) {
    if (candidate.id === subject.id || candidate.ownerKey === subject.ownerKey) continue;
    if (candidate.sha256 === subject.sha256) {
      findings.push({ candidate, likeness: 'identical', distance: null });
      continue;
    }
    if (subject.perceptualHash === null || candidate.perceptualHash === null) continue;
    const distance = hashDistance(subject.perceptualHash, candidate.perceptualHash);
    if (distance <= threshold) findings.push({ candidate, likeness: 'near_identical', distance });
  }
  return findings.sort((a, b) => (a.distance ?? -1) - (b.distance ?? -1) || a.candidate.id.localeCompare(b.candidate.id));
}
