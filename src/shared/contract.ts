// The one contract between the renderer and the main process. Each channel names its
// input and output schema; main validates both sides of every call (src/main/ipc), the
// preload exposes only these names, and the renderer's client is typed from them.
// Later features add their channels here and nowhere else.
import { z } from 'zod';
import { Role } from './lms/entities';
import { Me } from './lms/api';

export const LmsMode = z.enum(['demo', 'configured']);
export const AppStatus = z.object({
  lms: z.object({
    mode: LmsMode,
    /** The LMS base URL; for the demo LMS, its loopback address. */
    url: z.string().nullable(),
    online: z.boolean(),
    /** When the connection was last checked (ISO time), null before the first check. */
    checkedAt: z.string().nullable(),
    /** Why the LMS is unreachable or refused us, in words a person can act on. */
    error: z.string().nullable(),
  }),
  user: Me.nullable(),
  appVersion: z.string(),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const Settings = z.object({
  lmsMode: LmsMode,
  lmsUrl: z.string().nullable(),
  /** Whether a token is stored; the token itself never leaves the main process. */
  hasToken: z.boolean(),
  demoRole: Role,
});
export type Settings = z.infer<typeof Settings>;

const Empty = z.object({}).strict();
const LmsUrl = z
  .url({ protocol: /^https?$/, error: 'The LMS URL must start with http:// or https://.' })
  .max(2000);

export type ChannelKind = 'query' | 'command';
interface ChannelSpec {
  kind: ChannelKind;
  input: z.ZodType;
  output: z.ZodType;
}

export const channels = {
  'app.status': { kind: 'query', input: Empty, output: AppStatus },
  /** A deliberately cheap round trip, used to measure how responsive main is. */
  'app.ping': { kind: 'query', input: Empty, output: z.object({ at: z.number() }) },
  'settings.get': { kind: 'query', input: Empty, output: Settings },
  /** On the demo LMS: sign in as the demo admin or the demo agent. */
  'settings.setDemoRole': { kind: 'command', input: z.object({ role: Role }).strict(), output: AppStatus },
  'settings.connectLms': {
    kind: 'command',
    input: z.object({ url: LmsUrl, token: z.string().trim().min(1).max(4096) }).strict(),
    output: AppStatus,
  },
  'settings.useDemoLms': { kind: 'command', input: Empty, output: AppStatus },
} as const satisfies Record<string, ChannelSpec>;

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>;
export const channelNames = Object.keys(channels) as Channel[];

/** Events main pushes to every window; the payload is validated before it is sent. */
export const events = {
  'status.changed': AppStatus,
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
