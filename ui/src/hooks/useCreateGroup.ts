import { useMutation } from "@tanstack/react-query";
import { commands, type CreateGroup_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Creates a group chat without sending anything (`groups_create`); nothing cached changes. */
export function useCreateGroup() {
  return useMutation({
    mutationFn: (group: CreateGroup_Deserialize) => unwrap(commands.groupsCreate(group)),
  });
}
