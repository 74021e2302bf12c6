import { useState } from "react";
import type { UploadProgress } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { Field } from "../../components/Field.tsx";
import { usePickAndUploadMedia } from "../../hooks/usePickAndUploadMedia.ts";
import { toAppError } from "../../ipc.ts";
import { humanError } from "./errors.ts";
import { CAROUSEL_MAX, CAROUSEL_MIN } from "./media.ts";

/** The picture links of the carousel box, one per line. */
export function carouselUrls(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

export interface CarouselEditorProps {
  text: string;
  onChange: (text: string) => void;
  error?: string | null;
}

/** 2–20 pictures sent as one swipeable carousel: links one per line, or uploaded files. */
export function CarouselEditor({ text, onChange, error }: CarouselEditorProps) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const upload = usePickAndUploadMedia(setProgress);
  const count = carouselUrls(text).length;

  async function onUpload() {
    setUploadError(null);
    try {
      const uploaded = await upload.mutateAsync();
      if (uploaded) onChange(text.trim() === "" ? uploaded.media_url : `${text.replace(/\n+$/, "")}\n${uploaded.media_url}`);
    } catch (e) {
      const human = humanError(toAppError(e));
      setUploadError(`${human.title}. ${human.body}`);
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="compose-carousel" data-testid="compose-carousel">
      <Field
        label={`Pictures (${count} of ${CAROUSEL_MIN}–${CAROUSEL_MAX})`}
        testId="compose-carousel-urls"
        error={error}
        hint="One https picture link per line (.jpg, .png, .gif, .heic, .webp), or upload pictures from this computer. Carousels show on iPhones; some lines can't send them, and you'll see why if so."
      >
        {(control) => (
          <textarea {...control} className="input compose-carousel__urls" rows={4} value={text} onChange={(e) => onChange(e.target.value)} placeholder="https://example.com/one.jpg" />
        )}
      </Field>
      <div className="compose-attach__buttons">
        <Button size="sm" busy={upload.isPending} onClick={() => void onUpload()} data-testid="compose-carousel-upload">
          Upload a picture
        </Button>
        {upload.isPending && progress && (
          <progress max={Math.max(progress.total, 1)} value={progress.sent} aria-label="Upload progress" />
        )}
      </div>
      {uploadError && (
        <p className="field__error" role="alert">
          {uploadError}
        </p>
      )}
    </div>
  );
}
