// A sent message's status (§2.2) in plain words, and where it stands on the way to the phone.
// The words are shared with every page (format/words.ts).
import type { BadgeTone } from "../../components/Badge.tsx";
import { messageStatusWords } from "../../format/words.ts";

export type StatusTone = BadgeTone;

export interface StatusView {
  /** What the person reads. */
  label: string;
  /** A sentence saying what it means. */
  description: string;
  tone: StatusTone;
  /** 0 waiting, 1 sent, 2 delivered; -1 failed. */
  step: number;
  /** No further change is expected. */
  final: boolean;
}

export function statusView(status: string): StatusView {
  const words = messageStatusWords(status);
  return { label: words.label, description: words.help, tone: words.tone, step: words.step, final: words.final };
}

export const STEPS = ["Waiting to send", "Sent", "Delivered"] as const;
