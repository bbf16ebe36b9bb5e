import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
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
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    ignores: ["node_modules/**", ".next/**", "data/**", "coverage/**", "next-env.d.ts", "db/migrations/**"],
  },
];

export default eslintConfig;
