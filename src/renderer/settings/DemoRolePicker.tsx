// On the demo LMS, both roles can be tried: the demo admin may mark modules complete, the
// demo agent triages tickets and can only request a pass.
import type { Role } from '../../shared/lms/entities';
import { useSettings } from '../stores/settings-store';

const roleChoices: ReadonlyArray<{ role: Role; label: string; hint: string }> = [
  { role: 'admin', label: 'Demo admin', hint: 'Checks score data, reviews screenshots and marks modules complete.' },
  { role: 'agent', label: 'Demo agent', hint: 'Triages tickets and replies to learners; can request a manual pass.' },
];

export function DemoRolePicker({ current }: { current: Role }) {
  const setDemoRole = useSettings((s) => s.setDemoRole);
  const pending = useSettings((s) => s.pending);
  return (
    <fieldset className="role-picker" disabled={pending !== null} aria-busy={pending === 'role'}>
      <legend>Sign in as</legend>
      {roleChoices.map(({ role, label, hint }) => (
        <label key={role} className="role-choice">
          <input
            type="radio"
            name="demo-role"
            value={role}
            checked={current === role}
            aria-describedby={`role-hint-${role}`}
            onChange={() => void setDemoRole(role)}
          />
          <span className="role-choice-text">
            <span className="role-choice-label">{label}</span>
            <span className="hint" id={`role-hint-${role}`}>
              {hint}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
