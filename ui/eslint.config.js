import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  // bindings.gen.ts is generated from the Rust commands (`npm run codegen`) and never edited by hand.
  globalIgnores(["dist", "dist-mock", "pagetests/out", "src/bindings.gen.ts"]),
  {
    files: ["**/*.{ts,tsx}"],
    extends: [js.configs.recommended, tseslint.configs.recommended, reactHooks.configs.flat.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
    },
  },
  {
    files: ["vite.config.ts", "vite.mock.config.ts", "eslint.config.js", "pagetests/**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
]);
