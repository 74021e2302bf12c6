import { useRef, useState } from "react";
import type { Profile, ProfileView_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { Card } from "../../components/Card.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useRouteFlag } from "../../hooks/useRouteFlag.ts";
import { useProfiles } from "../../hooks/useProfiles.ts";
import { ChangeSecretDialog } from "./ChangeSecretDialog.tsx";
import { DeleteProfileDialog } from "./DeleteProfileDialog.tsx";
import { ProfileForm } from "./ProfileForm.tsx";
import { ProfileRow } from "./ProfileRow.tsx";

/** Settings → Profiles: the saved accounts, and adding, testing, switching and deleting them. */
export function ProfilesSection() {
  const profiles = useProfiles();
  const [adding, setAdding] = useState(false);
  const [secretFor, setSecretFor] = useState<Profile | null>(null);
  const [deleting, setDeleting] = useState<ProfileView_Serialize | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const toast = useToast();
  // The command palette's "Add profile" deep link: `#/settings?add=1`.
  useRouteFlag("add", () => setAdding(true));

  function closeForm() {
    setAdding(false);
    addButton.current?.focus();
  }

  function onSaved({ profile }: ProfileView_Serialize) {
    toast.show({
      tone: "success",
      title: `Profile “${profile.name}” saved.`,
      body: "Switch to it to work with that account.",
    });
    closeForm();
  }

  return (
    <Card
      title="Profiles"
      testId="profiles-section"
      actions={
        !adding && (
          <Button ref={addButton} variant="primary" size="sm" data-testid="profile-add" onClick={() => setAdding(true)}>
            Add profile
          </Button>
        )
      }
    >
      <p className="muted card__intro">
        Each profile is one Sendblue account. The console works with the one in use; Live profiles
        send real messages.
      </p>

      {adding && (
        <div className="profile-form-panel">
          <h3>Add a profile</h3>
          <ProfileForm onSaved={onSaved} onCancel={closeForm} />
        </div>
      )}

      {profiles.isPending ? (
        <ul className="profile-list" aria-busy="true">
          {[0, 1].map((i) => (
            <li key={i} className="profile-row">
              <div className="profile-row__main">
                <Skeleton width="12rem" height="1.25rem" label={i === 0 ? "Loading the profiles…" : ""} />
                <Skeleton width="18rem" height="1rem" label="" />
              </div>
            </li>
          ))}
        </ul>
      ) : profiles.isError ? (
        <ErrorNotice
          testId="profiles-error"
          error={profiles.error.appError}
          onRetry={() => void profiles.refetch()}
          retrying={profiles.isFetching}
        />
      ) : profiles.data.length === 0 ? (
        <EmptyState title="No profiles yet">Add your Sendblue account with “Add profile”.</EmptyState>
      ) : (
        <ul className="profile-list" data-testid="profiles">
          {profiles.data.map((view) => (
            <ProfileRow
              key={view.profile.id}
              view={view}
              onChangeSecret={(profile) => {
                setAdding(false);
                setSecretFor(profile);
              }}
              onDelete={setDeleting}
            />
          ))}
        </ul>
      )}

      <ChangeSecretDialog profile={secretFor} onClose={() => setSecretFor(null)} />
      <DeleteProfileDialog view={deleting} onClose={() => setDeleting(null)} />
    </Card>
  );
}
