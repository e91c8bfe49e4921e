import { useAlerts } from '../stores/alerts-store';

export function AlertList() {
  const alerts = useAlerts((s) => s.alerts);
  const dismiss = useAlerts((s) => s.dismiss);
  if (alerts.length === 0) return null;
  return (
    <div className="alert-list">
      {alerts.map((alert) => (
        <div key={alert.id} className="alert" role="alert">
          <div className="alert-text">
            <strong className="alert-action">{alert.action} failed.</strong> <span className="alert-message">{alert.message}</span>
            {alert.count > 1 && <span className="alert-count"> (×{alert.count})</span>}
          </div>
          <button type="button" className="button-quiet" onClick={() => dismiss(alert.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
