// The compose attachment's upload: the SMS size limit goes to the backend (checked before
// uploading), its refusal shows in plain words, and an upload in progress can be stopped.
import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AttachmentPanel, uploadLimitFor } from "../pages/compose/AttachmentPanel.tsx";
import type { ServiceGuess } from "../pages/compose/media.ts";
import { createQueryClient } from "../queryClient.ts";
import { appError, installBackend } from "../test/backend.ts";

function sendOnChannel(channel: unknown, index: number, message: unknown): void {
  const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } }).__TAURI_INTERNALS__;
  internals.runCallback((channel as { id: number }).id, { index, message });
}

function renderPanel(service: ServiceGuess) {
  const onAttach = vi.fn();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <AttachmentPanel attachment={null} onAttach={onAttach} link={null} onLinkChange={() => undefined} service={service} />
    </QueryClientProvider>,
  );
  return { onAttach, user: userEvent.setup() };
}

const TOO_BIG = "This file is 7.2 MB. Text messages (SMS) can carry files up to 5 MB.";

describe("uploading an attachment", () => {
  it("on SMS, asks the backend to refuse files over 5 MB before uploading, and says so plainly", async () => {
    const backend = installBackend();
    backend.on("media_pick_and_upload", () => {
      throw appError("Validation", TOO_BIG, "file");
    });
    const { user, onAttach } = renderPanel("SMS");
    await user.click(screen.getByTestId("compose-attach-file"));

    expect(backend.callsTo("media_pick_and_upload")).toEqual([
      expect.objectContaining({ maxBytes: 5 * 1024 * 1024, carrier: "Text messages (SMS)", uploadId: expect.any(String) }),
    ]);
    expect((await screen.findByTestId("compose-upload-error")).textContent).toBe(`${TOO_BIG} Choose a smaller file.`);
    expect(onAttach).not.toHaveBeenCalled();
  });

  it("on iMessage, sends no limit of its own", async () => {
    const backend = installBackend();
    backend.on("media_pick_and_upload", () => null);
    const { user } = renderPanel("iMessage");
    await user.click(screen.getByTestId("compose-attach-file"));
    await waitFor(() => expect(backend.callsTo("media_pick_and_upload")).toHaveLength(1));
    expect(backend.callsTo("media_pick_and_upload")[0]).toMatchObject({ maxBytes: null, carrier: null });
    expect(uploadLimitFor("unknown")).toEqual({ maxBytes: null, carrier: null });
  });

  it("stops an upload in progress with Cancel: nothing is attached", async () => {
    const backend = installBackend();
    let stop: (() => void) | null = null;
    backend.on("media_pick_and_upload", (args) => {
      sendOnChannel(args.onProgress, 0, { sent: 1024 * 1024, total: 4 * 1024 * 1024 });
      return new Promise((resolve) => {
        stop = () => resolve(null);
      });
    });
    backend.on("media_cancel_upload", (args) => {
      expect(args.uploadId).toBe(backend.callsTo("media_pick_and_upload")[0]!.uploadId);
      stop?.();
      return true;
    });
    const { user, onAttach } = renderPanel("iMessage");
    await user.click(screen.getByTestId("compose-attach-file"));

    await user.click(await screen.findByRole("button", { name: "Cancel upload" }));
    expect(backend.callsTo("media_cancel_upload")).toHaveLength(1);
    expect((await screen.findByTestId("compose-upload-stopped")).textContent).toBe("Upload stopped. Nothing was attached.");
    expect(onAttach).not.toHaveBeenCalled();
    expect(screen.getByTestId("compose-attach-file")).toBeTruthy();
  });
});
