import { describe, expect, it } from "vitest";
import { commands } from "./bindings.gen.ts";
import { AppErrorThrown, toAppError, unwrap } from "./ipc.ts";
import { appError, installBackend, UNAUTHORIZED } from "./test/backend.ts";

describe("unwrap", () => {
  it("resolves with the data of an ok result", async () => {
    await expect(unwrap(Promise.resolve({ status: "ok" as const, data: 42 }))).resolves.toBe(42);
  });

  it("throws the AppError of an error result, code and field included", async () => {
    const error = appError("Validation", "The address must start with https://", "base_url");
    const thrown = await unwrap(Promise.resolve({ status: "error" as const, error })).catch((e: unknown) => e);

    expect(thrown).toBeInstanceOf(AppErrorThrown);
    const typed = thrown as AppErrorThrown;
    expect(typed.appError).toEqual(error);
    expect(typed.code).toBe("Validation");
    expect(typed.field).toBe("base_url");
    expect(typed.message).toBe("The address must start with https://");
  });

  it("runs the generated command against the backend and carries its AppError", async () => {
    const backend = installBackend();
    backend.on("contacts_count", () => {
      throw UNAUTHORIZED;
    });

    const thrown = await unwrap(commands.contactsCount()).catch((e: unknown) => e);

    expect(backend.callsTo("contacts_count")).toHaveLength(1);
    expect(toAppError(thrown)).toEqual(UNAUTHORIZED);
  });

  it("resolves with the generated command's data", async () => {
    installBackend((s) => {
      s.counts["p-sandbox"] = 9001;
    });
    await expect(unwrap(commands.contactsCount())).resolves.toBe(9001);
  });

  it("turns a bare string rejection (a command that couldn't start) into a reportable error", async () => {
    installBackend().on("contacts_count", () => {
      throw "invalid args `id` for command `contacts_count`";
    });

    const thrown = (await unwrap(commands.contactsCount()).catch((e: unknown) => e)) as AppErrorThrown;

    expect(thrown).toBeInstanceOf(AppErrorThrown);
    expect(thrown.code).toBe("Decode");
    expect(thrown.message).toMatch(/unexpected problem/);
    expect(thrown.appError.detail?.message).toContain("invalid args");
  });

  it("wraps a JavaScript error from the IPC bridge the same way", async () => {
    const thrown = (await unwrap(Promise.reject(new Error("bridge down"))).catch((e: unknown) => e)) as AppErrorThrown;
    expect(thrown).toBeInstanceOf(AppErrorThrown);
    expect(thrown.code).toBe("Decode");
    expect(thrown.appError.detail?.message).toBe("bridge down");
  });
});
