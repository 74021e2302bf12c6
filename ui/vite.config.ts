import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The Tauri shell loads the built page from ../ui/dist (no dev server needed for a build).
// `npm run dev` serves on one fixed port so a later `devUrl` can point at it.
const DEV_PORT = 1420;

export default defineConfig({
  plugins: [react()],
  // Keep Rust's compiler output visible when both run in one terminal.
  clearScreen: false,
  // Only these variables reach the page; nothing else from the environment leaks into the bundle.
  envPrefix: ["VITE_", "TAURI_ENV_"],
  server: {
    port: DEV_PORT,
    strictPort: true,
    watch: { ignored: ["**/src-tauri/**", "**/target/**"] },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: Boolean(process.env.TAURI_ENV_DEBUG),
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
  },
});
