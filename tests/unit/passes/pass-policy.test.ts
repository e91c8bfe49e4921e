// The rules main re-checks when Mark Complete is confirmed: who may, on which verdict, with
// what reason and what typed confirmation. Any refusal refuses the whole request.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confirmationWord, decidePassRequest, sameWords, type LearnerCase, type RequestTerms } from '../../../src/main/passes/pass-policy';
import { OVERRIDE_REASON_MIN } from '../../../src/shared/channels/passes';
import { attempt, scored, verdictOf } from '../inspector/verdict-fixtures';

const eligible = verdictOf({ attempts: [attempt()] });
const failing = verdictOf({ attempts: [scored(40)] });
const alreadyDone = verdictOf({ attempts: [attempt()], enrollment: { id: 'enr_1', learnerId: 'lrn_000042', moduleId: 'mod_000107', status: 'completed', completedAt: '2026-11-21T10:00:00.000Z', completionSource: 'tracked' } });

function learnerCase(over: Partial<LearnerCase> = {}): LearnerCase {
  return { learnerId: 'lrn_000042', learnerName: 'Marco Ruiz', enrollmentStatus: 'in_progress', verdict: eligible, evidenceProblem: null, ticketProblem: null, livePass: null, ...over };
}

function terms(over: Partial<RequestTerms> = {}): RequestTerms {
  return { role: 'admin', moduleName: 'Module 2', blueBucks: 0, reason: 'Passing score in the data.', override: false, typedConfirmation: '', cases: [learnerCase()], ...over };
}

function refusals(t: RequestTerms): string[] {
  const d = decidePassRequest(t);
  return d.allowed ? [] : d.refusals;
}

describe('who may mark complete', () => {
  it('lets an admin pass an eligible learner', () => {
    expect(decidePassRequest(terms())).toEqual({ allowed: true, overridden: new Set() });
  });
  it('refuses an agent and points to the request instead', () => {
    expect(refusals(terms({ role: 'agent' }))).toEqual([expect.stringMatching(/agent; only an admin can mark a module complete.*Request a manual pass/)]);
  });
  it('refuses while nobody is known to be signed in', () => {
    expect(refusals(terms({ role: null }))[0]).toMatch(/does not know who is signed in/);
  });
});

describe('the verdict and its override', () => {
  it('refuses an ineligible verdict with its reasons', () => {
    expect(refusals(terms({ cases: [learnerCase({ verdict: failing })] }))[0]).toMatch(/does not allow a pass — Not eligible — failing score: .*40%/);
  });
  it('allows an override only with a reason of at least 20 characters, and says how long it was', () => {
    const base = terms({ cases: [learnerCase({ verdict: failing })], override: true });
    expect(refusals({ ...base, reason: 'Too short reason.' })).toEqual([expect.stringMatching(/at least 20 characters \(this one has 17\)/)]);
    const ok = decidePassRequest({ ...base, reason: 'The learner showed the result screen on a call.' });
    expect(ok).toEqual({ allowed: true, overridden: new Set(['lrn_000042']) });
  });
  it('never overrides "already complete" or "not enrolled"', () => {
    expect(refusals(terms({ cases: [learnerCase({ verdict: alreadyDone })], override: true, reason: 'x'.repeat(40) }))[0]).toMatch(/already complete/);
    expect(refusals(terms({ cases: [learnerCase({ enrollmentStatus: null })], override: true, reason: 'x'.repeat(40) }))[0]).toMatch(/not enrolled/);
  });
  it('does not count an eligible learner as an override', () => {
    const d = decidePassRequest(terms({ override: true, reason: 'short' }));
    expect(d).toEqual({ allowed: true, overridden: new Set() });
  });
});

describe('evidence, tickets, pending passes', () => {
  it('refuses evidence that does not hold, with the reason given', () => {
    expect(refusals(terms({ cases: [learnerCase({ evidenceProblem: "Screenshot x.png came on ticket T-2, which is not Marco Ruiz's." })] }))).toEqual([expect.stringMatching(/not Marco Ruiz's/)]);
  });
  it('refuses a second pass while one is live, and a learner listed twice', () => {
    expect(refusals(terms({ cases: [learnerCase({ livePass: { id: 'p1', state: 'queued', override: false, alert: null } })] }))[0]).toMatch(/already queued/);
    expect(refusals(terms({ cases: [learnerCase(), learnerCase()] }))).toEqual([expect.stringMatching(/listed twice/)]);
  });
  it('refuses an empty reason', () => {
    expect(refusals(terms({ reason: '   ' }))).toEqual([expect.stringMatching(/Write the reason/)]);
  });
});

describe('typing to confirm a $BlueBucks pass', () => {
  it('asks for the learner name for one learner, the count for several', () => {
    expect(confirmationWord(25, ['Marco Ruiz'])).toBe('Marco Ruiz');
    expect(confirmationWord(25, ['A', 'B', 'C'])).toBe('3');
    expect(confirmationWord(0, ['Marco Ruiz'])).toBeNull();
  });
  it('refuses a wrong name and accepts the right one whatever the case and spacing', () => {
    expect(refusals(terms({ blueBucks: 25, typedConfirmation: 'Marco' }))[0]).toMatch(/releases 25 \$BlueBucks: type the learner's name, "Marco Ruiz"/);
    expect(decidePassRequest(terms({ blueBucks: 25, typedConfirmation: '  marco   RUIZ ' })).allowed).toBe(true);
  });
  it('asks several learners for their number, with the total released', () => {
    const cases = [learnerCase(), learnerCase({ learnerId: 'lrn_2', learnerName: 'Ana Lee' })];
    expect(refusals(terms({ blueBucks: 10, cases, typedConfirmation: 'Marco Ruiz' }))[0]).toMatch(/release 20 \$BlueBucks: type the number of learners, 2/);
    expect(decidePassRequest(terms({ blueBucks: 10, cases, typedConfirmation: '2' })).allowed).toBe(true);
  });
});

describe('properties', () => {
  const roles = fc.constantFrom<RequestTerms['role']>('admin', 'agent', null);
  it('never allows a request that is not from an admin, whatever else it says', () => {
    fc.assert(
      fc.property(roles, fc.string(), fc.boolean(), fc.string(), fc.nat(100), (role, reason, override, typed, bucks) => {
        fc.pre(role !== 'admin');
        expect(decidePassRequest(terms({ role, reason, override, typedConfirmation: typed, blueBucks: bucks })).allowed).toBe(false);
      }),
    );
  });
  it('allows an ineligible verdict only as an override with a long enough reason', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.boolean(), (reason, override) => {
        const d = decidePassRequest(terms({ cases: [learnerCase({ verdict: failing })], reason, override }));
        expect(d.allowed).toBe(override && reason.trim().length >= OVERRIDE_REASON_MIN);
        if (d.allowed) expect(d.overridden.has('lrn_000042')).toBe(true);
      }),
    );
  });
  it('treats a typed name the same however it is spaced or cased', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,8}( [A-Za-z]{1,8}){0,2}$/), fc.nat(3), (name, pad) => {
        const messy = `${' '.repeat(pad)}${name.toUpperCase().split(' ').join('   ')}${' '.repeat(pad)}`;
        expect(sameWords(messy, name)).toBe(true);
      }),
    );
  });
});
