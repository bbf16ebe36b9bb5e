// @ts-check
const nextJest = require("next/jest");

const createJestConfig = nextJest({ dir: __dirname });

/** @type {import('jest').Config} */
const shared = {
  moduleNameMapper: {
    "^@/(.*)$": "<rootDir>/$1",
    // "server-only" throws outside a React Server Components bundle; tests import query
    // modules directly, so it resolves to an empty module here.
    "^server-only$": "<rootDir>/__tests__/helpers/empty-module.js",
  },
};

/** @param {import('jest').Config} config */
const project = (config) => createJestConfig({ ...shared, ...config })();

/** @type {() => Promise<import('jest').Config>} */
module.exports = async () => ({
  // Every temporary folder of a run goes inside one, removed at the end (helpers/run-folder.ts).
  globalSetup: "<rootDir>/__tests__/helpers/global-setup.ts",
  globalTeardown: "<rootDir>/__tests__/helpers/global-teardown.ts",
  // `npm test` ends with a summary of the lines of lib/ and db/ that the tests ran in
  // jest's own processes (the http suite's portal runs apart). Instrumented as the files
  // are compiled ("babel", the default): measured +3 s on the unit, db and components
  // projects, where the v8 provider's conversion took +150 s (2026-12-06).
  collectCoverageFrom: ["<rootDir>/lib/**/*.{ts,tsx,js}", "<rootDir>/db/**/*.ts", "!**/*.d.ts"],
  coverageReporters: ["text-summary"],
  projects: await Promise.all([
    project({
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/__tests__/unit/**/*.test.ts"],
      setupFiles: ["<rootDir>/__tests__/helpers/temporary-data-dir.ts"],
    }),
    project({
      // A fresh SQLite file per test file, migrated by the real migrations.
      displayName: "db",
      testEnvironment: "node",
      testMatch: ["<rootDir>/__tests__/db/**/*.test.ts"],
      setupFiles: ["<rootDir>/__tests__/helpers/fresh-database.ts"],
    }),
    project({
      displayName: "components",
      testEnvironment: "jsdom",
      // Rendering a form in jsdom takes a few seconds when two workers, the http suite's
      // portals and coverage share two cores: 5 s (jest's default) was seen to run out.
      testTimeout: 20_000,
      testMatch: ["<rootDir>/__tests__/components/**/*.test.tsx"],
      setupFiles: ["<rootDir>/__tests__/helpers/temporary-data-dir.ts"],
      setupFilesAfterEnv: ["<rootDir>/__tests__/helpers/jest-dom.ts"],
    }),
    project({
      // One production build, and one `next start` per jest worker, spoken to over HTTP.
      displayName: "http",
      testEnvironment: "node",
      testMatch: ["<rootDir>/__tests__/http/**/*.test.ts"],
      setupFiles: ["<rootDir>/__tests__/helpers/portal-lane.ts", "<rootDir>/__tests__/helpers/retry-on-closed-connection.ts"],
      globalSetup: "<rootDir>/__tests__/helpers/portal-global-setup.ts",
      globalTeardown: "<rootDir>/__tests__/helpers/portal-global-teardown.ts",
    }),
    project({
      // `npm run test:load`: each file starts the portals it needs (load, crash, full disk, read-only, restore).
      displayName: "load",
      testEnvironment: "node",
      testMatch: ["<rootDir>/__tests__/load/**/*.test.ts"],
    }),
    project({
      displayName: "browser",
      testEnvironment: "node",
      testMatch: ["<rootDir>/__tests__/browser/**/*.test.ts"],
      globalSetup: "<rootDir>/__tests__/helpers/browser-global-setup.ts",
      globalTeardown: "<rootDir>/__tests__/helpers/portal-global-teardown.ts",
    }),
  ]),
});
