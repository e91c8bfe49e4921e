// What the main process asks the inspection worker and what it answers: the messages of
// inspection-worker.ts, shared by both sides.
import type { ScreenshotImageType } from '../../shared/channels/evidence';

export interface InspectionRequest {
  id: number;
  type: ScreenshotImageType;
  bytes: Uint8Array;
  /** The EXIF orientation, so the thumbnail shows upright. */
  orientation: number | null;
  /** The size the header announced; the decoded picture must match it. */
  width: number;
  height: number;
}

export type InspectionAnswer =
  | { id: number; ok: true; perceptualHash: string; thumbnail: Uint8Array }
  | { id: number; ok: false; problem: string };
