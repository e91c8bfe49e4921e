// Channels of the app shell: status, settings, the LMS connection.
import { z } from 'zod';
import { Role } from '../lms/entities';
import { Me } from '../lms/api';
import type { ChannelSpec } from './channel-spec';

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

export const appChannels = {
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
