import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { builtinModules } from "node:module";
import drizzle from "eslint-plugin-drizzle";


const eslintConfig = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // An update or delete without a where clause rewrites every row: forbid it.
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { drizzle },
    rules: {
      // `{ omitted, ...rest }` is how a field is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "executor"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "executor"] }],
    },
  },
  {
    // A prefetch of a page rendered per request is a full server render for a page the
    // visitor may never open: links to private and sign-in pages say prefetch={false}.
    files: ["**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...["Literal[value=/^\\/(staff|account|login)([/?#]|$)/]", "TemplateElement[value.raw=/^\\/(staff|account|login)([/?#]|$)/]"].map(
          (target) => ({
            selector: `JSXOpeningElement[name.name=/^(Link|NavLink|ButtonLink)$/]:not(:has(JSXAttribute[name.name='prefetch'])) > JSXAttribute[name.name='href'] ${target}`,
            message: "Links to private and sign-in pages must not prefetch: add prefetch={false}.",
          }),
        ),
      ],
    },
  },
  {
    // A deferred transaction that reads before it writes fails at once with SQLITE_BUSY
    // when another connection (the server's other work, `db:backup`, an import) wrote in
    // between: SQLite cannot wait out a read lock's upgrade. Every transaction starts
    // IMMEDIATE, taking the write lock first, where the busy timeout applies.
    files: ["app/**/*.ts", "lib/**/*.ts", "db/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='transaction']:not(:has(Property[key.name='behavior'][value.value='immediate']))",
          message: 'Start every transaction IMMEDIATE: pass { behavior: "immediate" }.',
        },
      ],
    },
  },
  {
    // lib/model is the pure floor: the browser, the schema and every layer above import it,
    // so it reaches nothing that needs the server, the database or Next. It imports only
    // itself and plain packages (zod, date-fns, slugify).
    files: ["lib/model/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: builtinModules.map((name) => ({ name, message: "lib/model is pure: no Node modules." })),
          patterns: [
            { regex: "^node:", message: "lib/model is pure: no Node modules." },
            { regex: "^(server-only|client-only)$", message: "lib/model is pure: it runs on the server and in the browser alike." },
            { regex: "^next(/|$)", message: "lib/model is pure: nothing of Next." },
            { regex: "^@/(?!lib/model/)", message: "lib/model imports only lib/model: move the pure part here, or the caller up a layer." },
            { regex: "^\\.\\./", message: "lib/model imports only lib/model (./name)." },
          ],
        },
      ],
    },
  },
  {
    // db/ is the floor under the app: queries and schema read the pure model, the form
    // schemas and the configuration, never the services above them. The command-line
    // entry points in db/cli/ put the layers together and may import anything.
    files: ["db/**"],
    ignores: ["db/cli/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/(?!lib/model/|lib/validations/|lib/env$|db(/|$))",
              message: "db/ imports only lib/model, lib/validations and lib/env: pass the value in, move the pure part to lib/model, or move the code up into lib/.",
            },
            { regex: "^(\\.\\./)+(lib|app|components)(/|$)", message: "db/ imports only lib/model, lib/validations and lib/env, through @/lib/…." },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    ignores: ["node_modules/**", ".next/**", "data/**", "coverage/**", "next-env.d.ts", "db/migrations/**", ".bench/**"],
  },
];

export default eslintConfig;
