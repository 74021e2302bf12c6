import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { createQueryClient } from "../queryClient.ts";
import { appError, installBackend } from "../test/backend.ts";
import { useAddProfile } from "./useAddProfile.ts";
import { useAddWebhook } from "./useAddWebhook.ts";
import { useReplaceWebhooks } from "./useReplaceWebhooks.ts";
import { useSetProfileSecret } from "./useSetProfileSecret.ts";
import { useTestNewProfile } from "./useTestNewProfile.ts";

const SECRET = "sb-secret-5f1c0d7e";

function heldSecrets(queryClient: QueryClient): boolean {
  return queryClient
    .getMutationCache()
    .getAll()
    .some((m) => JSON.stringify(m.state.variables ?? null).includes(SECRET));
}

function setup<T extends { mutateAsync: (v: never) => Promise<unknown> }>(useHook: () => T) {
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const view = renderHook(useHook, { wrapper });
  return { queryClient, view };
}

const newProfile = { name: "Acme", base_url: "https://api.sendblue.co", key_id: "k1", secret: SECRET, kind: "Live" as const };

const cases: Array<[string, () => { mutateAsync: (v: never) => Promise<unknown> }, unknown]> = [
  ["useAddProfile", useAddProfile, newProfile],
  ["useTestNewProfile", useTestNewProfile, newProfile],
  ["useSetProfileSecret", useSetProfileSecret, { profileId: "sandbox", secret: SECRET }],
  ["useAddWebhook", useAddWebhook, { type: "receive", webhooks: [{ url: "https://example.com/h", secret: SECRET }], globalSecret: SECRET }],
  ["useReplaceWebhooks", useReplaceWebhooks, { receive: [{ url: "https://example.com/h", secret: SECRET }] }],
];

describe("mutations that carry a secret", () => {
  it.each(cases)("%s leaves no secret in the mutation cache once it settles", async (_name, useHook, variables) => {
    installBackend();
    const { queryClient, view } = setup(useHook);
    await act(async () => {
      await view.result.current.mutateAsync(variables as never);
    });
    await waitFor(() => expect(heldSecrets(queryClient)).toBe(false));
    // The form still sees how it went.
    expect((view.result.current as unknown as { isSuccess: boolean }).isSuccess).toBe(true);
  });

  it("forgets the secret after a failure too, and keeps the error for the form", async () => {
    const backend = installBackend();
    backend.on("profiles_test_new", () => {
      throw appError("Unauthorized", "Sendblue didn't accept this key id and secret.");
    });
    const { queryClient, view } = setup(useTestNewProfile);
    await act(async () => {
      await view.result.current.mutateAsync(newProfile).catch(() => undefined);
    });
    await waitFor(() => expect(view.result.current.isError).toBe(true));
    expect(view.result.current.error?.message).toBe("Sendblue didn't accept this key id and secret.");
    expect(heldSecrets(queryClient)).toBe(false);
  });

  it("other mutations stay in the cache as usual", async () => {
    const queryClient = createQueryClient();
    const mutation = queryClient.getMutationCache().build(queryClient, { mutationKey: ["plain"], mutationFn: () => Promise.resolve(1) });
    await mutation.execute({ note: SECRET });
    expect(heldSecrets(queryClient)).toBe(true);
  });
});
