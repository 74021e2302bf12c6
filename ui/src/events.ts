// The one place that listens to the backend's typed events and turns them into cache updates.
// Caches follow events, not polling. Later events (job progress, account activity) join here.
import type { QueryClient } from "@tanstack/react-query";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import {
  events,
  type Activity_Serialize,
  type AuditEntry_Serialize,
  type JobInfo_Serialize,
  type JobProgress_Serialize,
  type MessageActivity_Serialize,
  type MirrorInfo_Serialize,
  type ProfileChanged_Serialize,
  type SyncProgress_Serialize,
} from "./bindings.gen.ts";
import { queryKeys } from "./queryKeys.ts";

type Unlisten = () => void;

/** Starts listening; the returned function stops every listener (even ones still starting). */
export function listenToBackendEvents(queryClient: QueryClient): Unlisten {
  const pending = [
    events.profileChanged.listen(({ payload }) => applyProfileChange(queryClient, payload)),
    events.mirrorSyncProgress.listen(({ payload }) => applyMirrorProgress(queryClient, payload)),
    events.mirrorSynced.listen(() => invalidateMirror(queryClient)),
    events.jobProgress.listen(({ payload }) => applyJobProgress(queryClient, payload)),
    events.jobFinished.listen(({ payload }) => applyJobFinished(queryClient, payload)),
    events.activity.listen(({ payload }) => applyActivity(queryClient, payload)),
    events.settingsChanged.listen(({ payload }) => queryClient.setQueryData(queryKeys.settings(), payload)),
    events.auditAppended.listen(({ payload }) => applyAuditAppended(queryClient, payload)),
  ].map(orNothing);
  return () => {
    for (const unlisten of pending) {
      // Stopping can fail only when the window is going away; nothing is left to clean then.
      unlisten.then((stop) => stop()).catch(() => undefined);
    }
  };
}

// A listener that failed to start leaves the page working on mutations' own invalidations.
function orNothing(listening: Promise<Unlisten>): Promise<Unlisten> {
  return listening.catch((error: unknown) => {
    console.warn("Couldn't listen to the console's events:", error);
    return () => undefined;
  });
}

/** Keeps the caches in step with the backend while the app is mounted. */
export function useBackendEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => listenToBackendEvents(queryClient), [queryClient]);
}

/**
 * A profile was added, switched, deleted or given a new secret. The event carries the whole list,
 * so the profile caches are set from it; the active account's reads are refetched because its
 * client may have changed (a new secret), and a switch re-keys them anyway.
 */
export function applyProfileChange(queryClient: QueryClient, change: ProfileChanged_Serialize): void {
  queryClient.setQueryData(queryKeys.profiles(), change.profiles);
  const active = change.profiles.find((view) => view.active) ?? null;
  const before = queryClient.getQueryData<{ profile: { id: string } } | null>(queryKeys.activeProfile());
  queryClient.setQueryData(queryKeys.activeProfile(), active);
  // Another account's follower takes over: its feed starts empty.
  if (before && before.profile.id !== active?.profile.id) {
    queryClient.setQueryData(queryKeys.activityFeed(), []);
    queryClient.setQueryData(queryKeys.typing(), {});
  }
  if (active) void queryClient.invalidateQueries({ queryKey: queryKeys.account(active.profile.id) });
}

/** Every read of the contacts mirror, whichever profile it belongs to. */
function isMirrorQuery(key: readonly unknown[]): boolean {
  return key[0] === "account" && key[2] === "mirror";
}

/** Every query of one kind (`queryKeys.<kind>(pid)`'s third part), whichever profile it belongs to. */
function isAccountQuery(key: readonly unknown[], kind: string): boolean {
  return key[0] === "account" && key[2] === kind;
}

/**
 * The contacts changed (a sync ended, a contact was created, or a job deleted or imported
 * contacts): the mirror's reads and the overview's contact count are fetched again.
 */
export function invalidateMirror(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (q) => isMirrorQuery(q.queryKey) || isAccountQuery(q.queryKey, "contactCount"),
  });
}

