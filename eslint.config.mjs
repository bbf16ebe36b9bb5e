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
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
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
