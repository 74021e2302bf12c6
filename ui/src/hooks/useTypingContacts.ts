import { skipToken, useQuery } from "@tanstack/react-query";
import type { TypingState } from "../events.ts";
import { queryKeys } from "../queryKeys.ts";

const NOBODY: TypingState = {};

/** Who is typing to the account's lines right now (kept by activity events, never fetched). */
export function useTypingContacts(): TypingState {
  return useQuery<TypingState>({ queryKey: queryKeys.typing(), queryFn: skipToken }).data ?? NOBODY;
}
