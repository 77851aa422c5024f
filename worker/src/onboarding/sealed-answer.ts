/**
 * An Idempotency-Key replay must repeat the first answer, but an issue of activation codes
 * answers the codes themselves, and a redeem the unit's token, which D1 must keep only
 * hashed. So those answers are stored sealed (AES-GCM) under a key derived from the caller's
 * secret and the Idempotency-Key: the same caller retrying with the same key can open it, a
 * copy of the database cannot. The caller's secret is its bearer secret for an issue (D1
 * holds only the token's hash) and, for a redeem, where there is no token yet, the code it
 * redeems (`codeSecret`; D1 holds only the code's hash, and the key only as a hash in the
 * token's id, onboarding/redeem.ts).
 */
const PREFIX = "sealed:v1:";
const encoder = new TextEncoder();

async function answerKey(callerSecret: string, idempotencyKey: string): Promise<CryptoKey> {
  const hmacKey = await crypto.subtle.importKey("raw", encoder.encode(callerSecret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const raw = await crypto.subtle.sign("HMAC", hmacKey, encoder.encode(`parindex sealed answer\u0000${idempotencyKey}`));
  return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

/** The secret a redeem's answer is sealed under: the code's symbols (normalised, so as typed does not matter), apart from any bearer secret. */
export const codeSecret = (symbols: string): string => `activation code\u0000${symbols}`;

/** Base64 in slices: spreading a whole answer of hundreds of codes into one call could exceed the argument limit. */
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x4000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x4000));
  return btoa(binary);
}
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

export async function sealAnswer(callerSecret: string, idempotencyKey: string, text: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await answerKey(callerSecret, idempotencyKey), encoder.encode(text)));
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return PREFIX + toBase64(out);
}

export async function openAnswer(callerSecret: string, idempotencyKey: string, stored: string): Promise<string> {
  if (!stored.startsWith(PREFIX)) throw new Error("not a sealed answer");
  const bytes = fromBase64(stored.slice(PREFIX.length));
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes.slice(0, 12) }, await answerKey(callerSecret, idempotencyKey), bytes.slice(12));
  return new TextDecoder().decode(plain);
}
