// The frames of browser mode's WebSocket, the stand-in for Electron's IPC:
//   page → services  {type:'invoke', id, channel, payload}
//   services → page  {type:'result', id, result: InvokeResult}
//                    {type:'event', name, payload}
//                    {type:'error', id: <the frame's id or null>, error: {code, message}}  for a frame that cannot be answered as a call
import { z } from 'zod';
import type { InvokeResult, PassdeskErrorData } from '../../shared/ipc-result';
import type { PassdeskEvent } from '../app/event-broadcaster';

export const FrameId = z.union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().min(1).max(100)]);
export type FrameId = z.infer<typeof FrameId>;

const InvokeFrame = z.object({
  type: z.literal('invoke'),
  id: FrameId,
  // Channel and payload are the dispatcher's to judge, with the contract's messages.
  channel: z.unknown(),
  // JSON.stringify drops an undefined payload; the dispatcher then refuses it as a payload,
  // under the call's id, instead of leaving the call unanswered.
  payload: z.unknown().optional(),
});

export type ClientFrame =
  | { kind: 'invoke'; id: FrameId; channel: unknown; payload: unknown }
  | { kind: 'bad'; id: FrameId | null; error: PassdeskErrorData };

export type ServerFrame =
  | { type: 'result'; id: FrameId; result: InvokeResult }
  | { type: 'event'; name: PassdeskEvent['name']; payload: PassdeskEvent['payload'] }
  | { type: 'error'; id: FrameId | null; error: PassdeskErrorData };

function bad(id: FrameId | null, message: string): ClientFrame {
  return { kind: 'bad', id, error: { code: 'invalid_payload', message } };
}

export function readClientFrame(text: string): ClientFrame {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return bad(null, 'The frame is not JSON. Send {"type":"invoke","id":1,"channel":"app.ping","payload":{}}.');
  }
  const parsed = InvokeFrame.safeParse(data);
  if (parsed.success) return { kind: 'invoke', id: parsed.data.id, channel: parsed.data.channel, payload: parsed.data.payload };
  const id = typeof data === 'object' && data !== null && 'id' in data ? FrameId.safeParse(data.id) : null;
  const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(whole frame)'}: ${i.message}`).join('; ');
  return bad(id?.success ? id.data : null, `The frame was refused — ${problems}. A call is {"type":"invoke","id":<number or string>,"channel":<name>,"payload":<object>}.`);
}
