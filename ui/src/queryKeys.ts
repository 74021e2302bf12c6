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
  /** One page of message history for these list parameters. */
  messagesList: (profileId: string, params: object) => ["account", profileId, "messages", "list", params] as const,
  /** One stored message by its handle. */
  message: (profileId: string, handle: string) => ["account", profileId, "messages", "one", handle] as const,

  /** The live activity of the active profile, newest first (set by events, not fetched). */
  activityFeed: () => ["activity", "feed"] as const,
  /** The follower's connection state (seeded by a command, then kept by events). */
  activityConnection: () => ["activity", "connection"] as const,
  /** Who is typing to which line right now, by contact number (set by events). */
  typing: () => ["activity", "typing"] as const,

  /** A background job's latest progress (set by job events, not fetched). */
  job: (jobId: string) => ["job", jobId] as const,

  /** A sent message's live status (under `messages`, so message events refetch it). */
  messageStatus: (profileId: string, handle: string) => ["account", profileId, "messages", "status", handle] as const,
  /** Whether a number is reachable on iMessage (evaluate-service). */
  evaluateService: (profileId: string, number: string) => ["account", profileId, "evaluateService", number] as const,
  /** Whether the next send needs the Live confirmation (local; read fresh before each send). */
  sendNeedsConfirmation: (profileId: string) => ["account", profileId, "sendNeedsConfirmation"] as const,

  /** The import jobs of the active profile, with their file's name (Import wizard). */
  importJobs: (profileId: string) => ["account", profileId, "importJobs"] as const,

  /** The account's webhooks by type, with the global secret (Webhooks page). */
  webhooks: (profileId: string) => ["account", profileId, "webhooks"] as const,
  /** Where one line's calls are forwarded (under `lineState`, so line events refetch it). */
  callForwarding: (profileId: string, number: string) => ["account", profileId, "lineState", "callForwarding", number] as const,
  /** A line-request ticket (under `lineState`: a `line.assigned` event refetches it). */
  lineTicket: (profileId: string, ticketId: number) => ["account", profileId, "lineState", "ticket", ticketId] as const,
  /** One line's contact-sharing profile. */
  sharingState: (profileId: string, number: string) => ["account", profileId, "sharing", number] as const,

  /** The app settings: default country, theme, notifications (not per profile). */
  settings: () => ["settings"] as const,
  /** One page of the active profile's audit log for these filters. */
  auditLog: (profileId: string, filter: object) => ["account", profileId, "audit", filter] as const,
  /** Every background job of the active profile, newest first (kept fresh by job events). */
  jobs: (profileId: string) => ["account", profileId, "jobs"] as const,
};
