// Browser mode only: the WebSocket between the page and the services process can drop (the
// services restarted, the laptop slept). The bridge announces each change on `window` with
// this DOM event so the status bar can say so and the app can refresh what it missed. In
// Electron, IPC cannot drop and the event never fires.
import { z } from 'zod';

export const BRIDGE_CONNECTION_EVENT = 'passdesk:bridge-connection';
export const BridgeConnection = z.object({ connected: z.boolean() });
export type BridgeConnection = z.infer<typeof BridgeConnection>;
