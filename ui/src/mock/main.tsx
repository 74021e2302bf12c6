// The page over a fake backend, for the page tests in a browser (pagetests/, `npm run pagetest`).
// Built only by vite.mock.config.ts into dist-mock/; the app's own build never includes it.
import { emit } from "@tauri-apps/api/event";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "../App.tsx";
import { PAGES } from "../pages/registry.ts";
import { installBackend, type BackendState, type FakeBackend } from "../test/backend.ts";
import { installMockBehaviour, seedMockState } from "./seed.ts";
import "../styles/index.css";

declare global {
  interface Window {
    /** The fake backend: specs read `__backend.callsTo("cmd")` and change `__backend.state`. */
    __backend?: FakeBackend;
    /** The pages that exist, for the specs (`[{ id, label }]`). */
    __pages?: Array<{ id: string; label: string }>;
    /** Set by a spec's init script to change the seeded state before the page starts. */
    __mockSetup?: (state: BackendState) => void;
    /** Set by a spec's init script to replace commands (`backend.on(...)`) before the page starts. */
    __mockBackend?: (backend: FakeBackend) => void;
    /** Emits a backend event as the app would (`__emit("activity", {...})`). */
    __emit?: typeof emit;
  }
}

const backend = installBackend((state) => {
  seedMockState(state);
  window.__mockSetup?.(state);
});
installMockBehaviour(backend);
window.__mockBackend?.(backend);
window.__backend = backend;
window.__emit = emit;
window.__pages = PAGES.map((p) => ({ id: p.id, label: p.label }));

const root = document.getElementById("root");
if (!root) throw new Error("mock.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
