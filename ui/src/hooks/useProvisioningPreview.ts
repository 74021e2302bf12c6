import { useMutation } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Asks Sendblue for a ten-minute offer of a new line (nothing is charged yet). */
export function useProvisioningPreview() {
  return useMutation({
    mutationFn: () => unwrap(commands.provisioningPreview()),
  });
}
