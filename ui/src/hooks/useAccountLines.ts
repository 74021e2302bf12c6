import type { LineState_Serialize } from "../bindings.gen.ts";
import type { AppErrorThrown } from "../ipc.ts";
import { useLineState } from "./useLineState.ts";
import { useLines } from "./useLines.ts";

/** One of the account's lines, with its health when Sendblue reports it. */
export interface AccountLine {
  /** The phone number (E.164); the worker id for a line that has no number yet. */
  number: string;
  /** True when `number` is a real phone number (a line can send). */
  hasNumber: boolean;
  /** ONLINE, DEGRADED, OFFLINE; `null` when not reported. */
  status: string | null;
  /** The state snapshot's entry; `null` for lines only in the plain list. */
  state: LineState_Serialize | null;
}

export interface AccountLines {
  lines: AccountLine[] | undefined;
  isPending: boolean;
  isFetching: boolean;
  isError: boolean;
  error: AppErrorThrown | null;
  /** True when no health is available (the state snapshot couldn't be read). */
  fromPlainList: boolean;
  retry: () => void;
}

/** The plain list and the state snapshot merged (either may be missing), snapshot order first. */
export function mergeLines(numbers: readonly string[] | undefined, states: readonly LineState_Serialize[] | undefined): AccountLine[] {
  const out: AccountLine[] = [];
  const seen = new Set<string>();
  for (const state of states ?? []) {
    const number = state.sendblue_number ?? state.worker_id;
    if (seen.has(number)) continue;
    seen.add(number);
    out.push({ number, hasNumber: Boolean(state.sendblue_number), status: state.status && state.status !== "UNKNOWN" ? state.status : null, state });
  }
  for (const number of numbers ?? []) {
    if (seen.has(number)) continue;
    seen.add(number);
    out.push({ number, hasNumber: true, status: null, state: null });
  }
  return out;
}

/**
 * The account's lines for every page (`lines_state` merged with `lines_list`): the state snapshot
 * with each line's health; the plain list of numbers when the snapshot can't be read (an older
 * account or plan). `withList` also reads the plain list when the snapshot works, to show lines
 * the snapshot leaves out (the Lines page).
 */
export function useAccountLines({ withList = false }: { withList?: boolean } = {}): AccountLines {
  const state = useLineState();
  const plain = useLines({ enabled: withList || state.isError });
  const retry = () => {
    void state.refetch();
    if (withList || state.isError) void plain.refetch();
  };

  if (state.isSuccess) {
    return {
      lines: mergeLines(withList ? plain.data : undefined, state.data.data),
      isPending: false,
      isFetching: state.isFetching || (withList && plain.isFetching),
      isError: false,
      error: null,
      fromPlainList: false,
      retry,
    };
  }
  if (!state.isError) {
    return { lines: undefined, isPending: true, isFetching: state.isFetching, isError: false, error: null, fromPlainList: false, retry };
  }
  return {
    lines: plain.data ? mergeLines(plain.data, undefined) : undefined,
    isPending: plain.isPending,
    isFetching: state.isFetching || plain.isFetching,
    isError: plain.isError,
    error: plain.error,
    fromPlainList: true,
    retry,
  };
}
