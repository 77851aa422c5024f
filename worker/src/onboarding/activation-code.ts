import { ACTIVATION_CODE_ALPHABET, ACTIVATION_CODE_LENGTH, formatActivationCode } from "../../../shared/api-onboarding.ts";
import { sha256Hex } from "../sha256.ts";

/**
 * New activation codes and new tokens (Web Crypto only, so the Worker and the admin CLI
 * make them alike). A code is 10 symbols of 32 = 50 random bits: each random byte's low 5
 * bits pick a symbol, and 256 is a multiple of 32, so every symbol is equally likely.
 */
export function newActivationCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(ACTIVATION_CODE_LENGTH));
  return formatActivationCode([...bytes].map((b) => ACTIVATION_CODE_ALPHABET[b & 31]).join(""));
}

/** What D1 keeps of a code: the SHA-256 of its 10 symbols (normalised: no dashes, capitals). */
export const activationCodeHash = (symbols: string): Promise<string> => sha256Hex(symbols.replace(/-/g, ""));

/** A bearer token's secret, as the admin CLI makes them: "pi_" + 32 random bytes, base64url. */
export function newTokenSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const base64 = btoa(String.fromCharCode(...bytes));
  return `pi_${base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
}
