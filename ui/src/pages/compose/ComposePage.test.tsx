import { act, configure, screen, waitFor, within } from "@testing-library/react";
import { emit } from "@tauri-apps/api/event";
import { describe, expect, it, vi } from "vitest";
import type { Activity_Serialize } from "../../bindings.gen.ts";
import { ACME_LIVE, appError, contact, installBackend } from "../../test/backend.ts";
import { messageResponse } from "../../test/fake/compose.ts";
import { renderApp } from "../../test/render.tsx";

// Typing through Testing Library is slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 5_000 });

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

async function openCompose(path = "/compose") {
  const view = renderApp(path);
  await screen.findByTestId("compose-page");
  // The lines have loaded once the line select has a value.
  await waitFor(() => expect((screen.getByTestId("compose-line") as HTMLSelectElement).value).not.toBe(""));
  return view;
}

describe("the compose page: sending", () => {
  it("sends typed text to a typed number from the first online line, and shows QUEUED", async () => {
    const backend = installBackend();
    const { user } = await openCompose();

    await user.type(screen.getByTestId("compose-recipient"), "+14155550199");
    await user.type(screen.getByTestId("compose-text"), "Your table is ready");
    await user.click(screen.getByTestId("compose-send"));

    await waitFor(() => expect(backend.callsTo("messages_send")).toHaveLength(1));
    expect(backend.callsTo("messages_send")[0]).toEqual({
      message: { number: "+14155550199", from_number: "+14155550100", content: "Your table is ready" },
      confirmLive: false,
    });
    expect((await screen.findByTestId("compose-status")).textContent).toBe("QUEUED");
  });

  it("reads a national number in Settings' default country (GB)", async () => {
    const backend = installBackend((s) => {
      s.areas.settings.settings.default_country = "GB";
    });
    const { user } = await openCompose();
    await screen.findByText(/United Kingdom numbers by default/);

    await user.type(screen.getByTestId("compose-recipient"), "07911 123456{Enter}");
    expect(screen.getByTestId("compose-recipient-chip").getAttribute("data-phone")).toBe("+447911123456");
    await user.type(screen.getByTestId("compose-text"), "Hello from London");
    await user.click(screen.getByTestId("compose-send"));
    await waitFor(() => expect(backend.callsTo("messages_send")).toHaveLength(1));
    expect((backend.callsTo("messages_send")[0] as { message: { number: string } }).message.number).toBe("+447911123456");
  });

  it("sends media, the chosen effect and the chosen line exactly", async () => {
    const backend = installBackend();
    const { user } = await openCompose();

    await user.type(screen.getByTestId("compose-recipient"), "4155550123{Enter}");
    expect(screen.getByTestId("compose-recipient-chip").getAttribute("data-phone")).toBe("+14155550123");
    await user.type(screen.getByTestId("compose-text"), "Menu attached");
    await user.click(screen.getByTestId("compose-media-url-open"));
    await user.type(screen.getByTestId("compose-media-url"), "https://cdn.acme.test/menu.pdf{Enter}");
    expect(screen.getByTestId("compose-attachment-name").textContent).toBe("menu.pdf");
    await user.selectOptions(screen.getByTestId("compose-effect"), "Confetti");
    await user.selectOptions(screen.getByTestId("compose-line"), "+14155550101");
    await user.click(screen.getByTestId("compose-send"));

    await waitFor(() => expect(backend.callsTo("messages_send")).toHaveLength(1));
    expect(backend.callsTo("messages_send")[0]).toEqual({
      message: {
        number: "+14155550123",
        from_number: "+14155550101",
        content: "Menu attached",
        media_url: "https://cdn.acme.test/menu.pdf",
        send_style: "confetti",
      },
      confirmLive: false,
    });
  });

  it("defaults to the contact's own line", async () => {
    installBackend((s) => {
      s.contacts = [contact("+14155550123", { first_name: "Ada", sendblue_number: "+14155550101" })];
    });
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550123");
    await waitFor(() => expect((screen.getByTestId("compose-line") as HTMLSelectElement).value).toBe("+14155550101"));
  });

  it("checks before sending: nobody, nothing to say, a broken link", async () => {
    const backend = installBackend();
    const { user } = await openCompose();

    await user.click(screen.getByTestId("compose-send"));
    expect(screen.getByTestId("compose-recipient-error").textContent).toBe("Add who gets the message: type a phone number or a name.");
    expect(screen.getByTestId("compose-text-error").textContent).toBe("Write a message or attach a file.");

    await user.type(screen.getByTestId("compose-recipient"), "41555");
    await user.click(screen.getByTestId("compose-media-url-open"));
    await user.type(screen.getByTestId("compose-media-url"), "http://cdn.test/photo");
    await user.click(screen.getByTestId("compose-send"));
    expect(screen.getByTestId("compose-recipient-error").textContent).toMatch(/isn't a whole phone number/);
    expect(screen.getByTestId("compose-media-url-error").textContent).toMatch(/starts with https:\/\//);
    expect(backend.callsTo("messages_send")).toEqual([]);
  });

  it("counts characters and SMS parts when the message may go as SMS", async () => {
    installBackend((s) => {
      s.areas.compose.services["+14155550129"] = "SMS";
    });
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550129");
    await waitFor(() => expect(screen.getByTestId("compose-service").getAttribute("data-service")).toBe("SMS"));
    await user.click(screen.getByTestId("compose-text"));
    await user.paste("a".repeat(161));
    const counter = screen.getByTestId("compose-counter");
    expect(counter.textContent).toMatch(/161 \/ 18,996 characters · 2 SMS parts/);
    expect(counter.getAttribute("data-segments")).toBe("2");
  });
});

describe("the compose page: how it will go", () => {
  it.each([
    ["iMessage", /Goes as iMessage/],
    ["SMS", /Goes as a text message \(SMS\)/],
    ["RCS", /Goes as RCS/],
  ])("shows the lookup's answer %s", async (service, text) => {
    installBackend((s) => {
      s.areas.compose.defaultService = service;
    });
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550123");
    await waitFor(() => expect(screen.getByTestId("compose-service").getAttribute("data-service")).toBe(service));
    expect(screen.getByTestId("compose-service").textContent).toMatch(text);
  });

  it("says Unknown with a plain reason when the lookup isn't on the plan", async () => {
    const backend = installBackend();
    backend.on("messages_evaluate_service", () => {
      throw appError("Forbidden", "This isn't available on your plan or for this line.");
    });
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550123");
    await waitFor(() => expect(screen.getByTestId("compose-service").getAttribute("data-service")).toBe("unknown"));
    expect(screen.getByTestId("compose-service").textContent).toMatch(/Unknown — the lookup isn't available\. Checking isn't part of your Sendblue plan\./);
    // Unknown may mean SMS: the parts counter shows.
    await user.type(screen.getByTestId("compose-text"), "Hi");
    expect(screen.getByTestId("compose-counter").textContent).toMatch(/1 SMS part/);
  });

  it("looks up only once typing pauses", async () => {
    const backend = installBackend();
    const { user } = await openCompose();
    await user.click(screen.getByTestId("compose-recipient"));
    await user.paste("+14155550123");
    expect(screen.getByTestId("compose-service").getAttribute("data-service")).toBe("checking");
    expect(backend.callsTo("messages_evaluate_service")).toEqual([]);
    await waitFor(() => expect(screen.getByTestId("compose-service").getAttribute("data-service")).toBe("iMessage"));
    expect(backend.callsTo("messages_evaluate_service")).toEqual([{ number: "+14155550123" }]);
  });
});

describe("the compose page: recipients", () => {
  it("suggests contacts by name; arrows and Enter pick one", async () => {
    installBackend();
    const { user } = await openCompose();
    const box = screen.getByTestId("compose-recipient");
    await user.type(box, "grace");
    const options = await screen.findAllByTestId("compose-suggestion");
    expect(options.map((o) => o.getAttribute("data-phone"))).toEqual(["+14155550124"]);
    await user.keyboard("{ArrowDown}");
    expect(box.getAttribute("aria-activedescendant")).toBe(options[0]!.id);
    await user.keyboard("{Enter}");
    const chip = screen.getByTestId("compose-recipient-chip");
    expect(chip.getAttribute("data-phone")).toBe("+14155550124");
    expect(chip.textContent).toMatch(/Grace Hopper/);
    expect((box as HTMLInputElement).value).toBe("");
  });

  it("formats a number as it is typed", async () => {
    installBackend();
    const { user } = await openCompose();
    const box = screen.getByTestId("compose-recipient") as HTMLInputElement;
    await user.type(box, "4155550");
    expect(box.value).toBe("(415) 555-0");
  });

  it("fills in the number of a deep link", async () => {
    installBackend();
    await openCompose("/compose?number=+14155550124");
    expect(screen.getByTestId("compose-recipient-chip").getAttribute("data-phone")).toBe("+14155550124");
  });

  it("keeps HTML in contact names as text", async () => {
    installBackend((s) => {
      s.contacts = [contact("+14155550150", { first_name: XSS })];
    });
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "img");
    const option = await screen.findByTestId("compose-suggestion");
    expect(option.textContent).toContain(XSS);
    await user.click(option);
    expect(screen.getByTestId("compose-recipient-chip").textContent).toContain(XSS);
    expect(document.querySelector("img[src=x], script")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("sends to several people as a group, or creates the group", async () => {
    const backend = installBackend();
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550123{Enter}+14155550124{Enter}");
    expect(screen.getByTestId("compose-group").textContent).toMatch(/one shared conversation/);
    await user.type(screen.getByTestId("compose-text"), "Standup moved");
    await user.click(screen.getByTestId("compose-send"));
    await waitFor(() => expect(backend.callsTo("groups_send")).toHaveLength(1));
    expect(backend.callsTo("groups_send")[0]).toEqual({
      message: { from_number: "+14155550100", numbers: ["+14155550123", "+14155550124"], content: "Standup moved" },
      confirmLive: false,
    });
    expect((await screen.findByTestId("compose-status-card")).textContent).toMatch(/Group message/);

    await user.type(screen.getByTestId("compose-recipient"), "+14155550123{Enter}+14155550124{Enter}");
    await user.click(screen.getByTestId("compose-group-create"));
    await user.type(screen.getByTestId("compose-group-name"), "Launch crew");
    await user.click(screen.getByTestId("compose-send"));
    await waitFor(() => expect(backend.callsTo("groups_create")).toHaveLength(1));
    expect(backend.callsTo("groups_create")[0]).toEqual({
      group: { from_number: "+14155550100", numbers: ["+14155550123", "+14155550124"], group_name: "Launch crew" },
    });
    expect(await screen.findByTestId("compose-group-created")).toBeTruthy();
  });
});

describe("the compose page: attachments and carousels", () => {
  it("shows the upload's progress, then the file with a remove button", async () => {
    let release = () => undefined as void;
    const backend = installBackend((s) => {
      s.areas.compose.upload = {
        progress: [{ sent: 2 * 1024 * 1024, total: 4 * 1024 * 1024 }],
        result: { media_url: "https://cdn.sendblue.test/uploads/beach.jpg" },
        gate: new Promise<void>((resolve) => {
          release = resolve;
        }),
      };
    });
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550123");
    await user.click(screen.getByTestId("compose-attach-file"));

    const bar = (await screen.findByTestId("compose-upload-progress")) as HTMLProgressElement;
    expect(bar.value).toBe(50);
    expect(screen.getByTestId("compose-upload").textContent).toMatch(/Uploading… 50% of 4\.0 MB/);
    await act(async () => release());

    expect((await screen.findByTestId("compose-attachment-name")).textContent).toBe("beach.jpg");
    expect(screen.getByTestId("compose-attachment").textContent).toMatch(/4\.0 MB/);
    await user.click(screen.getByTestId("compose-send"));
    await waitFor(() => expect(backend.callsTo("messages_send")).toHaveLength(1));
    expect(backend.callsTo("messages_send")[0]!.message).toEqual({
      number: "+14155550123",
      from_number: "+14155550100",
      media_url: "https://cdn.sendblue.test/uploads/beach.jpg",
    });
  });

  it("stores a copy of an expiring link on Sendblue and attaches that", async () => {
    const backend = installBackend();
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550123");
    await user.click(screen.getByTestId("compose-media-url-open"));
    await user.click(screen.getByTestId("compose-media-url"));
    await user.paste("https://bucket.s3.test/menu.jpg?X-Amz-Signature=abc&X-Amz-Expires=60");
    await user.click(screen.getByTestId("compose-media-url-add"));
    expect(screen.getByTestId("compose-media-url-error").textContent).toMatch(/expires/);

    await user.click(screen.getByTestId("compose-media-url-copy"));
    await waitFor(() => expect(backend.callsTo("media_upload_media_object")).toEqual([{ mediaUrl: "https://bucket.s3.test/menu.jpg?X-Amz-Signature=abc&X-Amz-Expires=60" }]));
    expect((await screen.findByTestId("compose-attachment-name")).textContent).toBe("copy.jpg");
    await user.click(screen.getByTestId("compose-send"));
    await waitFor(() => expect(backend.callsTo("messages_send")).toHaveLength(1));
    expect(backend.callsTo("messages_send")[0]!.message).toMatchObject({ media_url: "https://cdn.sendblue.test/hosted/copy.jpg" });
  });

  it("refuses a file over 5 MB for an SMS recipient", async () => {
    const backend = installBackend((s) => {
      s.areas.compose.services["+14155550129"] = "SMS";
      s.areas.compose.upload = { progress: [{ sent: 6 * 1024 * 1024, total: 6 * 1024 * 1024 }], result: { media_url: "https://cdn.sendblue.test/uploads/clip.mp4" } };
    });
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550129");
    await waitFor(() => expect(screen.getByTestId("compose-service").getAttribute("data-service")).toBe("SMS"));
    await user.click(screen.getByTestId("compose-attach-file"));
    expect((await screen.findByTestId("compose-attachment-error")).textContent).toMatch(/SMS\) carry files up to 5 MB/);
    await user.click(screen.getByTestId("compose-send"));
    expect(backend.callsTo("messages_send")).toEqual([]);

    await user.click(screen.getByTestId("compose-attachment-remove"));
    expect(screen.queryByTestId("compose-attachment")).toBeNull();
  });

  it("needs 2 to 20 carousel pictures and sends them", async () => {
    const backend = installBackend();
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550123");
    await user.click(screen.getByTestId("compose-carousel-toggle"));
    const urls = screen.getByTestId("compose-carousel-urls");

    await user.type(urls, "https://cdn.test/1.jpg");
    await user.click(screen.getByTestId("compose-send"));
    expect(screen.getByTestId("compose-carousel-urls-error").textContent).toMatch(/at least 2 pictures/);

    await user.clear(urls);
    await user.click(urls);
    await user.paste(Array.from({ length: 21 }, (_, i) => `https://cdn.test/${i}.jpg`).join("\n"));
    expect(screen.getByTestId("compose-carousel-urls-error").textContent).toMatch(/at most 20 pictures; remove 1/);
    expect(backend.callsTo("messages_send_carousel")).toEqual([]);

    await user.clear(urls);
    await user.click(urls);
    await user.paste("https://cdn.test/1.jpg\nhttps://cdn.test/2.png");
    await user.click(screen.getByTestId("compose-send"));
    await waitFor(() => expect(backend.callsTo("messages_send_carousel")).toHaveLength(1));
    expect(backend.callsTo("messages_send_carousel")[0]).toEqual({
      carousel: { number: "+14155550123", from_number: "+14155550100", media_urls: ["https://cdn.test/1.jpg", "https://cdn.test/2.png"] },
      confirmLive: false,
    });
  });

  it("says why a line refuses carousels", async () => {
    const backend = installBackend();
    backend.on("messages_send_carousel", () => {
      throw {
        code: "Validation",
        message: "Sendblue couldn't accept this.",
        detail: { status: 400, error_code: null, message: "Carousels can only be sent from a V2 (Mac) line; this line cannot send them", field: null, retry_after_ms: null, excerpt: null },
      };
    });
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550123");
    await user.click(screen.getByTestId("compose-carousel-toggle"));
    await user.click(screen.getByTestId("compose-carousel-urls"));
    await user.paste("https://cdn.test/1.jpg\nhttps://cdn.test/2.jpg");
    await user.click(screen.getByTestId("compose-send"));
    const error = await screen.findByTestId("compose-error");
    expect(error.textContent).toMatch(/This line can't send carousels/);
    expect(error.textContent).toMatch(/Choose another line/);
  });
});

describe("the compose page: Live, status and errors", () => {
  it("asks once before the first send from a Live profile", async () => {
    const backend = installBackend((s) => {
      s.activeId = ACME_LIVE.id;
    });
    const { user } = await openCompose();
    expect(screen.getByTestId("compose-live-note").textContent).toMatch(/real phones/);
    await user.type(screen.getByTestId("compose-recipient"), "+14155550123");
    await user.type(screen.getByTestId("compose-text"), "Hello");
    await user.click(screen.getByTestId("compose-send"));

    const dialog = await screen.findByTestId("compose-confirm-live");
    expect(dialog.textContent).toMatch(/Acme Live/);
    expect(backend.callsTo("messages_send")).toEqual([]);
    await user.click(within(dialog).getByTestId("compose-confirm-live-send"));
    await waitFor(() => expect(backend.callsTo("messages_send")).toHaveLength(1));
    expect(backend.callsTo("messages_send")[0]!.confirmLive).toBe(true);
    await screen.findByTestId("compose-status");

    // The second send goes without asking.
    await user.type(screen.getByTestId("compose-text"), "Again");
    await user.click(screen.getByTestId("compose-send"));
    await waitFor(() => expect(backend.callsTo("messages_send")).toHaveLength(2));
    expect(backend.callsTo("messages_send")[1]!.confirmLive).toBe(false);
    expect(screen.queryByTestId("compose-confirm-live")).toBeNull();
  });

  it("sends nothing when the Live confirmation is cancelled", async () => {
    const backend = installBackend((s) => {
      s.activeId = ACME_LIVE.id;
    });
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550123");
    await user.type(screen.getByTestId("compose-text"), "Hello");
    await user.click(screen.getByTestId("compose-send"));
    await user.click(await screen.findByTestId("compose-confirm-live-cancel"));
    expect(screen.queryByTestId("compose-confirm-live")).toBeNull();
    expect(backend.callsTo("messages_send")).toEqual([]);
  });

  it("follows the status live when a message event arrives", async () => {
    const backend = installBackend();
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550123");
    await user.type(screen.getByTestId("compose-text"), "Hi");
    await user.click(screen.getByTestId("compose-send"));
    expect((await screen.findByTestId("compose-status")).textContent).toBe("QUEUED");
    // Read once when the card opens (in case an event came before the send's answer), then only on events.
    await waitFor(() => expect(backend.callsTo("messages_status")).toEqual([{ messageHandle: "h-1" }]));

    for (const status of ["SENT", "DELIVERED"]) {
      backend.state.areas.compose.sent["h-1"]!.status = status;
      backend.state.areas.compose.sent["h-1"]!.date_updated = "2025-03-01T12:00:05Z";
      const event: Activity_Serialize = {
        kind: "message_updated",
        data: { message_handle: "h-1", status, number: "+14155550123", sendblue_number: "+14155550100", is_outbound: true, content: null, error_code: null, error_message: null, service: "iMessage", updated_at: null, event_id: `e-${status}`, repaired: false },
      };
      await act(() => emit("activity", event));
      await waitFor(() => expect(screen.getByTestId("compose-status").textContent).toBe(status));
    }
    expect(screen.getByTestId("compose-status-label").textContent).toMatch(/^Delivered/);
    expect(backend.callsTo("messages_status")).toHaveLength(3);
  });

  it("explains a refused send when the person opted out", async () => {
    const backend = installBackend();
    backend.on("messages_send", () => {
      throw {
        code: "Validation",
        message: "Sendblue couldn't accept this.",
        detail: { status: 400, error_code: "recipient_opted_out", message: "This recipient has opted out", field: null, retry_after_ms: null, excerpt: null },
      };
    });
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550123");
    await user.type(screen.getByTestId("compose-text"), "Hi");
    await user.click(screen.getByTestId("compose-send"));
    expect((await screen.findByTestId("compose-error")).textContent).toMatch(/This person opted out of messages/);
  });

  it("explains a message declined after sending because the person opted out", async () => {
    const backend = installBackend();
    // Like the sandbox: the send is accepted, and the message comes back DECLINED.
    const declined = messageResponse("h-9", {
      status: "DECLINED",
      error_message: "The recipient has opted out of messages from this account (they replied STOP), so the message was not sent",
    });
    backend.on("messages_send", () => declined);
    backend.on("messages_status", () => declined);
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550123");
    await user.type(screen.getByTestId("compose-text"), "Hi");
    await user.click(screen.getByTestId("compose-send"));
    expect((await screen.findByTestId("compose-status")).textContent).toBe("DECLINED");
    expect(screen.getByTestId("compose-status-problem").textContent).toBe("This person opted out of messages, so it wasn't sent.");
  });

  it("says plainly when a feature isn't on the plan or Sendblue is busy", async () => {
    const backend = installBackend();
    let answer = appError("Forbidden", "This isn't available on your plan or for this line.");
    backend.on("messages_send", () => {
      throw answer;
    });
    const { user } = await openCompose();
    await user.type(screen.getByTestId("compose-recipient"), "+14155550123");
    await user.type(screen.getByTestId("compose-text"), "Hi");
    await user.click(screen.getByTestId("compose-send"));
    expect((await screen.findByTestId("compose-error")).textContent).toMatch(/Not available on your plan/);

    answer = { ...appError("RateLimited", "Sendblue is busy right now."), detail: { status: 429, error_code: null, message: null, field: null, retry_after_ms: 3000, excerpt: null } };
    await user.click(screen.getByTestId("compose-send"));
    await waitFor(() => expect(screen.getByTestId("compose-error").textContent).toMatch(/Too many messages right now.*Try again in 3 seconds/));
  });
});
