// What every send does to the caches: the new message's status is known at once (the status
// card starts from it), and the history reads are fetched again.
import type { QueryClient } from "@tanstack/react-query";
import type { MessageResponse_Serialize } from "../bindings.gen.ts";
import { queryKeys } from "../queryKeys.ts";

export function afterSend(queryClient: QueryClient, profileId: string | undefined, sent: MessageResponse_Serialize): void {
  if (!profileId) return;
  // Shown at once but marked old, so the status card reads it once more when it opens: an
  // event that came before the answer would otherwise be missed.
  queryClient.setQueryData(queryKeys.messageStatus(profileId, sent.message_handle), sent, { updatedAt: 0 });
  void queryClient.invalidateQueries({
    predicate: (q) => q.queryKey[0] === "account" && q.queryKey[1] === profileId && q.queryKey[2] === "messages" && q.queryKey[3] !== "status",
  });
}
