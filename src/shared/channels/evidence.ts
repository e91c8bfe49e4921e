// Channels of the screenshot viewer (issue #7): galleries of a ticket's attachments and of
// everything a learner ever sent, one screenshot opened with its metadata, the attempt data
// beside it, its reviews and reuse flags, the OCR's proposal, and the review itself.
//
// How pixels reach the renderer: main downloads every attachment, checks it (sha256 against
// the LMS's record, type sniffed from the bytes, header dimensions, pixel and size caps, a
// full decode), stores it content-addressed, and only then hands the renderer those bytes as
// base64 (`ScreenshotImage`) for a blob: URL, or a thumbnail it made itself. The renderer
// never receives a URL to the LMS and never decodes anything main has not checked.
import { z } from 'zod';
import { Attempt, Id, IsoTime } from '../lms/entities';
import { ScreenshotReview } from '../verdict';
import type { ChannelSpec } from './channel-spec';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lower-case hex characters');

/** The only image types the viewer shows, as detected from the bytes. */
export const ScreenshotImageType = z.enum(['image/png', 'image/jpeg', 'image/webp']);
export type ScreenshotImageType = z.infer<typeof ScreenshotImageType>;

/** Why Passdesk will not show a file; each comes with a sentence for its tile. */
export const ScreenshotRefusalReason = z.enum([
  /** The bytes are not a PNG, JPEG or WebP (HTML, SVG, PDF, a program, …). */
  'not_an_image',
  /** The bytes start like an image but are cut short or damaged. */
  'corrupt_image',
  /** Too many pixels for its size: a decompression bomb, or simply too big to show safely. */
  'too_many_pixels',
  /** Larger than Passdesk downloads. */
  'too_large',
  /** The bytes are not the ones the LMS recorded (sha256 differs). */
  'hash_mismatch',
  /** The file name looks like a path or carries control characters. */
  'unsafe_file_name',
]);
export type ScreenshotRefusalReason = z.infer<typeof ScreenshotRefusalReason>;

export const ScreenshotTileState = z.enum([
  /** Checked and stored in the data folder; shown from there, offline too. */
  'ready',
  /** Not downloaded yet; it is in the queue. */
  'waiting',
  /** The download failed for now (LMS offline, server error); tried again later. */
  'unavailable',
  /** Checked and refused; `refusal` says why. Nothing of it is shown. */
  'refused',
]);
export type ScreenshotTileState = z.infer<typeof ScreenshotTileState>;

export const ScreenshotRefusal = z.object({ reason: ScreenshotRefusalReason, message: z.string() });
export type ScreenshotRefusal = z.infer<typeof ScreenshotRefusal>;

/** A reviewed screenshot as the gallery and viewer show it: the verdict's review plus the reviewer's name. */
export const ShownScreenshotReview = ScreenshotReview.extend({ reviewerName: z.string().max(300) });
export type ShownScreenshotReview = z.infer<typeof ShownScreenshotReview>;

/** Another learner's screenshot that looks the same (advisory: a flag to look at, never a verdict). */
export const ScreenshotReuseMatch = z.object({
  attachmentId: Id,
  ticketId: Id,
  ticketSubject: z.string().max(1000),
  learnerId: Id.nullable(),
  /** Who sent it: the learner's name when the ticket is linked, else the sender's address. */
  sentBy: z.string().max(320),
  receivedAt: IsoTime,
  /** Identical bytes, or the same picture re-encoded, cropped a little or re-compressed. */
  likeness: z.enum(['identical', 'near_identical']),
  /** Bits that differ between the two perceptual hashes (0 = same picture), null when identical bytes. */
  distance: z.number().int().min(0).max(256).nullable(),
});
export type ScreenshotReuseMatch = z.infer<typeof ScreenshotReuseMatch>;

export const ScreenshotTile = z.object({
  attachmentId: Id,
  ticketId: Id,
  ticketSubject: z.string().max(1000),
  learnerId: Id.nullable(),
  /** The learner's name when known, else the ticket's sender address. */
  sentBy: z.string().max(320),
  /** The name as the learner sent it, with control characters made visible; never used as a path. */
  fileName: z.string().max(1200),
  /** What the LMS said the type was; the viewer trusts `detectedType` instead. */
  declaredType: z.string().max(200),
  size: z.number().int().min(0),
  sha256: Sha256,
  /** When the message carrying it arrived. */
  receivedAt: IsoTime,
  state: ScreenshotTileState,
  refusal: ScreenshotRefusal.nullable(),
  /** Why the last download failed, for 'unavailable'. */
  problem: z.string().nullable(),
  detectedType: ScreenshotImageType.nullable(),
  width: z.number().int().min(1).nullable(),
  height: z.number().int().min(1).nullable(),
  /** A small JPEG main made from the checked pixels, as a data: URL; null until checked (and for WebP). */
  thumbnail: z.string().max(200_000).nullable(),
  review: ShownScreenshotReview.nullable(),
  reuse: z.array(ScreenshotReuseMatch),
});
export type ScreenshotTile = z.infer<typeof ScreenshotTile>;

export const ScreenshotExif = z.object({
  /** When the picture was taken, as the camera wrote it (ISO when it gave a time zone). */
  takenAt: z.string().max(64).nullable(),
  /** "Apple iPhone 13" — make and model. */
  device: z.string().max(200).nullable(),
  software: z.string().max(200).nullable(),
  /** EXIF orientation 1–8; the viewer applies it. */
  orientation: z.number().int().min(1).max(8).nullable(),
});
export type ScreenshotExif = z.infer<typeof ScreenshotExif>;

