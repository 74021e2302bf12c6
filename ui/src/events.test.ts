import { describe, expect, it, vi } from "vitest";
import type { Activity_Serialize, AuditEntry_Serialize, JobInfo_Serialize } from "./bindings.gen.ts";
import {
  ACTIVITY_FEED_LIMIT,
  applyActivity,
  applyAuditAppended,
  applyJobFinished,
  applyJobProgress,
  invalidateMirror,
  type FeedItem,
  type JobView,
  type TypingState,
} from "./events.ts";
import { jobInfo } from "./test/backend.ts";
import { createQueryClient } from "./queryClient.ts";
import { queryKeys } from "./queryKeys.ts";

function received(number: string, eventId: string): Activity_Serialize {
  return {
    kind: "message_received",
    data: {
      message_handle: `h-${eventId}`,
      status: "RECEIVED",
      number,
      sendblue_number: "+14155550100",
      is_outbound: false,
      content: "hi",
      event_id: eventId,
    },
  } as Activity_Serialize;
}

describe("applyActivity", () => {
  it("puts events at the head of the feed once each, and keeps at most the limit", () => {
    const queryClient = createQueryClient();
    applyActivity(queryClient, received("+14155550123", "e1"));
    applyActivity(queryClient, received("+14155550123", "e1"));
    applyActivity(queryClient, received("+14155550124", "e2"));
    const feed = queryClient.getQueryData<FeedItem[]>(queryKeys.activityFeed())!;
    expect(feed.map((item) => item.key)).toEqual(["e2", "e1"]);
    for (let i = 0; i < ACTIVITY_FEED_LIMIT + 10; i++) applyActivity(queryClient, received("+1", `x${i}`));
    expect(queryClient.getQueryData<FeedItem[]>(queryKeys.activityFeed())).toHaveLength(ACTIVITY_FEED_LIMIT);
  });

  it("refetches message reads on a message event, and a reply ends the typing indicator", async () => {
    const queryClient = createQueryClient();
    const key = [...queryKeys.messages("p1"), "list", {}];
    queryClient.setQueryData(key, ["old"]);
    applyActivity(queryClient, {
      kind: "typing",
      data: { number: "+14155550123", is_typing: true, sendblue_number: null, occurred_at: null, event_id: "t1" },
    } as Activity_Serialize);
    expect(Object.keys(queryClient.getQueryData<TypingState>(queryKeys.typing())!)).toEqual(["+14155550123"]);
    applyActivity(queryClient, received("+14155550123", "e3"));
    expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryData<TypingState>(queryKeys.typing())).toEqual({});
  });

  it("keeps the connection state", () => {
    const queryClient = createQueryClient();
    applyActivity(queryClient, { kind: "connection_state", data: { state: "live" } } as unknown as Activity_Serialize);
    expect(queryClient.getQueryData(queryKeys.activityConnection())).toEqual({ state: "live" });
  });

  it("keeps the feed while no page shows it (it can't be fetched again)", () => {
    vi.useFakeTimers();
    try {
      const queryClient = createQueryClient();
      applyActivity(queryClient, received("+14155550123", "e9"));
      vi.advanceTimersByTime(60 * 60 * 1000);
      expect(queryClient.getQueryData<FeedItem[]>(queryKeys.activityFeed())).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("caches that events keep fresh", () => {
  function message(kind: "message_received" | "message_updated", fields: Record<string, unknown>): Activity_Serialize {
    return {
      kind,
      data: {
        message_handle: "h-1",
        status: "DELIVERED",
        number: "+14155550123",
        sendblue_number: "+14155550100",
        is_outbound: true,
        content: null,
        error_code: null,
        error_message: null,
        service: "iMessage",
        updated_at: null,
        event_id: `e-${kind}-${JSON.stringify(fields)}`,
        repaired: false,
        ...fields,
      },
    } as Activity_Serialize;
  }

  function seeded(keys: ReadonlyArray<readonly unknown[]>) {
    const queryClient = createQueryClient();
    for (const key of keys) queryClient.setQueryData(key, "old");
    const invalidated = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated ?? false;
    return { queryClient, invalidated };
  }

  it("a contact event and a mirror change refetch the overview's contact count", async () => {
    const { queryClient, invalidated } = seeded([queryKeys.contactCount("p1"), queryKeys.mirrorStatus("p1")]);
    applyActivity(queryClient, { kind: "contact_created", data: { number: "+1", event_id: "c1" } } as unknown as Activity_Serialize);
    expect(invalidated(queryKeys.contactCount("p1"))).toBe(true);
    expect(invalidated(queryKeys.mirrorStatus("p1"))).toBe(true);

    const again = seeded([queryKeys.contactCount("p2")]);
    await invalidateMirror(again.queryClient);
    expect(again.invalidated(queryKeys.contactCount("p2"))).toBe(true);
  });

  it("a line change refetches the lines list as well as the line state", () => {
    const { queryClient, invalidated } = seeded([queryKeys.lines("p1"), queryKeys.lineState("p1"), queryKeys.contactCount("p1")]);
    applyActivity(queryClient, { kind: "line_changed", data: { event_id: "l1" } } as unknown as Activity_Serialize);
    expect(invalidated(queryKeys.lines("p1"))).toBe(true);
    expect(invalidated(queryKeys.lineState("p1"))).toBe(true);
    expect(invalidated(queryKeys.contactCount("p1"))).toBe(false);
  });

  it("a finished import refetches the import jobs; other jobs don't", () => {
    const { queryClient, invalidated } = seeded([queryKeys.importJobs("p1")]);
    applyJobFinished(queryClient, jobInfo("j-exp", { kind: "export_contacts", state: "completed" }));
    expect(invalidated(queryKeys.importJobs("p1"))).toBe(false);
    applyJobFinished(queryClient, jobInfo("j-imp", { kind: "import_contacts", state: "completed" }));
    expect(invalidated(queryKeys.importJobs("p1"))).toBe(true);
    expect(queryClient.getQueryData<JobView>(queryKeys.job("j-imp"))?.state).toBe("completed");
  });

  it("a written audit entry refetches the open audit log pages", async () => {
    const first = queryKeys.auditLog("p1", { offset: 0 });
    const second = queryKeys.auditLog("p1", { offset: 50, action: "contact.create" });
    const otherProfile = queryKeys.auditLog("p2", { offset: 0 });
    const { queryClient, invalidated } = seeded([first, second, otherProfile, queryKeys.contactCount("p1")]);
    await applyAuditAppended(queryClient, { id: 7, profile_id: "p1", action: "contact.create" } as AuditEntry_Serialize);
    expect(invalidated(first)).toBe(true);
    expect(invalidated(second)).toBe(true);
    expect(invalidated(otherProfile)).toBe(false);
    expect(invalidated(queryKeys.contactCount("p1"))).toBe(false);
  });

  it("job events keep the jobs list in step, and fetch it again for a job it doesn't know", () => {
    const { queryClient, invalidated } = seeded([]);
    queryClient.setQueryData(queryKeys.jobs("p1"), [jobInfo("j1", { done: 0, total: 10 })]);
    applyJobProgress(queryClient, { job_id: "j1", kind: "bulk_delete", state: "running", done: 4, total: 10, failed: 1, rate_per_sec: null, eta_secs: null });
    expect(queryClient.getQueryData<JobInfo_Serialize[]>(queryKeys.jobs("p1"))?.[0]).toMatchObject({ done: 4, failed: 1 });
    expect(invalidated(queryKeys.jobs("p1"))).toBe(false);
    applyJobFinished(queryClient, jobInfo("j1", { state: "completed", done: 10, total: 10 }));
    expect(queryClient.getQueryData<JobInfo_Serialize[]>(queryKeys.jobs("p1"))?.[0]).toMatchObject({ state: "completed", done: 10 });
    applyJobProgress(queryClient, { job_id: "j2", kind: "export_contacts", state: "running", done: 1, total: 5, failed: 0, rate_per_sec: null, eta_secs: null });
    expect(invalidated(queryKeys.jobs("p1"))).toBe(true);
  });

  it("a message event refetches only the reads of its conversation and its own message", () => {
    const all = queryKeys.messagesList("p1", { limit: 50, offset: 0 });
    const allPage2 = queryKeys.messagesList("p1", { limit: 50, offset: 50 });
    const theirs = queryKeys.messagesList("p1", { number: "+14155550123", limit: 50, offset: 0 });
    const theirsPage2 = queryKeys.messagesList("p1", { number: "+14155550123", limit: 50, offset: 50 });
    const someoneElse = queryKeys.messagesList("p1", { number: "+14155550999", limit: 50, offset: 0 });
    const otherLine = queryKeys.messagesList("p1", { sendblue_number: "+14155550101", limit: 50, offset: 0 });
    const itsStatus = queryKeys.messageStatus("p1", "h-1");
    const otherStatus = queryKeys.messageStatus("p1", "h-2");
    const itself = queryKeys.message("p1", "h-1");
    const other = queryKeys.message("p1", "h-2");
    const { queryClient, invalidated } = seeded([all, allPage2, theirs, theirsPage2, someoneElse, otherLine, itsStatus, otherStatus, itself, other]);

    applyActivity(queryClient, message("message_updated", {}));

    for (const touched of [all, allPage2, theirs, theirsPage2, itsStatus, itself]) expect(invalidated(touched)).toBe(true);
    for (const untouched of [someoneElse, otherLine, otherStatus, other]) expect(invalidated(untouched)).toBe(false);
  });

  it("a message event without its parties refetches every message read", () => {
    const someoneElse = queryKeys.messagesList("p1", { number: "+14155550999" });
    const { queryClient, invalidated } = seeded([someoneElse]);
    applyActivity(queryClient, message("message_received", { number: null }));
    expect(invalidated(someoneElse)).toBe(true);
  });
});
