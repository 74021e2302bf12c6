import { useMutation } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";

/**
 * Stops an upload started with this `uploadId` (`media_cancel_upload`); nothing is kept on
 * Sendblue. Resolves `false` when it had already ended.
 */
export function useCancelUpload() {
  return useMutation({
    mutationFn: (uploadId: string) => commands.mediaCancelUpload(uploadId),
  });
}
