import { useStatus } from '../stores/status-store';
import { SyncStatusItem } from '../sync/SyncProgress';
import { checkedAtLabel, connectionLabels, connectionState, lmsLabel, userLabel } from './status-text';

export function StatusBar() {
  const { status, loading, loadError, servicesReachable, load } = useStatus();
  const state = connectionState({ status, loading, servicesReachable });
  const problem = !servicesReachable ? null : (status?.lms.error ?? (status ? null : loadError));
  return (
    <div className="status-bar" role="status" aria-label="Connection">
      <span className={`status-item connection connection-${state}`}>
        <span className="connection-dot" aria-hidden="true" />
        {connectionLabels[state]}
      </span>
      {status && (
        <>
          <span className="status-item">
            <span className="status-key">LMS</span> {lmsLabel(status.lms)}
          </span>
          <span className="status-item">
            <span className="status-key">Signed in</span> {userLabel(status.user)}
          </span>
          <span className="status-item">
            <span className="status-key">Last checked</span>{' '}
            {status.lms.checkedAt ? (
              <time dateTime={status.lms.checkedAt} title={new Date(status.lms.checkedAt).toString()}>
                {checkedAtLabel(status.lms.checkedAt, new Date())}
              </time>
            ) : (
              'not yet'
            )}
          </span>
        </>
      )}
      {problem && (
        <span className="status-item status-problem" title={problem}>
          {problem}
        </span>
      )}
      {!status && !loading && servicesReachable && (
        <button type="button" className="status-retry" onClick={() => void load()}>
          Retry
        </button>
      )}
      {status && <SyncStatusItem />}
      {status && <span className="status-item status-version">Passdesk {status.appVersion}</span>}
    </div>
  );
}
