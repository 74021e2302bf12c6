import { useRef, useState, type KeyboardEvent } from "react";
import type { UploadProgress } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { Input } from "../../components/Input.tsx";
import { useCancelUpload } from "../../hooks/useCancelUpload.ts";
import { usePickAndUploadMedia, type PickAndUploadOptions } from "../../hooks/usePickAndUploadMedia.ts";
import { useUploadMediaObject } from "../../hooks/useUploadMediaObject.ts";
import { toAppError } from "../../ipc.ts";
import { checkMediaSize, checkMediaUrl, formatSize, SMS_MAX_BYTES, typeWarning, type MediaKind, type ServiceGuess } from "./media.ts";
import { humanError } from "./errors.ts";

/** A file ready to go with the message. */
export interface Attachment {
  url: string;
  name: string;
  /** Its size, when known (uploads report it; links don't). */
  bytes: number | null;
  kind: MediaKind;
  source: "file" | "link";
}

/** An attachment from a link that passed the checks. */
export function attachmentFromLink(raw: string): Attachment | null {
  const checked = checkMediaUrl(raw);
  return checked.ok ? { url: checked.link.url, name: checked.link.fileName, bytes: null, kind: checked.link.kind, source: "link" } : null;
}

/** An attachment from a Sendblue-hosted URL (an upload, or a copy of a link). */
export function attachmentFromHosted(url: string, bytes: number | null): Attachment {
  const checked = checkMediaUrl(url);
  const name = checked.ok ? checked.link.fileName : decodeURIComponent(url.split("/").pop() ?? "file");
  return { url, name, bytes, kind: checked.ok ? checked.link.kind : "document", source: "file" };
}

/** The §7.3 problems of an attachment for the service the message would go by. */
export function attachmentProblems(attachment: Attachment, service: ServiceGuess): { error: string | null; warning: string | null } {
  const size = attachment.bytes === null ? { error: null, warning: null } : checkMediaSize(attachment.bytes, service);
  return { error: size.error, warning: size.warning ?? typeWarning(attachment.kind, service) };
}

export interface AttachmentPanelProps {
  attachment: Attachment | null;
  onAttach: (attachment: Attachment | null) => void;
  /** The link box's text; null while it is closed. */
  link: string | null;
  onLinkChange: (link: string | null) => void;
  service: ServiceGuess;
  /** A problem found when sending (shown under the link box or the file). */
  error?: string | null;
}

/**
 * The limit the backend checks before uploading: on SMS a bigger file would never arrive, so
 * it isn't sent at all. Other services take up to the upload's own 100 MB.
 */
export function uploadLimitFor(service: ServiceGuess): Pick<PickAndUploadOptions, "maxBytes" | "carrier"> {
  return service === "SMS" ? { maxBytes: SMS_MAX_BYTES, carrier: "Text messages (SMS)" } : { maxBytes: null, carrier: null };
}

let uploadCounter = 0;

function percent(progress: UploadProgress | null): number {
  if (!progress || progress.total === 0) return progress ? 100 : 0;
  return Math.min(100, Math.round((progress.sent / progress.total) * 100));
}