/** An entry was written to a profile's audit log: that log's open pages are read again. */
export function applyAuditAppended(queryClient: QueryClient, entry: AuditEntry_Serialize): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (q) => isAccountQuery(q.queryKey, "audit") && q.queryKey[1] === entry.profile_id,
  });
}

/** A refresh of the mirror moved on: the status shows it without fetching. */
export function applyMirrorProgress(queryClient: QueryClient, progress: SyncProgress_Serialize): void {
  queryClient.setQueriesData<MirrorInfo_Serialize>(
    { predicate: (q) => isMirrorQuery(q.queryKey) && q.queryKey[3] === "status" },
    (old) => (old ? { ...old, syncing: true, progress } : old),
  );
}

/** A job's latest state as the page shows it: progress events and the final report merged. */
export interface JobView {
  id: string;
  kind: JobInfo_Serialize["kind"];
  state: JobInfo_Serialize["state"];
  done: number;
  total: number;
  failed: number;
  info: JobInfo_Serialize | null;
}

export function jobViewOf(info: JobInfo_Serialize): JobView {
  return { id: info.id, kind: info.kind, state: info.state, done: info.done, total: info.total, failed: info.failed, info };
}

/** The jobs lists (`queryKeys.jobs`) of every profile. */
function isJobsList(key: readonly unknown[]): boolean {
  return isAccountQuery(key, "jobs");
}

/**
 * Puts a job's new state into the jobs lists that hold it; a list that doesn't know the job
 * yet (it started elsewhere) is read again.
 */
function updateJobsLists(queryClient: QueryClient, id: string, change: (old: JobInfo_Serialize) => JobInfo_Serialize): void {
  let missing = false;
  queryClient.setQueriesData<JobInfo_Serialize[]>({ predicate: (q) => isJobsList(q.queryKey) }, (old) => {
    if (!old) return old;
    if (!old.some((job) => job.id === id)) {
      missing = true;
      return old;
    }
    return old.map((job) => (job.id === id ? change(job) : job));
  });
  if (missing) void queryClient.invalidateQueries({ predicate: (q) => isJobsList(q.queryKey) });
}

export function applyJobProgress(queryClient: QueryClient, progress: JobProgress_Serialize): void {
  updateJobsLists(queryClient, progress.job_id, (old) =>
    // A late progress event never undoes the final report.
    old.report
      ? old
      : { ...old, state: progress.state, done: progress.done, total: progress.total, failed: progress.failed },
  );
  queryClient.setQueryData<JobView>(queryKeys.job(progress.job_id), (old) => {
    // A late progress event never undoes the final report.
    if (old?.info?.report) return old;
    return {
      id: progress.job_id,
      kind: progress.kind,
      state: progress.state,
      done: progress.done,
      total: progress.total,
      failed: progress.failed,
      info: old?.info ?? null,
    };
  });
}

export function applyJobFinished(queryClient: QueryClient, info: JobInfo_Serialize): void {
  queryClient.setQueryData<JobView>(queryKeys.job(info.id), jobViewOf(info));
  updateJobsLists(queryClient, info.id, () => info);
  if (info.kind === "bulk_delete" || info.kind === "import_contacts") void invalidateMirror(queryClient);
  if (info.kind === "import_contacts") {
    void queryClient.invalidateQueries({ predicate: (q) => isAccountQuery(q.queryKey, "importJobs") });
  }
}

/** How many activity items the feed keeps (older ones drop off the end). */
export const ACTIVITY_FEED_LIMIT = 500;

/** One item of the live feed: the activity and when the console received it. */
export interface FeedItem {
  /** Unique within the feed (the stream event's id, or a local counter). */
  key: string;
  receivedAt: number;
  activity: Activity_Serialize;
}

/** Who is typing: contact number → typing since (ms), for the conversation view. */
export type TypingState = Record<string, number>;

let feedCounter = 0;

