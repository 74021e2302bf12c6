import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";

/** Deletes a profile and its secret (the backend refuses the built-in sandbox). */
export function useDeleteProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string) => unwrap(commands.profilesDelete(profileId)),
    onSuccess: async (_, profileId) => {
      queryClient.removeQueries({ queryKey: queryKeys.account(profileId) });
      // Deleting the active profile makes the backend switch to another one.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.profiles() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.activeProfile() }),
      ]);
    },
  });
}
