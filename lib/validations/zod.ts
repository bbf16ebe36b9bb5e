import { z } from "zod";

// Zod compiles an object's parser with `new Function` where it may, and finds out whether
// it may by trying once, when the first object schema is built. Every page's
// Content-Security-Policy forbids eval, so in the browser the try is blocked and reported
// as a violation. There it parses without compiling and never tries; the server keeps the
// compiled parsers. Schemas import `z` from here so that this runs before any is built.
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
