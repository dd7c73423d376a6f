// ESLint flat config: typescript-eslint recommended + the Office add-in rules
// (eslint-plugin-office-addins, as office-addin-lint uses them) + React hooks, with
// Prettier owning formatting. Room boundaries are enforced here and by tsconfig.engine.json.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";

const hostImports = {
  patterns: [
    {
      group: [
        "react",
        "react-dom",
        "@fluentui/*",
        "office-*",
        "exceljs",
        "papaparse",
        "commander",
        "node:*",
        "fs",
        "path",
      ],
      message: "src/engine is host-free: no UI, Office, file or Node imports.",
    },
  ],
};

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "out/", "coverage/", "docs/", "test/stubs/", "**/*.js", "!eslint.config.mjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-empty-load": "error",
    },
  },
  {
    files: ["src/**/*.tsx", "test/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  { files: ["src/engine/**/*.ts"], rules: { "no-restricted-imports": ["error", hostImports] } },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
    },
  },
  prettier,
);