/** The checked bytes, for a blob: URL in the renderer. */
export const ScreenshotImage = z.object({
  type: ScreenshotImageType,
  /** The stored file, base64; its sha256 is the tile's. */
  base64: z.string().max(40_000_000),
});
export type ScreenshotImage = z.infer<typeof ScreenshotImage>;

/** One attempt of the learner on the ticket's module, as the inspector reads it. */
export const ScreenshotAttempt = Attempt.pick({
  id: true,
  startedAt: true,
  lastDataAt: true,
  standard: true,
  completionStatus: true,
  successStatus: true,
  sessionTime: true,
  environment: true,
}).extend({
  /** The score as a percent, null when none came back. */
  percent: z.number().nullable(),
  errorCount: z.number().int().min(0),
});
export type ScreenshotAttempt = z.infer<typeof ScreenshotAttempt>;

/** The learner and module the screenshot is about, with what the cache knows of their attempts. */
export const ScreenshotAttemptContext = z.object({
  learnerId: Id,
  learnerName: z.string(),
  moduleId: Id,
  moduleName: z.string(),
  courseName: z.string().nullable(),
  passingScore: z.number().min(0).max(100),
  enrollmentStatus: z.enum(['not_started', 'in_progress', 'completed', 'not_enrolled']),
  /** Newest first. */
  attempts: z.array(ScreenshotAttempt),
});
export type ScreenshotAttemptContext = z.infer<typeof ScreenshotAttemptContext>;

/** What OCR read on a screenshot, for the reviewer to confirm or correct. Never evidence by itself. */
export const ScreenshotScoreProposal = z.object({
  sha256: Sha256,
  /** The learner's score in percent, if a score line was read. */
  score: z.number().min(0).max(100).nullable(),
  /** The passing score the screen states, if it states one. */
  passingScore: z.number().min(0).max(100).nullable(),
  /** Pass/fail/completion words found, as read: "Passed", "Congratulations, you passed!", "Failed". */
  passWords: z.array(z.string().max(200)),
  failWords: z.array(z.string().max(200)),
  completionWords: z.array(z.string().max(200)),
  /** The ticket's course and module names when the screen shows them; null when not found. */
  courseName: z.string().max(300).nullable(),
  moduleName: z.string().max(300).nullable(),
  /** The text as read, for the reviewer to check the proposal against. */
  text: z.string().max(20_000),
  milliseconds: z.number().min(0),
});
export type ScreenshotScoreProposal = z.infer<typeof ScreenshotScoreProposal>;

export const ScreenshotView = z.object({
  tile: ScreenshotTile,
  /** Null unless the tile is ready. */
  image: ScreenshotImage.nullable(),
  exif: ScreenshotExif.nullable(),
  /** Null when the ticket is not linked to a learner and a module yet. */
  attempts: ScreenshotAttemptContext.nullable(),
  /** Every review of this attachment, newest first; the first is the one that counts. */
  reviews: z.array(ShownScreenshotReview),
  /** The OCR's last proposal for these bytes, if it ran. */
  proposal: ScreenshotScoreProposal.nullable(),
  /** Whether the signed-in person may review (admins only). */
  canReview: z.boolean(),
});
export type ScreenshotView = z.infer<typeof ScreenshotView>;

export const ScreenshotGalleryScope = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('ticket'), ticketId: Id }).strict(),
  z.object({ scope: z.literal('learner'), learnerId: Id }).strict(),
  z.object({ scope: z.literal('recent'), limit: z.number().int().min(1).max(500).default(120) }).strict(),
]);
export type ScreenshotGalleryScope = z.input<typeof ScreenshotGalleryScope>;

export const ScreenshotGallery = z.object({
  title: z.string(),
  /** The ticket's or learner's context, so the screen can offer the other gallery. */
  ticketId: Id.nullable(),
  learnerId: Id.nullable(),
  learnerName: z.string().nullable(),
  tiles: z.array(ScreenshotTile),
});
export type ScreenshotGallery = z.infer<typeof ScreenshotGallery>;

export const ScreenshotReviewInput = z
  .object({
    attachmentId: Id,
    /** The bytes the reviewer looked at; refused if the file on record has changed since. */
    sha256: Sha256,
    showsPassingScore: z.boolean(),
    scoreRead: z.number().min(0, 'a score is 0–100 %').max(100, 'a score is 0–100 %').nullable(),
    courseShown: z.string().trim().max(300).nullable(),
    moduleShown: z.string().trim().max(300).nullable(),
  })
  .strict();
export type ScreenshotReviewInput = z.input<typeof ScreenshotReviewInput>;

const ByAttachment = z.object({ attachmentId: Id }).strict();

export const evidenceChannels = {
  'screenshots.gallery': { kind: 'query', input: ScreenshotGalleryScope, output: ScreenshotGallery },
  'screenshots.open': { kind: 'query', input: ByAttachment, output: ScreenshotView },
  /** Runs OCR on the checked bytes (off the UI thread) and proposes what the screen says. */
  'screenshots.readScore': { kind: 'command', input: ByAttachment, output: ScreenshotScoreProposal },
  'screenshots.review': { kind: 'command', input: ScreenshotReviewInput, output: ShownScreenshotReview },
  /** Download an unavailable or refused-for-hash attachment again now. */
  'screenshots.retry': { kind: 'command', input: ByAttachment, output: ScreenshotTile },
} as const satisfies Record<string, ChannelSpec>;

/** Pushed when downloads or reviews change tiles, so open galleries refresh. */
export const ScreenshotsChanged = z.object({ attachmentIds: z.array(Id).max(10_000) });
export type ScreenshotsChanged = z.infer<typeof ScreenshotsChanged>;
