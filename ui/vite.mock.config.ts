// The page tests' build: the real page over the fake backend of src/test/ (src/mock/main.tsx),
// written to dist-mock/ so the app's dist/ never contains the fake. `npm run pagetest` builds it.
import { defineConfig, mergeConfig } from "vite";
import base from "./vite.config.ts";

export default mergeConfig(
  base,
  defineConfig({
    build: {
      outDir: "dist-mock",
      emptyOutDir: true,
      sourcemap: true,
      // One bundle with the fake backend in it; it is never shipped, so its size doesn't matter.
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: "mock.html" },
    },
  }),
);
