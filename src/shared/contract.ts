// The one contract between the renderer and the main process. Each channel names its
// input and output schema; main validates both sides of every call (src/main/ipc), the
// preload exposes only these names, and the renderer's client is typed from them.
// Each feature declares its channels in channels/<feature>.ts and is listed here once.
import type { z } from 'zod';
import { AppStatus, appChannels } from './channels/app';
import { SyncStatus, syncChannels } from './channels/sync';
import { PassesChanged, passChannels } from './channels/passes';
import { TicketsChanged, ticketChannels } from './channels/tickets';
import { ScreenshotsChanged, evidenceChannels } from './channels/evidence';
import { inspectorChannels } from './channels/inspector';

export * from './channels/app';
export * from './channels/sync';
export * from './channels/passes';
export * from './channels/tickets';
export * from './channels/evidence';
export * from './channels/inspector';
export type { ChannelKind, ChannelSpec } from './channels/channel-spec';

export const channels = {
  ...appChannels,
  ...syncChannels,
  ...passChannels,
  ...ticketChannels,
  ...evidenceChannels,
  ...inspectorChannels,
} as const;

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>;
export const channelNames = Object.keys(channels) as Channel[];

/** Events main pushes to every window; the payload is validated before it is sent. */
export const events = {
  'status.changed': AppStatus,
  'sync.changed': SyncStatus,
  'passes.changed': PassesChanged,
  'tickets.changed': TicketsChanged,
  'screenshots.changed': ScreenshotsChanged,
} as const satisfies Record<string, z.ZodType>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
/** Electron's IPC channel names for window.passdesk (preload ↔ src/main/electron). */
export const ipcChannelNames = { invoke: 'passdesk:invoke', event: 'passdesk:event' } as const;
