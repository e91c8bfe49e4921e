// One page's WebSocket to the services: calls go to the same dispatcher Electron's IPC
// uses, events come back as they happen. A bad frame is answered with an error frame; it
// never ends the connection or the server.
import WebSocket from 'ws';
import type { Dispatcher } from '../ipc/dispatcher';
import type { PassdeskEventListener } from '../app/event-broadcaster';
import { readClientFrame, type ServerFrame } from './bridge-frames';

export interface BridgeSocketDeps {
  dispatcher: Dispatcher;
  subscribe(listener: PassdeskEventListener): () => void;
  log: (line: string) => void;
}

export function serveBridgeSocket(socket: WebSocket, deps: BridgeSocketDeps): void {
  function send(frame: ServerFrame): void {
    if (socket.readyState !== WebSocket.OPEN) return;
    socket.send(JSON.stringify(frame), (error) => {
      if (error) deps.log(`[bridge] could not send a ${frame.type} frame: ${error.message}`);
    });
  }

  const unsubscribe = deps.subscribe((event) => send({ type: 'event', name: event.name, payload: event.payload }));

  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      send({ type: 'error', id: null, error: { code: 'invalid_payload', message: 'Binary frames are not part of the Passdesk bridge; send JSON text.' } });
      return;
    }
    const frame = readClientFrame(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'));
    if (frame.kind === 'bad') {
      send({ type: 'error', id: frame.id, error: frame.error });
      return;
    }
    deps.dispatcher
      .dispatch(frame.channel, frame.payload)
      .then((result) => send({ type: 'result', id: frame.id, result }))
      .catch((error: unknown) => {
        // The dispatcher answers every failure itself; this is the last line of defence.
        deps.log(`[bridge] dispatch failed: ${error instanceof Error ? error.message : String(error)}`);
        send({ type: 'result', id: frame.id, result: { ok: false, error: { code: 'internal', message: 'Passdesk could not answer this call; see the services log.' } } });
      });
  });
  socket.on('close', unsubscribe);
  socket.on('error', (error) => deps.log(`[bridge] socket error: ${error.message}`));
}