function eventIdOf(activity: Activity_Serialize): string | null {
  if (activity.kind === "connection_state") return null;
  return (activity.data as { event_id?: string | null }).event_id ?? null;
}

/**
 * An account event arrived: it joins the feed, and the caches it touches follow. Message
 * events refetch the message reads they can touch (see `isMessageQueryTouchedBy`); a new
 * contact refetches the mirror's reads and the contact count; a line change refetches the
 * line state and the lines list.
 */
export function applyActivity(queryClient: QueryClient, activity: Activity_Serialize): void {
  if (activity.kind === "connection_state") {
    queryClient.setQueryData(queryKeys.activityConnection(), activity.data);
  }
  const key = eventIdOf(activity) ?? `local-${++feedCounter}`;
  queryClient.setQueryData<FeedItem[]>(queryKeys.activityFeed(), (old = []) => {
    if (old.some((item) => item.key === key)) return old;
    return [{ key, receivedAt: Date.now(), activity }, ...old].slice(0, ACTIVITY_FEED_LIMIT);
  });
  switch (activity.kind) {
    case "message_created":
    case "message_updated":
    case "message_received":
      void queryClient.invalidateQueries({ predicate: (q) => isMessageQueryTouchedBy(q.queryKey, activity.data) });
      if (activity.kind === "message_received" && activity.data.number) clearTyping(queryClient, activity.data.number);
      break;
    case "contact_created":
      void invalidateMirror(queryClient);
      break;
    case "line_changed":
      void queryClient.invalidateQueries({
        predicate: (q) => isAccountQuery(q.queryKey, "lineState") || isAccountQuery(q.queryKey, "lines"),
      });
      break;
    case "typing":
      if (activity.data.number) {
        const number = activity.data.number;
        if (activity.data.is_typing) {
          queryClient.setQueryData<TypingState>(queryKeys.typing(), (old = {}) => ({ ...old, [number]: Date.now() }));
        } else {
          clearTyping(queryClient, number);
        }
      }
      break;
    default:
      break;
  }
}

/** The list parameters (`ListMessages`) a history page was read with, as far as they matter here. */
interface ListFilter {
  number?: string | null;
  from_number?: string | null;
  to_number?: string | null;
  sendblue_number?: string | null;
}

/**
 * Whether a message event can change the read at `key` (under `queryKeys.messages`).
 *
 * - One message or its status (`one`/`status`, keyed by handle): only the event's message.
 * - A history page (`list`): unless its filter names another conversation (a number that is
 *   neither party of the message, or another line). Every loaded page of a matching history is
 *   read again, not only the first: history is paged by offset, newest first, so a new
 *   message shifts every later page by one (without a refetch the message at each page's
 *   end would vanish), and a status change can concern a message on any page.
 * - Anything else under `messages` (a read this code doesn't know): read again.
 */
export function isMessageQueryTouchedBy(key: readonly unknown[], message: MessageActivity_Serialize): boolean {
  if (key[0] !== "account" || key[2] !== "messages") return false;
  const handle = message.message_handle as string | null | undefined;
  switch (key[3]) {
    case "one":
    case "status":
      return !handle || key[4] === handle;
    case "list": {
      const filter = (key[4] ?? {}) as ListFilter;
      const parties = [message.number, message.sendblue_number].filter((p): p is string => !!p);
      // Without both parties the event can't rule a history out.
      if (parties.length < 2) return true;
      const names = (value: string | null | undefined) => !value || parties.includes(value);
      if (!names(filter.number) || !names(filter.from_number) || !names(filter.to_number)) return false;
      if (filter.sendblue_number && filter.sendblue_number !== message.sendblue_number) return false;
      // A group's history is always read again: the event doesn't say which group.
      return true;
    }
    default:
      return true;
  }
}

function clearTyping(queryClient: QueryClient, number: string): void {
  queryClient.setQueryData<TypingState>(queryKeys.typing(), (old = {}) => {
    if (!(number in old)) return old;
    const next = { ...old };
    delete next[number];
    return next;
  });
}
