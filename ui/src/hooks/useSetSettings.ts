import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type SettingsChange_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";

/** Changes some settings (the others keep their value); the answer is every setting now. */
export function useSetSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: SettingsChange_Deserialize) => unwrap(commands.settingsSet(change)),
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKeys.settings(), settings);
    },
  });
}
