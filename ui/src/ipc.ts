// The one place that turns the generated commands' results into values or thrown errors.
// Pages and hooks call `commands.*` from bindings.gen.ts through `unwrap`; nothing calls
// `invoke` with a string name.
//
// The generated types come in pairs: `X_Serialize` is the shape Rust sends (what the page
// receives), `X_Deserialize` the shapes Rust accepts. The page reads `_Serialize` types.
import type { AppError_Serialize, ErrorCode } from "./bindings.gen.ts";

/** The shape every generated command returns. */
export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

/** An `AppError` from the backend, thrown so TanStack Query carries it as a typed error. */
export class AppErrorThrown extends Error {
  readonly appError: AppError_Serialize;

  constructor(appError: AppError_Serialize) {
    super(appError.message);
    this.name = "AppErrorThrown";
    this.appError = appError;
  }

  get code(): ErrorCode {
    return this.appError.code;
  }

  /** The field at fault, for validation errors (`name`, `base_url`, …). */
  get field(): string | null {
    return this.appError.detail?.field ?? null;
  }
}

/** Resolves with the command's data, or throws an `AppErrorThrown`. */
export async function unwrap<T>(pending: Promise<Result<T, AppError_Serialize>>): Promise<T> {
  let result: Result<T, AppError_Serialize>;
  try {
    result = await pending;
  } catch (cause) {
    // The generated wrapper rethrows JavaScript errors (the IPC bridge itself failed).
    throw new AppErrorThrown(unexpected(cause));
  }
  if (result.status === "ok") return result.data;
  throw new AppErrorThrown(isAppError(result.error) ? result.error : unexpected(result.error));
}

/** The AppError behind anything a query or mutation threw. */
export function toAppError(error: unknown): AppError_Serialize {
  if (error instanceof AppErrorThrown) return error.appError;
  return unexpected(error);
}

function isAppError(value: unknown): value is AppError_Serialize {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

// Tauri rejects with a bare string when a command can't even start (say, arguments that don't
// deserialize). That's a bug in the console, not the person's doing: say so, keep the detail.
function unexpected(cause: unknown): AppError_Serialize {
  const text = cause instanceof Error ? cause.message : typeof cause === "string" ? cause : JSON.stringify(cause);
  return {
    code: "Decode",
    message: "The console ran into an unexpected problem. Please report it with Export diagnostics.",
    detail: {
      status: null,
      error_code: null,
      message: text ?? null,
      field: null,
      retry_after_ms: null,
      excerpt: null,
    },
  };
}
