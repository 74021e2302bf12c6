import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appError, contact, installBackend } from "../../test/backend.ts";
import { renderApp } from "../../test/render.tsx";

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

async function chooseLine(user: ReturnType<typeof renderApp>["user"], number: string) {
  const button = (await screen.findAllByTestId("sharing-line")).find((b) => b.getAttribute("data-number") === number)!;
  await user.click(button);
  return button;
}

describe("the contact sharing page", { timeout: 20_000 }, () => {
  it("shows the first line's card, filled in, with a preview", async () => {
    const backend = installBackend();
    renderApp("/sharing");
    await screen.findByTestId("sharing-page");
    const lines = await screen.findAllByTestId("sharing-line");
    expect(lines.map((l) => l.getAttribute("data-number"))).toEqual(["+14155550100", "+14155550101"]);
    expect(lines[0]!.getAttribute("aria-current")).toBe("true");
    const name = (await screen.findByTestId("sharing-name")) as HTMLInputElement;
    expect(name.value).toBe("Acme");
    expect((screen.getByTestId("sharing-last-name") as HTMLInputElement).value).toBe("Support");
    expect((screen.getByTestId("sharing-display-name") as HTMLInputElement).value).toBe("Acme Support Desk");
    expect(screen.getByTestId("sharing-status").textContent).toBe("This line shares a contact card.");
    const preview = screen.getByTestId("sharing-preview");
    expect(within(preview).getByTestId("sharing-preview-name").textContent).toBe("Acme Support");
    expect(within(preview).getByTestId("sharing-preview-display-name").textContent).toBe("Acme Support Desk");
    expect(preview.textContent).toContain("Keeps the photo saved with Sendblue.");
    expect(backend.callsTo("sharing_state")).toEqual([{ fromNumber: "+14155550100" }]);
  });

  it("updates the preview as you type", async () => {
    installBackend();
    const { user } = renderApp("/sharing");
    const name = await screen.findByTestId("sharing-name");
    await user.clear(name);
    await user.type(name, "Zed");
    const preview = screen.getByTestId("sharing-preview");
    expect(within(preview).getByTestId("sharing-preview-name").textContent).toBe("Zed Support");
    await user.clear(screen.getByTestId("sharing-last-name"));
    expect(within(preview).getByTestId("sharing-preview-name").textContent).toBe("Zed");
    expect(within(preview).getByTestId("sharing-preview-initials").textContent).toBe("Z");
    await user.clear(screen.getByTestId("sharing-display-name"));
    expect(within(preview).queryByTestId("sharing-preview-display-name")).toBeNull();
    await user.type(screen.getByTestId("sharing-photo-url"), "https://cdn.example.com/logo.png");
    expect(within(preview).getByTestId("sharing-preview-photo").getAttribute("src")).toBe("https://cdn.example.com/logo.png");
  });

  it("checks the fields before saving, then saves the card", async () => {
    const backend = installBackend();
    const { user } = renderApp("/sharing");
    const name = await screen.findByTestId("sharing-name");
    await user.clear(name);
    await user.clear(screen.getByTestId("sharing-last-name"));
    await user.type(screen.getByTestId("sharing-photo-url"), "http://cdn.example.com/logo.png");
    await user.click(screen.getByTestId("sharing-save"));
    expect(screen.getByTestId("sharing-name-error").textContent).toBe("Give the card a first or last name — it's what people see.");
    expect(screen.getByTestId("sharing-photo-url-error").textContent).toMatch(/must start with https:\/\//);
    await user.click(name);
    await user.paste("x".repeat(101));
    await user.click(screen.getByTestId("sharing-save"));
    expect(screen.getByTestId("sharing-name-error").textContent).toBe("The first name can be at most 100 characters (this one has 101).");
    expect(backend.callsTo("sharing_set_profile")).toEqual([]);

    await user.clear(name);
    await user.type(name, "Acme");
    await user.type(screen.getByTestId("sharing-last-name"), "Dental");
    await user.clear(screen.getByTestId("sharing-photo-url"));
    await user.type(screen.getByTestId("sharing-photo-url"), "https://cdn.example.com/logo.png");
    await user.click(screen.getByTestId("sharing-save"));
    await waitFor(() =>
      expect(backend.callsTo("sharing_set_profile")).toEqual([
        {
          request: {
            fromNumber: "+14155550100",
            firstName: "Acme",
            lastName: "Dental",
            displayName: "Acme Support Desk",
            photoUrl: "https://cdn.example.com/logo.png",
          },
        },
      ]),
    );
    const result = await screen.findByTestId("sharing-result");
    expect(result.getAttribute("data-ok")).toBe("true");
    expect(result.textContent).toMatch(/Card saved/);
  });

  it("removes the photo when asked, without a photo address", async () => {
    const backend = installBackend();
    const { user } = renderApp("/sharing");
    await user.click(await screen.findByTestId("sharing-clear-photo"));
    expect(screen.getByTestId("sharing-preview").textContent).toContain("The photo will be removed.");
    await user.click(screen.getByTestId("sharing-save"));
    await waitFor(() => expect(backend.callsTo("sharing_set_profile")).toHaveLength(1));
    const request = backend.callsTo("sharing_set_profile")[0]!.request as Record<string, unknown>;
    expect(request.clearPhoto).toBe(true);
    expect(request.photoUrl).toBeUndefined();
  });

  it("uses an uploaded picture as the photo", async () => {
    const backend = installBackend();
    backend.on("media_pick_and_upload", () => ({ status: "OK", message: null, media_url: "http://127.0.0.1:41234/media/ab12_logo.png", mediaObjectId: "ab12" }));
    const { user } = renderApp("/sharing");
    await user.click(await screen.findByTestId("sharing-photo-upload"));
    await waitFor(() => expect((screen.getByTestId("sharing-photo-url") as HTMLInputElement).value).toBe("http://127.0.0.1:41234/media/ab12_logo.png"));
  });

  it("says why a line can't share a card", async () => {
    const backend = installBackend();
    const { user } = renderApp("/sharing");
    await chooseLine(user, "+14155550101");
    await waitFor(() => expect(screen.getByTestId("sharing-status").textContent).toBe("This line has no contact card yet."));
    await user.type(screen.getByTestId("sharing-name"), "Support");
    await user.click(screen.getByTestId("sharing-save"));
    const notice = await screen.findByTestId("sharing-unsupported");
    expect(notice.textContent).toMatch(/This line can't share a contact card\. Contact sharing works only on Sendblue's newer lines/);
    expect(notice.textContent).toContain("Contact sharing is not enabled for this line");
    expect(backend.callsTo("sharing_set_profile")).toEqual([{ request: { fromNumber: "+14155550101", firstName: "Support", lastName: "", displayName: "" } }]);
    expect(screen.queryByTestId("sharing-save")).toBeNull();
  });

  it("shares the card into a chat with a contact of the line", async () => {
    const backend = installBackend((s) => {
      s.contacts = [contact("+14155550124", { first_name: "Grace" })];
    });
    const { user } = renderApp("/sharing");
    const to = await screen.findByTestId("sharing-share-to");
    await user.click(screen.getByTestId("sharing-share"));
    expect(screen.getByTestId("sharing-share-to-error").textContent).toBe("Enter a phone number.");
    await waitFor(() => expect(document.querySelector("datalist option")?.getAttribute("value")).toBe("+14155550124"));

    await user.type(to, "+14155550124");
    await user.click(screen.getByTestId("sharing-share"));
    await waitFor(() => expect(backend.callsTo("sharing_share")).toEqual([{ fromNumber: "+14155550100", toNumber: "+14155550124" }]));
    expect((await screen.findByTestId("sharing-result")).textContent).toMatch(/Card sent to the chat with \+14155550124/);

    await user.click(screen.getByTestId("sharing-share"));
    await waitFor(() => expect(screen.getByTestId("sharing-result").textContent).toMatch(/already shared with \+14155550124 in the last 24 hours/));
  });

  it("shows Sendblue's refusal of a share in plain words", async () => {
    const backend = installBackend();
    backend.on("sharing_share", () => {
      throw appError("Validation", "Sendblue couldn't accept this. Sendblue said: “No existing 1:1 iMessage conversation with this number”");
    });
    const { user } = renderApp("/sharing");
    await user.type(await screen.findByTestId("sharing-share-to"), "4155550199");
    await user.click(screen.getByTestId("sharing-share"));
    const result = await screen.findByTestId("sharing-result");
    expect(result.getAttribute("data-ok")).toBe("false");
    expect(result.textContent).toMatch(/wasn't shared: .*No existing 1:1 iMessage conversation/);
  });

  it("asks before removing the card", async () => {
    const backend = installBackend();
    const { user } = renderApp("/sharing");
    await user.click(await screen.findByTestId("sharing-remove"));
    expect(screen.getByTestId("sharing-remove-dialog").textContent).toMatch(/Remove this line's contact card\?/);
    expect(backend.callsTo("sharing_delete_profile")).toEqual([]);
    await user.click(screen.getByTestId("sharing-remove-confirm"));
    await waitFor(() => expect(backend.callsTo("sharing_delete_profile")).toEqual([{ fromNumber: "+14155550100" }]));
    await waitFor(() => expect(screen.getByTestId("sharing-status").textContent).toBe("This line has no contact card yet."));
    expect(screen.getByTestId("sharing-result").textContent).toMatch(/Card removed/);
    expect(screen.queryByTestId("sharing-remove")).toBeNull();
  });

  it("keeps HTML in names as plain text, in the form and the preview", async () => {
    installBackend((s) => {
      s.areas.sharing.profiles["+14155550100"] = { hasProfile: true, firstName: XSS, lastName: null, displayName: XSS, sharingEnabled: true, hasPhoto: false };
    });
    renderApp("/sharing");
    expect(((await screen.findByTestId("sharing-name")) as HTMLInputElement).value).toBe(XSS);
    const preview = screen.getByTestId("sharing-preview");
    expect(within(preview).getByTestId("sharing-preview-name").textContent).toBe(XSS);
    expect(within(preview).getByTestId("sharing-preview-display-name").textContent).toBe(XSS);
    expect(document.querySelector("img[src=x], script")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
