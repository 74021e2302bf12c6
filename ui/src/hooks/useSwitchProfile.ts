import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";

/** Makes another profile the active one; every account query refetches under its id. */
export function useSwitchProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string) => unwrap(commands.profilesSwitch(profileId)),
    onSuccess: async (view) => {
      queryClient.setQueryData(queryKeys.activeProfile(), view);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.profiles() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.activeProfile() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.account(view.profile.id) }),
      ]);
    },
  });
}