/** Attach a file from this computer (uploaded with progress), or a public link to one. */
export function AttachmentPanel({ attachment, onAttach, link, onLinkChange, service, error }: AttachmentPanelProps) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  // The last progress report carries the file's size (the upload's answer doesn't).
  const lastTotal = useRef<number | null>(null);
  const upload = usePickAndUploadMedia((report) => {
    lastTotal.current = report.total;
    setProgress(report);
  });
  const copy = useUploadMediaObject();
  const cancelUpload = useCancelUpload();
  // The upload in progress, so Cancel can stop it.
  const uploadId = useRef<string | null>(null);
  const [stopped, setStopped] = useState(false);

  async function onPickFile() {
    setUploadError(null);
    setProgress(null);
    setStopped(false);
    lastTotal.current = null;
    const id = `upload-${Date.now()}-${++uploadCounter}`;
    uploadId.current = id;
    try {
      const uploaded = await upload.mutateAsync({ ...uploadLimitFor(service), uploadId: id });
      setProgress(null);
      if (uploaded) {
        onAttach(attachmentFromHosted(uploaded.media_url, lastTotal.current));
        onLinkChange(null);
      }
    } catch (e) {
      setProgress(null);
      const appError = toAppError(e);
      if (appError.code === "Validation" && appError.detail?.field === "file") {
        // The file's own problem (too big for SMS), already in plain words.
        setUploadError(`${appError.message} Choose a smaller file.`);
      } else {
        const human = humanError(appError);
        setUploadError(`${human.title}. ${human.body}`);
      }
    } finally {
      uploadId.current = null;
    }
  }

  function onCancelUpload() {
    const id = uploadId.current;
    if (!id) return;
    setStopped(true);
    cancelUpload.mutate(id);
  }

  function attachLink() {
    if (link === null) return;
    const checked = checkMediaUrl(link);
    if (!checked.ok) {
      setLinkError(checked.error);
      return;
    }
    setLinkError(null);
    onAttach(attachmentFromLink(link));
    onLinkChange(null);
  }

  async function copyToSendblue() {
    if (link === null) return;
    try {
      const stored = await copy.mutateAsync(link.trim());
      if (stored.media_url) {
        onAttach(attachmentFromHosted(stored.media_url, null));
        onLinkChange(null);
        setLinkError(null);
      } else {
        setLinkError("Sendblue kept a copy but didn't give a link to send it. Download the file and use “Attach a file” instead.");
      }
    } catch (e) {
      const human = humanError(toAppError(e));
      setLinkError(`${human.title}. ${human.body}`);
    }
  }

  function onLinkKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      attachLink();
    }
  }

  if (attachment) {
    const problems = attachmentProblems(attachment, service);
    return (
      <div className="compose-attachment" data-testid="compose-attachment">
        <div className="compose-attachment__row">
          <span className="compose-attachment__name" data-testid="compose-attachment-name">
            {attachment.name}
          </span>
          <span className="muted">
            {attachment.kind}
            {attachment.bytes !== null ? ` · ${formatSize(attachment.bytes)}` : ""}
          </span>
          <Button size="sm" variant="ghost" onClick={() => onAttach(null)} aria-label={`Remove ${attachment.name}`} data-testid="compose-attachment-remove">
            Remove
          </Button>
        </div>
        {(error ?? problems.error) && (
          <p className="field__error" data-testid="compose-attachment-error">
            {error ?? problems.error}
          </p>
        )}
        {!error && !problems.error && problems.warning && (
          <p className="compose-warning" data-testid="compose-attachment-warning">
            {problems.warning}
          </p>
        )}
      </div>
    );
  }

  const checked = link === null ? null : checkMediaUrl(link);
  const shownLinkError = linkError ?? error ?? null;
  return (
    <div className="compose-attach">
      {upload.isPending ? (
        <div className="compose-upload" data-testid="compose-upload" role="status">
          <span>{progress ? `Uploading… ${percent(progress)}% of ${formatSize(progress.total)}` : "Choose a file in the window that opened…"}</span>
          {progress && <progress max={100} value={percent(progress)} aria-label="Upload progress" data-testid="compose-upload-progress" />}
          {progress && (
            <Button size="sm" variant="ghost" onClick={onCancelUpload} busy={cancelUpload.isPending} data-testid="compose-upload-cancel">
              Cancel upload
            </Button>
          )}
        </div>
      ) : (
        <div className="compose-attach__buttons">
          <Button onClick={() => void onPickFile()} data-testid="compose-attach-file">
            Attach a file
          </Button>
          {link === null && (
            <Button variant="ghost" onClick={() => onLinkChange("")} data-testid="compose-media-url-open">
              Use a media link
            </Button>
          )}
        </div>
      )}
      {stopped && !upload.isPending && !uploadError && (
        <p className="muted" role="status" data-testid="compose-upload-stopped">
          Upload stopped. Nothing was attached.
        </p>
      )}
      {uploadError && (
        <p className="field__error" role="alert" data-testid="compose-upload-error">
          {uploadError}
        </p>
      )}
      {link !== null && (
        <div className="compose-link">
          <Input
            label="Link to the file"
            testId="compose-media-url"
            value={link}
            inputMode="url"
            placeholder="https://example.com/photo.jpg"
            autoFocus
            onChange={(e) => {
              onLinkChange(e.target.value);
              setLinkError(null);
            }}
            onKeyDown={onLinkKey}
            error={shownLinkError}
            hint="A public https link ending in the file type (.jpg, .mp4, .pdf…). Up to 100 MB on iMessage (20 MB recommended), 5 MB on SMS."
          />
          <div className="compose-link__buttons">
            {checked && !checked.ok && checked.signed && (
              <Button size="sm" busy={copy.isPending} onClick={() => void copyToSendblue()} data-testid="compose-media-url-copy">
                Store a copy on Sendblue
              </Button>
            )}
            <Button size="sm" onClick={attachLink} data-testid="compose-media-url-add">
              Attach link
            </Button>
            <Button size="sm" variant="ghost" onClick={() => { onLinkChange(null); setLinkError(null); }}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
