/**
 * Receipt codes: what a voter keeps to check that their ballot was counted. Crockford's
 * base32 leaves out I, L, O and U, so a code read aloud or copied by hand from an email
 * survives the usual mix-ups; 80 random bits make guessing someone else's code hopeless.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const RECEIPT_CODE_BYTES = 10;
const CHARACTERS = (RECEIPT_CODE_BYTES * 8) / 5;

/** The code for 10 random bytes (node:crypto's, on the server), as "7KQ2-M9XD-4HTR-PB3W". */
export function formatReceiptCode(bytes: Uint8Array): string {
  if (bytes.length !== RECEIPT_CODE_BYTES) throw new RangeError(`A receipt code takes ${RECEIPT_CODE_BYTES} bytes, not ${bytes.length}.`);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let shift = BigInt(CHARACTERS * 5 - 5); shift >= 0n; shift -= 5n) code += ALPHABET[Number((bits >> shift) & 31n)];
  return code.match(/.{4}/g)!.join("-");
}

/**
 * A code as someone typed it, in the form it is stored and shown, or null when it cannot be
 * one: case, spaces and dashes do not matter, and O, I and L are read as the digits they
 * look like, as Crockford's decoding rules ask.
 */
export function normaliseReceiptCode(text: string): string | null {
  const plain = text
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (plain.length !== CHARACTERS || [...plain].some((character) => !ALPHABET.includes(character))) return null;
  return plain.match(/.{4}/g)!.join("-");
}
