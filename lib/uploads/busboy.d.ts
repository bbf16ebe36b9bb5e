// Next.js ships busboy 1.x, compiled, for its own server actions (next/dist/compiled/busboy,
// without types). These are the parts of its API the upload routes use.
declare module "next/dist/compiled/busboy" {
  import type { Readable, Writable } from "node:stream";

  export type BusboyLimits = { fieldSize?: number; fields?: number; fileSize?: number; files?: number; parts?: number; headerPairs?: number };
  export type BusboyFileInfo = { filename: string | undefined; encoding: string; mimeType: string };
  export type BusboyFieldInfo = { nameTruncated: boolean; valueTruncated: boolean; encoding: string; mimeType: string };
  /** A file part's content; `truncated` once it reached `limits.fileSize` (the rest of the part is skipped). */
  export type BusboyFileStream = Readable & { truncated: boolean };

  export interface Busboy extends Writable {
    on(event: "file", listener: (name: string, stream: BusboyFileStream, info: BusboyFileInfo) => void): this;
    on(event: "field", listener: (name: string, value: string, info: BusboyFieldInfo) => void): this;
    on(event: "error", listener: (error: Error) => void): this;
    on(event: string | symbol, listener: (...args: unknown[]) => void): this;
  }

  export default function busboy(config: {
    headers: Record<string, string>;
    limits?: BusboyLimits;
    defCharset?: string;
    defParamCharset?: string;
    preservePath?: boolean;
    highWaterMark?: number;
    fileHwm?: number;
  }): Busboy;
}
