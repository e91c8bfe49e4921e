// Someone else changed the ticket before this desk's edit reached the LMS (412). Both versions
// side by side, the fields that differ marked; the agent picks which one stands.
import type { TicketConflict } from '../../shared/channels/sync';
import { ticketStatusLabels } from '../../shared/channels/tickets';
import type { Ticket } from '../../shared/lms/entities';
import { Modal } from './Modal';
import { UntrustedLine } from './UntrustedText';

type Field = 'status' | 'assigneeId' | 'learnerId' | 'moduleId' | 'tags';
const fieldLabels: Record<Field, string> = { status: 'Status', assigneeId: 'Assignee', learnerId: 'Learner', moduleId: 'Module', tags: 'Tags' };
const fields: Field[] = ['status', 'assigneeId', 'learnerId', 'moduleId', 'tags'];

interface Props {
  conflict: TicketConflict;
  names: (field: Field, value: string | null) => string;
  busy: boolean;
  onChoose(choice: 'mine' | 'theirs'): void;
  onClose(): void;
}

function shown(field: Field, value: Ticket[Field] | undefined, names: Props['names']): string {
  if (value === undefined) return '';
  if (field === 'tags') return (value as string[]).join(', ') || '(none)';
  if (field === 'status') return ticketStatusLabels[value as Ticket['status']];
  return names(field, value as string | null);
}

export function ConflictDialog({ conflict, names, busy, onChoose, onClose }: Props) {
  const mine: Ticket = { ...conflict.theirs, ...conflict.mine };
  return (
    <Modal title="Someone else changed this ticket first" onClose={onClose} className="conflict-dialog">
      <p>
        Your change to <UntrustedLine text={conflict.subject || conflict.ticketId} /> was made on version {conflict.baseVersion}; the LMS now has version {conflict.theirs.version}. Choose which
        version stands — nothing is overwritten until you do.
      </p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Your version</th>
            <th scope="col">Their version (on the LMS)</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const ours = shown(field, mine[field], names);
            const theirs = shown(field, conflict.theirs[field], names);
            const differs = ours !== theirs;
            return (
              <tr key={field} className={differs ? 'conflict-differs' : undefined}>
                <th scope="row">{fieldLabels[field]}</th>
                <td>
                  {ours}
                  {field in conflict.mine && <span className="conflict-yours"> (your change)</span>}
                </td>
                <td>{theirs}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="button-primary" disabled={busy} onClick={() => onChoose('mine')}>
          Keep my version
        </button>
        <button type="button" disabled={busy} onClick={() => onChoose('theirs')}>
          Keep their version
        </button>
      </div>
    </Modal>
  );
}
