// Query keys in one place so mutations and backend events invalidate exactly what they change.
// Everything read from an account sits under `account(profileId)`: switching profiles changes
// the id, so every account query refetches for the new profile and none shows the old one's data.

export const queryKeys = {
  profiles: () => ["profiles"] as const,
  activeProfile: () => ["activeProfile"] as const,
  secretStorage: () => ["secretStorage"] as const,

  /** The prefix of every query that reads from one account (all of them: `accountAll`). */
  accountAll: () => ["account"] as const,
  account: (profileId: string) => ["account", profileId] as const,

  contactCount: (profileId: string) => ["account", profileId, "contactCount"] as const,
  lines: (profileId: string) => ["account", profileId, "lines"] as const,
  lineState: (profileId: string) => ["account", profileId, "lineState"] as const,

  /** The prefix of every read of the local contacts mirror (a sync invalidates them all). */
  mirror: (profileId: string) => ["account", profileId, "mirror"] as const,
  mirrorSearch: (profileId: string, query: object) => ["account", profileId, "mirror", "search", query] as const,
  mirrorTags: (profileId: string) => ["account", profileId, "mirror", "tags"] as const,
  mirrorStatus: (profileId: string) => ["account", profileId, "mirror", "status"] as const,

  /** Every read of the messages API (history, one message, a conversation, a status). */
  messages: (profileId: string) => ["account", profileId, "messages"] as const,

  /** The live activity of the active profile, newest first (set by events, not fetched). */
  activityFeed: () => ["activity", "feed"] as const,
  /** The follower's connection state (seeded by a command, then kept by events). */
  activityConnection: () => ["activity", "connection"] as const,
  /** Who is typing to which line right now, by contact number (set by events). */
  typing: () => ["activity", "typing"] as const,

  /** A background job's latest progress (set by job events, not fetched). */
  job: (jobId: string) => ["job", jobId] as const,
};
