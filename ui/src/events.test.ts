import { describe, expect, it, vi } from "vitest";
import type { Activity_Serialize } from "./bindings.gen.ts";
import { ACTIVITY_FEED_LIMIT, applyActivity, type FeedItem, type TypingState } from "./events.ts";
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
