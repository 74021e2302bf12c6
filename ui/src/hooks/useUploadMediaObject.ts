import { useMutation } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Has Sendblue fetch a file from a link (a signed one, say) and keep a copy (`media_upload_media_object`). */
export function useUploadMediaObject() {
  return useMutation({
    mutationFn: (mediaUrl: string) => unwrap(commands.mediaUploadMediaObject(mediaUrl)),
  });
}
