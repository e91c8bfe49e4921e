// Turns the checked bytes main sent (base64) into a blob: URL for an <img>. Only bytes main
// downloaded, verified against their sha256 and checked for type, size and pixel count ever
// arrive here; the renderer never loads a picture from anywhere else.

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function blobUrlOf(base64: string, type: string): string {
  return URL.createObjectURL(new Blob([base64ToBytes(base64)], { type }));
}
