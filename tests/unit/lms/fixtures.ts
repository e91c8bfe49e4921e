// Records shaped exactly as the LMS Support API sends them, checked against the shared schemas
// so a schema change that breaks them is caught here first.
import { Me } from '../../../src/shared/lms/api';
import { Ticket } from '../../../src/shared/lms/entities';

export const TOKEN = 'pd-secret-token-4f1c9a7e';

export const me = Me.parse({ id: 'ag-0001', name: 'Dana Whitfield', email: 'dana.whitfield@lms-support.example', role: 'admin' });

export const ticket = Ticket.parse({
  id: 't-000123',
  subject: 'Finished Fire-Rated Door Hardware module 2, still says incomplete',
  fromEmail: 'marco.ruiz@harborbuild.example',
  learnerId: 'l-00042',
  moduleId: 'm-0107',
  status: 'open',
  assigneeId: 'ag-0002',
  tags: ['completion'],
  createdAt: '2026-11-30T14:02:11.000Z',
  updatedAt: '2026-12-01T09:15:40.000Z',
  version: 4,
});
