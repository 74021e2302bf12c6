import { fileNameOf, isImageUrl, safeMediaUrl } from "./words.ts";

/** An attached image shown inline, or a link to any other file; nothing for unsafe addresses. */
export function MediaPreview({ url, testId = "message-media" }: { url: string | null | undefined; testId?: string }) {
  const safe = safeMediaUrl(url);
  if (!url) return null;
  if (!safe) {
    return (
      <p className="msg-media msg-media--unavailable muted" data-testid={testId}>
        Attachment at an address the console won't open: <span className="mono">{url}</span>
      </p>
    );
  }
  if (isImageUrl(safe)) {
    return (
      <a className="msg-media msg-media--image" href={safe} target="_blank" rel="noreferrer noopener" data-testid={testId}>
        <img src={safe} alt={`Attached image ${fileNameOf(safe)}`} loading="lazy" />
      </a>
    );
  }
  return (
    <a className="msg-media msg-media--file" href={safe} target="_blank" rel="noreferrer noopener" data-testid={testId}>
      Open attachment: {fileNameOf(safe)}
    </a>
  );
}
