// Browser mode's stand-in for the Electron preload: a classic script the services inject
// before the app's module, defining the same window.passdesk over a WebSocket to /bridge on
// the page's own origin. The launch secret travels in the HttpOnly cookie the services set
// on the first page load; when the page was opened with ?key=, it is passed on as well.
import { BRIDGE_CONNECTION_EVENT, type BridgeConnection } from '../shared/bridge-connection';
import { createSocketBridge, type ConnectSocket } from './socket-bridge';

export function bridgeUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const key = new URLSearchParams(location.search).get('key');
  return `${scheme}://${location.host}/bridge${key ? `?key=${encodeURIComponent(key)}` : ''}`;
}

const connectBrowserSocket: ConnectSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.addEventListener('open', () => handlers.open());
  socket.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (typeof event.data === 'string') handlers.message(event.data);
  });
  // A failed attempt fires `error` and then `close`; `close` alone is enough to act on.
  socket.addEventListener('close', () => handlers.close());
  return {
    send: (text) => socket.send(text),
    close: () => socket.close(),
  };
};

function announce(connected: boolean): void {
  const detail: BridgeConnection = { connected };
  window.dispatchEvent(new CustomEvent(BRIDGE_CONNECTION_EVENT, { detail }));
}

if (!Object.hasOwn(window, 'passdesk')) {
  const bridge = createSocketBridge({ url: bridgeUrl(window.location), connect: connectBrowserSocket, onConnectionChange: announce });
  // Exactly the contract, frozen and fixed in place, like contextBridge's exposure in Electron.
  Object.defineProperty(window, 'passdesk', {
    value: Object.freeze({ invoke: bridge.invoke, on: bridge.on }),
    enumerable: true,
    configurable: false,
    writable: false,
  });
}
