import { useState } from "react";
import type { AppError_Serialize } from "../bindings.gen.ts";
import { toAppError } from "../ipc.ts";
import { useSendNeedsConfirmation } from "./useSendNeedsConfirmation.ts";

export interface LiveConfirmedSend<T> {
  /** Checks whether the Live confirmation is needed, then asks for it or sends. */
  start: (item: T, options?: { skipCheck?: boolean }) => Promise<void>;
  /** What waits for the person's "Send it" (`null`: nothing). */
  confirming: T | null;
  /** The person said "Send it": sends what waited, with `confirmLive`. */
  confirm: () => Promise<void>;
  /** The person said no. */
  cancel: () => void;
}

/**
 * The send-with-Live-confirmation flow shared by Compose and a conversation's reply box: the first
 * send per run from a Live profile waits for the person's OK (`profiles_send_needs_confirmation`);
 * a send the backend still refuses for want of it (`confirm_live`) asks again instead of failing.
 * `send` does the sending (and what follows a success); `onError` gets every other failure,
 * including a failed check.
 */
export function useLiveConfirmedSend<T>(
  send: (item: T, confirmLive: boolean) => Promise<unknown>,
  onError: (error: AppError_Serialize, item: T) => void,
): LiveConfirmedSend<T> {
  const needsConfirmation = useSendNeedsConfirmation();
  const [confirming, setConfirming] = useState<T | null>(null);

  async function run(item: T, confirmLive: boolean) {
    try {
      await send(item, confirmLive);
    } catch (cause) {
      const error = toAppError(cause);
      if (error.code === "Validation" && error.detail?.field === "confirm_live") {
        setConfirming(item);
        return;
      }
      onError(error, item);
    }
  }

  async function start(item: T, options?: { skipCheck?: boolean }) {
    if (!options?.skipCheck) {
      try {
        if (await needsConfirmation()) {
          setConfirming(item);
          return;
        }
      } catch (cause) {
        onError(toAppError(cause), item);
        return;
      }
    }
    await run(item, false);
  }

  async function confirm() {
    const item = confirming;
    setConfirming(null);
    if (item !== null) await run(item, true);
  }

  return { start, confirming, confirm, cancel: () => setConfirming(null) };
}
