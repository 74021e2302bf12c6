import type { HTMLAttributes } from "react";
import { cx } from "./cx.ts";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger" | "live";

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
}

export function Badge({ tone = "neutral", className, ...rest }: BadgeProps) {
  return <span className={cx("badge", `badge--${tone}`, className)} {...rest} />;
}
