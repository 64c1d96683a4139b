import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";

const officeRules = Object.fromEntries(Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "error"]));

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "out/**", "node_modules/**", "coverage/**", "test-results/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "no-throw-literal": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      complexity: ["warn", 20],
      "max-lines-per-function": ["warn", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The Office.js rules read `x.y` after `load` as a proxy access: meant for code that talks to Excel.
    files: ["src/excel/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    rules: officeRules,
  },
  {
    // The domain is pure: no Office.js, React, file library or Node built-in.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "os", "crypto", "zlib", "child_process"], message: "The domain is pure: no Node built-ins." },
            { group: ["react", "react-dom", "@fluentui/*"], message: "The domain does not know the UI." },
            { group: ["exceljs", "@e965/xlsx", "fflate"], message: "File formats belong in src/files." },
            { group: ["**/excel/*", "**/files/*", "**/cli/*", "**/taskpane/*", "**/commands/*"], message: "The domain imports no adapter or face." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "OfficeExtension"],
    },
  },
  {
    files: ["tests/**/*.{ts,tsx}", "tests-e2e/**/*.{ts,tsx}", "scripts/**/*.{ts,js,mjs}"],
    rules: { "max-lines-per-function": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
