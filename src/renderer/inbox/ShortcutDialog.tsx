import { screens } from '../navigation/screens';
import { inboxShortcuts, keyLabel } from './inbox-keys';
import { Modal } from './Modal';

export function ShortcutDialog({ onClose }: { onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} className="shortcut-dialog">
      <table className="shortcut-table">
        <tbody>
          {inboxShortcuts.map((s) => (
            <tr key={s.command}>
              <td className="shortcut-keys">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="shortcut-or"> or </span>}
                    <kbd>{keyLabel(k)}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.does}</td>
            </tr>
          ))}
          <tr>
            <td className="shortcut-keys">
              <kbd>g</kbd> then a key
            </td>
            <td>
              Go to a screen:{' '}
              {screens.map((screen, i) => (
                <span key={screen.id} className="go-key">
                  {i > 0 && ', '}
                  <kbd>{screen.shortcutKey}</kbd> {screen.label}
                </span>
              ))}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="hint">Shortcuts wait while you type in a field; Esc leaves the field.</p>
    </Modal>
  );
}
