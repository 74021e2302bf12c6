import { useMutation } from "@tanstack/react-query";
import { Channel } from "@tauri-apps/api/core";
import { commands, type UploadProgress } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/**
 * Asks for a file in the native dialog and uploads it (`media_pick_and_upload`), calling
 * `onProgress` as it goes. Resolves with `null` when the person cancels the dialog.
 */
export function usePickAndUploadMedia(onProgress: (progress: UploadProgress) => void) {
  return useMutation({
    mutationFn: () => {
      const channel = new Channel<UploadProgress>(onProgress);
      return unwrap(commands.mediaPickAndUpload(channel));
    },
  });
}
