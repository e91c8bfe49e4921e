import { useEffect } from 'react';
import { useSettings } from '../stores/settings-store';
import { useStatus } from '../stores/status-store';
import { settingsPanels } from './settings-panels';

export function SettingsScreen() {
  const load = useSettings((s) => s.load);
  // Read again whenever the LMS or the signed-in user changes, wherever the change came from.
  const lmsMode = useStatus((s) => s.status?.lms.mode);
  const lmsUrl = useStatus((s) => s.status?.lms.url);
  const role = useStatus((s) => s.status?.user?.role);
  useEffect(() => {
    void load();
  }, [load, lmsMode, lmsUrl, role]);

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Settings</h1>
      </header>
      <div className="panel-stack">
        {settingsPanels.map(({ id, Panel }) => (
          <Panel key={id} />
        ))}
      </div>
    </section>
  );
}
