// Which LMS Passdesk talks to, as whom, and the way back to the demo LMS.
import { useStatus } from '../stores/status-store';
import { useSettings } from '../stores/settings-store';
import { userLabel } from '../shell/status-text';
import { DemoRolePicker } from './DemoRolePicker';

export function LmsConnectionPanel() {
  const settings = useSettings((s) => s.settings);
  const loadError = useSettings((s) => s.loadError);
  const pending = useSettings((s) => s.pending);
  const switchToDemoLms = useSettings((s) => s.switchToDemoLms);
  const status = useStatus((s) => s.status);

  return (
    <section className="panel" aria-labelledby="lms-panel-title">
      <h2 id="lms-panel-title">LMS connection</h2>
      {!settings && !loadError && <p className="loading">Loading settings…</p>}
      {!settings && loadError && <p className="inline-error">Settings could not be loaded: {loadError}</p>}
      {settings && (
        <>
          <dl className="facts">
            <dt>LMS</dt>
            <dd>
              {settings.lmsMode === 'demo' ? (
                <>
                  Demo LMS <span className="hint">— runs inside Passdesk{settings.lmsUrl ? ` at ${settings.lmsUrl}` : ''}</span>
                </>
              ) : (
                (settings.lmsUrl ?? 'No address stored')
              )}
            </dd>
            <dt>Signed in as</dt>
            <dd>{userLabel(status?.user ?? null)}</dd>
            {settings.lmsMode === 'configured' && (
              <>
                <dt>API token</dt>
                <dd>{settings.hasToken ? 'Stored (never shown again)' : 'None stored'}</dd>
              </>
            )}
          </dl>
          {settings.lmsMode === 'demo' ? (
            <DemoRolePicker current={settings.demoRole} />
          ) : (
            <div className="button-row">
              <button type="button" onClick={() => void switchToDemoLms()} disabled={pending !== null} aria-busy={pending === 'demo'}>
                {pending === 'demo' ? 'Switching to the demo LMS…' : 'Use the demo LMS'}
              </button>
              <span className="hint">Leaves this LMS and signs in to the demo LMS as the demo admin.</span>
            </div>
          )}
        </>
      )}
    </section>
  );
}
