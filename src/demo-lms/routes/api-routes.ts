// Every endpoint of the LMS Support API (and the demo LMS's own hooks), by method and path
// after /api/v1.
import { Router } from '../http/router';
import { getMe, listAgents } from './account-routes';
import { getAttachment, getAttachmentContent } from './attachment-routes';
import { getChanges, waitForChanges } from './change-routes';
import { courseSendsAttempt, inboundEmail, learnerCompletes, stateDigest } from './demo-routes';
import { getFaults, setFaults } from './fault-routes';
import type { Handler } from './lms-context';
import { createManualPass, getTranscript, listEnrollments } from './manual-pass-routes';
import { getTicket, patchTicket, postMessage } from './ticket-routes';

export function apiRoutes(): Router<Handler> {
  return new Router<Handler>()
    .add('GET', '/me', getMe)
    .add('GET', '/agents', listAgents)
    .add('GET', '/changes', getChanges)
    .add('GET', '/changes/wait', waitForChanges)
    .add('GET', '/tickets/:id', getTicket)
    .add('PATCH', '/tickets/:id', patchTicket)
    .add('POST', '/tickets/:id/messages', postMessage)
    .add('POST', '/manual-passes', createManualPass)
    .add('GET', '/enrollments', listEnrollments)
    .add('GET', '/learners/:id/transcript', getTranscript)
    .add('GET', '/attachments/:id', getAttachment)
    .add('GET', '/attachments/:id/content', getAttachmentContent)
    .add('GET', '/__faults', getFaults)
    .add('POST', '/__faults', setFaults)
    .add('POST', '/__demo/inbound-email', inboundEmail)
    .add('POST', '/__demo/attempts', courseSendsAttempt)
    .add('POST', '/__demo/complete', learnerCompletes)
    .add('GET', '/__demo/state-digest', stateDigest);
}
