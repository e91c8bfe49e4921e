import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { ScreenshotImage } from '../../shared/channels/evidence';
import { blobUrlOf } from './image-blob';
import { actualSize, fitted, panBy, PAN_STEP, rotateQuarter, zoomBy, zoomLabel, ZOOM_STEP, type Size, type ViewState } from './viewer-geometry';
import { isTextField } from '../components/text-field';

interface Props {
  image: ScreenshotImage;
  alt: string;
  onPrevious(): void;
  onNext(): void;
}

/** The picture itself: zoom (wheel, pinch, + and −), pan (drag, arrows), fit, actual size, rotate. */
export function ViewerStage({ image, alt, onPrevious, onNext }: Props) {
  const stageRef = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useState<Size>({ width: 0, height: 0 });
  const [natural, setNatural] = useState<Size | null>(null);
  const [view, setView] = useState<ViewState>({ scale: 1, panX: 0, panY: 0, rotation: 0, fitted: true });
  const drag = useRef<{ x: number; y: number; pointers: Map<number, { x: number; y: number }>; pinch: number | null }>({ x: 0, y: 0, pointers: new Map(), pinch: null });
  const url = useMemo(() => blobUrlOf(image.base64, image.type), [image.base64, image.type]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);

  useEffect(() => {
    const element = stageRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setStage({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A fitted picture follows the stage's size; a chosen zoom stays as it is.
  const shown = natural && view.fitted ? fitted(natural, stage, view.rotation) : view;

  const apply = useCallback(
    (change: (v: ViewState, image: Size) => ViewState) => {
      setView((v) => (natural ? change(v.fitted ? fitted(natural, stage, v.rotation) : v, natural) : v));
    },
    [natural, stage],
  );

  useEffect(() => {
    const element = stageRef.current;
    if (!element) return;
    // Chromium reports a trackpad pinch as a wheel event with ctrlKey; both zoom towards the pointer.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const at = { x: event.clientX - box.left - box.width / 2, y: event.clientY - box.top - box.height / 2 };
      const factor = Math.exp(-event.deltaY * (event.ctrlKey ? 0.01 : 0.0015));
      apply((v, img) => zoomBy(v, factor, img, stage, at));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [apply, stage]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Keys typed into the review form are the form's, not the viewer's.
      if (isTextField(event.target) || event.metaKey || event.ctrlKey || event.altKey) return;
      const actions: Record<string, () => void> = {
        '+': () => apply((v, img) => zoomBy(v, ZOOM_STEP, img, stage)),
        '=': () => apply((v, img) => zoomBy(v, ZOOM_STEP, img, stage)),
        '-': () => apply((v, img) => zoomBy(v, 1 / ZOOM_STEP, img, stage)),
        '0': () => apply((v, img) => fitted(img, stage, v.rotation)),
        '1': () => apply((v) => actualSize(v)),
        r: () => apply((v, img) => rotateQuarter(v, img, stage)),
        ArrowLeft: () => apply((v, img) => panBy(v, PAN_STEP, 0, img, stage)),
        ArrowRight: () => apply((v, img) => panBy(v, -PAN_STEP, 0, img, stage)),
        ArrowUp: () => apply((v, img) => panBy(v, 0, PAN_STEP, img, stage)),
        ArrowDown: () => apply((v, img) => panBy(v, 0, -PAN_STEP, img, stage)),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [apply, stage]);

  function onPointerDown(event: ReactPointerEvent<HTMLDivElement>) {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    drag.current.x = event.clientX;
    drag.current.y = event.clientY;
    drag.current.pinch = null;
  }

  function onPointerMove(event: ReactPointerEvent<HTMLDivElement>) {
    const pointers = drag.current.pointers;
    if (!pointers.has(event.pointerId)) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 2) {
      // Two fingers on a touch screen: zoom by how far apart they moved.
      const [a, b] = [...pointers.values()];
      if (!a || !b) return;
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      if (drag.current.pinch) apply((v, img) => zoomBy(v, distance / (drag.current.pinch ?? distance), img, stage));
      drag.current.pinch = distance;
      return;
    }
    const dx = event.clientX - drag.current.x;
    const dy = event.clientY - drag.current.y;
    drag.current.x = event.clientX;
    drag.current.y = event.clientY;
    apply((v, img) => panBy(v, dx, dy, img, stage));
  }

  function onPointerUp(event: ReactPointerEvent<HTMLDivElement>) {
    drag.current.pointers.delete(event.pointerId);
    drag.current.pinch = null;
  }

  const zoomText = zoomLabel(shown.scale);
  return (
    <div className="viewer-stage-wrap">
      <div className="viewer-toolbar" role="toolbar" aria-label="View">
        <button type="button" onClick={onPrevious} title="Previous screenshot (PageUp or p)">
          ‹ Previous
        </button>
        <button type="button" onClick={onNext} title="Next screenshot (PageDown or n)">
          Next ›
        </button>
        <span className="viewer-toolbar-gap" />
        <button type="button" onClick={() => apply((v, img) => zoomBy(v, 1 / ZOOM_STEP, img, stage))} aria-label="Zoom out" title="Zoom out (−)">
          −
        </button>
        <output className="viewer-zoom" aria-label="Zoom">
          {zoomText}
        </output>
        <button type="button" onClick={() => apply((v, img) => zoomBy(v, ZOOM_STEP, img, stage))} aria-label="Zoom in" title="Zoom in (+)">
          +
        </button>
        <button type="button" onClick={() => apply((v, img) => fitted(img, stage, v.rotation))} aria-pressed={shown.fitted} title="Fit to the window (0)">
          Fit
        </button>
        <button type="button" onClick={() => apply((v) => actualSize(v))} aria-pressed={!shown.fitted && shown.scale === 1} title="Actual size (1)">
          1:1
        </button>
        <button type="button" onClick={() => apply((v, img) => rotateQuarter(v, img, stage))} title="Rotate a quarter turn (r)">
          ⟳ Rotate
        </button>
      </div>
      <div
        ref={stageRef}
        className="viewer-stage"
        data-testid="viewer-stage"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <img
          src={url}
          alt={alt}
          draggable={false}
          className="viewer-image"
          data-loaded={natural ? 'true' : 'false'}
          onLoad={(event) => setNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
          style={{
            width: natural?.width,
            height: natural?.height,
            transform: `translate(-50%, -50%) translate(${shown.panX}px, ${shown.panY}px) rotate(${shown.rotation}deg) scale(${shown.scale})`,
            visibility: natural ? 'visible' : 'hidden',
          }}
        />
      </div>
    </div>
  );
}
