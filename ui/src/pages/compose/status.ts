// A sent message's status (§2.2) in plain words, and where it stands on the way to the phone.

export type StatusTone = "neutral" | "info" | "success" | "danger";

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
  switch (status) {
    case "REGISTERED":
    case "PENDING":
    case "QUEUED":
      return { label: "Waiting to send", description: "Sendblue has the message and is about to send it.", tone: "info", step: 0, final: false };
    case "ACCEPTED":
      return { label: "On its way", description: "Handed to the phone network.", tone: "info", step: 0, final: false };
    case "SENT":
      return { label: "Sent", description: "Sent; waiting for their phone to confirm.", tone: "info", step: 1, final: false };
    case "DELIVERED":
      return { label: "Delivered", description: "It reached their phone.", tone: "success", step: 2, final: true };
    case "READ":
      return { label: "Read", description: "They have read it.", tone: "success", step: 2, final: true };
    case "DECLINED":
      return { label: "Not sent", description: "Sendblue refused to send it.", tone: "danger", step: -1, final: true };
    case "ERROR":
      return { label: "Failed", description: "It couldn't be sent.", tone: "danger", step: -1, final: true };
    default:
      return { label: status, description: "", tone: "neutral", step: 0, final: false };
  }
}

export const STEPS = ["Waiting to send", "Sent", "Delivered"] as const;
