// The viewer's zoom, pan and rotation as plain numbers: where the picture sits in the stage.
// Pure, so the keyboard, the wheel, pinch and the buttons all move it the same way.

export interface Size {
  width: number;
  height: number;
}

export interface ViewState {
  /** Screen pixels per image pixel. */
  scale: number;
  /** Offset of the picture's centre from the stage's centre, in screen pixels. */
  panX: number;
  panY: number;
  /** 0, 90, 180 or 270 degrees clockwise. */
  rotation: number;
  /** Whether the scale follows the stage (fit) or was chosen. */
  fitted: boolean;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 16;
/** One press of + or − (or one notch of the wheel) zooms by this factor. */
export const ZOOM_STEP = 1.25;
/** One arrow press pans this many screen pixels. */
export const PAN_STEP = 80;

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The picture's size on screen once rotated, at scale 1. */
export function turnedSize(image: Size, rotation: number): Size {
  return rotation % 180 === 0 ? image : { width: image.height, height: image.width };
}

/** The scale at which the whole picture fits the stage, never enlarging past actual size. */
export function fitScale(image: Size, stage: Size, rotation: number): number {
  const turned = turnedSize(image, rotation);
  if (turned.width <= 0 || turned.height <= 0 || stage.width <= 0 || stage.height <= 0) return 1;
  return clampScale(Math.min(1, stage.width / turned.width, stage.height / turned.height));
}

/** Keeps at least part of the picture in view: it may not be pushed entirely off stage. */
export function clampPan(view: ViewState, image: Size, stage: Size): ViewState {
  const turned = turnedSize(image, view.rotation);
  const maxX = Math.max(0, (turned.width * view.scale - stage.width) / 2) + stage.width / 4;
  const maxY = Math.max(0, (turned.height * view.scale - stage.height) / 2) + stage.height / 4;
  return { ...view, panX: Math.min(maxX, Math.max(-maxX, view.panX)), panY: Math.min(maxY, Math.max(-maxY, view.panY)) };
}

export function fitted(image: Size, stage: Size, rotation = 0): ViewState {
  return { scale: fitScale(image, stage, rotation), panX: 0, panY: 0, rotation, fitted: true };
}

export function actualSize(view: ViewState): ViewState {
  return { ...view, scale: 1, panX: 0, panY: 0, fitted: false };
}

/**
 * Zooms by `factor` keeping the image point under `at` (stage coordinates from the centre)
 * where it is: the wheel and pinch zoom towards the pointer, the keys towards the centre.
 */
export function zoomBy(view: ViewState, factor: number, image: Size, stage: Size, at: { x: number; y: number } = { x: 0, y: 0 }): ViewState {
  const scale = clampScale(view.scale * factor);
  const ratio = scale / view.scale;
  const next = { ...view, scale, panX: at.x - (at.x - view.panX) * ratio, panY: at.y - (at.y - view.panY) * ratio, fitted: false };
  return clampPan(next, image, stage);
}

export function panBy(view: ViewState, dx: number, dy: number, image: Size, stage: Size): ViewState {
  return clampPan({ ...view, panX: view.panX + dx, panY: view.panY + dy }, image, stage);
}

/** A quarter turn clockwise; a fitted picture stays fitted. */
export function rotateQuarter(view: ViewState, image: Size, stage: Size): ViewState {
  const rotation = (view.rotation + 90) % 360;
  return view.fitted ? fitted(image, stage, rotation) : clampPan({ ...view, rotation }, image, stage);
}

/** Zoom as people read it: "100 %", "37 %". */
export function zoomLabel(scale: number): string {
  return `${Math.round(scale * 100)} %`;
}
