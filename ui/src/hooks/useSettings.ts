import { useQuery } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";

/** The app settings (default country, theme, notifications); kept fresh by `settingsChanged`. */
export function useSettings() {
  return useQuery({
    queryKey: queryKeys.settings(),
    queryFn: () => unwrap(commands.settingsGet()),
    staleTime: Infinity,
  });
}
