// Whether a ticket is the learner's own. The learner the ticket is linked to decides; the
// sender's address counts only while the ticket is linked to no one (a family computer, a
// shared inbox: one address may write for several learners). The verdict, the pass panel and
// the evidence a pass rests on all judge by this one rule. Pure.
export function isLearnersTicket(ticket: { learnerId: string | null; fromEmail: string }, learner: { id: string; email: string }): boolean {
  if (ticket.learnerId !== null) return ticket.learnerId === learner.id;
  return ticket.fromEmail.toLowerCase() === learner.email.toLowerCase();
}
