// The bounds a screenshot must stay within before Passdesk spends memory on it. A phone photo
// is about 12 megapixels and a few megabytes; the limits leave room for a 4K monitor capture
// or a large photo, and no more.

/** Largest file Passdesk downloads or keeps. */
export const MAX_SCREENSHOT_BYTES = 25 * 1024 * 1024;
/** Most pixels Passdesk will decode (a 40 MP picture takes 160 MB as RGBA). */
export const MAX_SCREENSHOT_PIXELS = 40_000_000;
/** Longest side, whatever the pixel count: a 100000×10 strip is no screenshot either. */
export const MAX_SCREENSHOT_SIDE = 16_384;
/** The gallery's thumbnails fit in this box. */
export const THUMBNAIL_BOX = { width: 320, height: 200 } as const;
