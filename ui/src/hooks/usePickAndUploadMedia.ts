import { useMutation } from "@tanstack/react-query";
import { Channel } from "@tauri-apps/api/core";
import { commands, type UploadProgress } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Limits and a handle for one upload. */
export interface PickAndUploadOptions {
  /** A bigger file is refused before anything is sent (e.g. 5 MB for a text message). */
  maxBytes?: number | null;
  /** What carries the file, as a sentence's subject for the refusal: "Text messages (SMS)". */
  carrier?: string | null;
  /** An id of the page's choosing: `useCancelUpload()` stops the upload by it. */
  uploadId?: string | null;
}

/**
 * Asks for a file in the native dialog and uploads it (`media_pick_and_upload`), calling
 * `onProgress` as it goes. Resolves with `null` when the person cancels the dialog or stops
 * the upload.
 */
export function usePickAndUploadMedia(onProgress: (progress: UploadProgress) => void) {
  return useMutation({
    mutationFn: (options: PickAndUploadOptions | void) => {
      const channel = new Channel<UploadProgress>(onProgress);
      return unwrap(
        commands.mediaPickAndUpload(channel, options?.maxBytes ?? null, options?.carrier ?? null, options?.uploadId ?? null),
      );
    },
  });
}
