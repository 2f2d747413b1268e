// btoa/atob speak Latin-1; these speak UTF-8, and exist in browsers and Node alike (no Buffer).
export function encodeBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The decoded text, or undefined when the input is not base64. */
export function decodeBase64(b64: string): string | undefined {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
