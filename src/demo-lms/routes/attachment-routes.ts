// Ticket attachments: the metadata, and the bytes with their stored Content-Type and the
// sha256 as ETag, so a client can check what it got and skip what it already has.
import { AttachmentResponse } from '../../shared/lms/api';
import type { Attachment } from '../../shared/lms/entities';
import { notFound } from '../http/api-error';
import { json, type Reply } from '../http/reply';
import { header, param, type Handler, type LmsState } from './lms-context';

function loadAttachment(lms: LmsState, id: string): Attachment {
  const attachment = lms.store.get('attachment', id);
  if (!attachment) throw notFound(`There is no attachment ${id}.`);
  return attachment;
}

export const getAttachment: Handler = (ctx, lms) => json(AttachmentResponse, { attachment: loadAttachment(lms, param(ctx, 'id')) });

export const getAttachmentContent: Handler = (ctx, lms): Reply => {
  const attachment = loadAttachment(lms, param(ctx, 'id'));
  const etag = `"${attachment.sha256}"`;
  const headers = { etag, 'cache-control': 'private, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' };
  if (header(ctx, 'if-none-match') === etag) return { status: 304, headers, body: Buffer.alloc(0) };
  const blob = lms.blobs.get(attachment.sha256);
  if (!blob) throw notFound(`The bytes of attachment ${attachment.id} are missing on the server; ask the learner to send the file again.`);
  return { status: 200, headers: { ...headers, 'content-type': attachment.contentType }, body: blob.bytes };
};
