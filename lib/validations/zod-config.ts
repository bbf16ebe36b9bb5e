import { config } from "zod";

// Zod compiles an object's parser with `new Function` where it may, and finds out whether
// it may by trying once, when the first object schema is built. Every page's
// Content-Security-Policy forbids eval, so in the browser the try is blocked and reported
// as a violation. There it parses without compiling and never tries; the server keeps the
// compiled parsers. Every module that builds a schema imports this one, so it runs first.
// (It only configures: re-exporting `z` from here would make the bundler keep all of zod,
// locales included, three times the code the schemas use.)
if (typeof window !== "undefined") config({ jitless: true });
