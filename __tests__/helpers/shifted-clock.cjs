// Preloaded into a test portal (NODE_OPTIONS=--require) so that a test can move its clock
// forward, as the days pass for a real server: Date.now(), `new Date()` and
// performance.now() (which Next's page cache reads its time from) run ahead by the
// milliseconds written in $SHIFTED_CLOCK_FILE, read again every 200 ms. Nothing else of
// the server changes. The portal's own code never loads this file.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a --require preload is CommonJS
const fs = require("node:fs");

const file = process.env.SHIFTED_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  let offset = 0;
  const readOffset = () => {
    try {
      offset = Number(fs.readFileSync(file, "utf8")) || 0;
    } catch {
      offset = 0;
    }
  };
  readOffset();
  setInterval(readOffset, 200).unref();

  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(RealDate.now() + offset).toString();
    return args.length === 0 ? new RealDate(RealDate.now() + offset) : new RealDate(...args);
  }
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = () => RealDate.now() + offset;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  globalThis.Date = ShiftedDate;

  const realPerformanceNow = performance.now.bind(performance);
  Object.defineProperty(performance, "now", { value: () => realPerformanceNow() + offset, configurable: true, writable: true });
}
