import type { CSSProperties } from "react";
import { cx } from "./cx.ts";

export interface SkeletonProps {
  width?: CSSProperties["width"];
  height?: CSSProperties["height"];
  className?: string;
  testId?: string;
  /** Read to screen readers instead of the shimmer. */
  label?: string;
}

/** A placeholder with the rough shape of content that is still loading. */
export function Skeleton({ width, height, className, testId, label = "Loading…" }: SkeletonProps) {
  return (
    <span
      className={cx("skeleton", className)}
      style={{ width, height }}
      data-testid={testId}
      data-loading="true"
    >
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
