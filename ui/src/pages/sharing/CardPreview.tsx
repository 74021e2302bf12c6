import { useState } from "react";
import { initialsOf, photoUrlError, type CardFields } from "./sharingRules.ts";

export interface CardPreviewProps {
  fields: CardFields;
  line: string;
  /** The saved card has a photo (its address isn't readable back from Sendblue). */
  hasSavedPhoto: boolean;
  clearPhoto: boolean;
}

/** The card as it shows on someone's iPhone: round picture, name, display name. */
export function CardPreview({ fields, line, hasSavedPhoto, clearPhoto }: CardPreviewProps) {
  const photo = fields.photoUrl.trim();
  const showPhoto = photo !== "" && photoUrlError(photo) === null;
  const [broken, setBroken] = useState<string | null>(null);
  const name = [fields.firstName.trim(), fields.lastName.trim()].filter(Boolean).join(" ");
  const initials = initialsOf(fields);
  const photoNote = showPhoto
    ? broken === photo
      ? "The picture couldn't be loaded here; check that the link opens the image itself."
      : null
    : clearPhoto
      ? "The photo will be removed."
      : hasSavedPhoto
        ? "Keeps the photo saved with Sendblue."
        : "No photo: people see the initials.";

  return (
    <figure className="sharing-card" data-testid="sharing-preview" aria-label="How the card looks on a phone">
      <div className="sharing-card__phone">
        <p className="sharing-card__banner">Share your name and photo?</p>
        <div className="sharing-card__avatar">
          {showPhoto && broken !== photo ? (
            <img src={photo} alt="The card's photo" onError={() => setBroken(photo)} data-testid="sharing-preview-photo" />
          ) : (
            <span aria-hidden="true" data-testid="sharing-preview-initials">{initials || "?"}</span>
          )}
        </div>
        <p className="sharing-card__name" data-testid="sharing-preview-name">
          {name || "No name yet"}
        </p>
        {fields.displayName.trim() !== "" && (
          <p className="sharing-card__display" data-testid="sharing-preview-display-name">
            {fields.displayName.trim()}
          </p>
        )}
        <p className="sharing-card__line mono">{line}</p>
      </div>
      {photoNote && <figcaption className="muted">{photoNote}</figcaption>}
    </figure>
  );
}
