// The inspection worker (a worker_thread): decodes a checked PNG or JPEG, makes its
// perceptual hash and thumbnail, and answers. Decoding takes seconds for a large photo, so it
// runs here and main stays free to answer the window. Built as out/main/screenshot-inspection.js.
import { parentPort } from 'node:worker_threads';
import { decodeImage } from './image-decoding';
import type { InspectionAnswer, InspectionRequest } from './inspection-job';
import { differenceHash } from './perceptual-hash';
import { THUMBNAIL_BOX } from './screenshot-limits';
import { makeThumbnail } from './thumbnail';

function inspect(request: InspectionRequest): InspectionAnswer {
  try {
    const image = decodeImage(request.bytes, request.type);
    if (image.width !== request.width || image.height !== request.height) {
      return { id: request.id, ok: false, problem: `its header says ${request.width}×${request.height} but the picture decodes to ${image.width}×${image.height}` };
    }
    return { id: request.id, ok: true, perceptualHash: differenceHash(image), thumbnail: makeThumbnail(image, THUMBNAIL_BOX, request.orientation) };
  } catch (error) {
    return { id: request.id, ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (request: InspectionRequest) => {
  const answer = inspect(request);
  parentPort?.postMessage(answer, answer.ok ? [answer.thumbnail.buffer as ArrayBuffer] : []);
});
