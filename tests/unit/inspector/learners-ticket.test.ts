import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLearnersTicket } from '../../../src/main/inspector/learners-ticket';

const ana = { id: 'lrn_ana', email: 'family@example.com' };

describe("whether a ticket is the learner's own", () => {
  it('goes by the learner the ticket is linked to, even when another learner shares the address', () => {
    expect(isLearnersTicket({ learnerId: 'lrn_ana', fromEmail: 'other@example.com' }, ana)).toBe(true);
    expect(isLearnersTicket({ learnerId: 'lrn_ben', fromEmail: 'Family@Example.com' }, ana)).toBe(false);
  });

  it('goes by the address, in any case, only while the ticket is linked to no one', () => {
    expect(isLearnersTicket({ learnerId: null, fromEmail: 'FAMILY@example.com' }, ana)).toBe(true);
    expect(isLearnersTicket({ learnerId: null, fromEmail: 'someone@example.com' }, ana)).toBe(false);
  });

  it('never gives one linked ticket to two learners', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.emailAddress(), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (linked, email, a, b) => {
        fc.pre(a !== b);
        const ticket = { learnerId: linked, fromEmail: email };
        expect(isLearnersTicket(ticket, { id: a, email }) && isLearnersTicket(ticket, { id: b, email })).toBe(false);
      }),
    );
  });
});
