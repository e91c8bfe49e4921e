// Reads a request body up to the API's limit. Past the limit it stops reading at once —
// a client sending a gigabyte is refused after one mebibyte, not after the gigabyte.
import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES } from '../../shared/lms/api';
import { ApiError } from './api-error';

function tooLarge(): ApiError {
  return new ApiError(413, 'payload_too_large', `The request body is over ${MAX_BODY_BYTES.toLocaleString('en-US')} bytes (1 MiB); send less in one request.`, undefined, { connection: 'close' });
}

export function readRequestBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
