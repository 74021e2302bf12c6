import { useLines } from "../../hooks/useLines.ts";
import { useLineState } from "../../hooks/useLineState.ts";
import type { AppErrorThrown } from "../../ipc.ts";
import { rowsFromNumbers, rowsFromState, type LineRow } from "./lineRows.ts";

export interface OverviewLines {
  rows: LineRow[] | undefined;
  isPending: boolean;
  isFetching: boolean;
  isError: boolean;
  error: AppErrorThrown | null;
  /** True when the rows came from the plain list (no health available). */
  fromPlainList: boolean;
  retry: () => void;
}

/**
 * The lines with their health from the state snapshot; when that read fails (an older account
 * or plan without it), the plain list of numbers instead.
 */
export function useOverviewLines(): OverviewLines {
  const state = useLineState();
  const plain = useLines({ enabled: state.isError });

  if (state.isSuccess) {
    return {
      rows: rowsFromState(state.data.data),
      isPending: false,
      isFetching: state.isFetching,
      isError: false,
      error: null,
      fromPlainList: false,
      retry: () => void state.refetch(),
    };
  }
  if (!state.isError) {
    return { rows: undefined, isPending: true, isFetching: state.isFetching, isError: false, error: null, fromPlainList: false, retry: () => undefined };
  }
  const retry = () => {
    void state.refetch();
    void plain.refetch();
  };
  return {
    rows: plain.data ? rowsFromNumbers(plain.data) : undefined,
    isPending: plain.isPending,
    isFetching: state.isFetching || plain.isFetching,
    isError: plain.isError,
    error: plain.error,
    fromPlainList: true,
    retry,
  };
}
