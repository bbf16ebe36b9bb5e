// @ts-check
// The body sizes the server takes, in one place for next.config.js (CommonJS) and the
// server's own early check (lib/http/oversized-actions.ts).

/**
 * The largest body a server action takes: the longest text form (the monograph editor,
 * see next.config.js) fits. Files never go through actions.
 */
const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** The copy of a body proxy.ts may hold: a little over the actions' limit, so that an action still sees a body over it whole enough to refuse it. */
const PROXY_BODY_COPY_BYTES = ACTION_BODY_LIMIT_BYTES + 64 * 1024;

module.exports = { ACTION_BODY_LIMIT_BYTES, PROXY_BODY_COPY_BYTES };
