/** Two hex digits of each byte value, so a digest is written without a string per byte. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/** Hex SHA-256 (Web Crypto: the same in workerd and Node). Tokens and activation codes are stored only as this. */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", typeof data === "string" ? new TextEncoder().encode(data) : data));
  let hex = "";
  for (const byte of digest) hex += HEX[byte]!;
  return hex;
}
