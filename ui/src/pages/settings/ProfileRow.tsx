import type { Profile, ProfileView_Serialize } from "../../bindings.gen.ts";
import { Badge } from "../../components/Badge.tsx";
import { Button } from "../../components/Button.tsx";
import { ProfileKindBadge } from "../../components/ProfileKindBadge.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useSwitchProfile } from "../../hooks/useSwitchProfile.ts";
import { useTestProfile } from "../../hooks/useTestProfile.ts";
import { contactsPhrase, isBuiltInSandbox, profileAddress } from "../../profiles.ts";

export interface ProfileRowProps {
  view: ProfileView_Serialize;
  onChangeSecret: (profile: Profile) => void;
  onDelete: (view: ProfileView_Serialize) => void;
}

/** One saved profile: what it is, and Switch / Test connection / Change secret / Delete. */
export function ProfileRow({ view, onChangeSecret, onDelete }: ProfileRowProps) {
  const { profile, active } = view;
  const builtIn = isBuiltInSandbox(profile);
  const switchProfile = useSwitchProfile();
  const test = useTestProfile();
  const toast = useToast();

  function onSwitch() {
    switchProfile.mutate(profile.id, {
      onSuccess: (now) => toast.show({ tone: "success", title: `Now using “${now.profile.name}”.` }),
    });
  }

  return (
    <li
      className="profile-row"
      data-testid="profile-row"
      data-profile-name={profile.name}
      data-profile-id={profile.id}
      data-active={active}
    >
      <div className="profile-row__main">
        <div className="profile-row__title">
          <span className="profile-row__name">{profile.name}</span>
          <ProfileKindBadge kind={profile.kind} testId="profile-kind" />
          {active && (
            <Badge tone="success" data-testid="profile-active">
              In use
            </Badge>
          )}
        </div>
        <p className="profile-row__meta">
          <span className="mono">{profileAddress(view)}</span>
          {!builtIn && (
            <>
              {" · key id "}
              <span className="mono">{profile.key_id}</span>
            </>
          )}
        </p>
        <div role="status" className="profile-row__status">
          {test.isSuccess && (
            <p className="form-outcome__success" data-testid="profile-test-result" data-ok="true">
              Connected — {contactsPhrase(test.data)}
            </p>
          )}
          {test.isError && (
            <p className="form-outcome__error" data-testid="profile-test-result" data-ok="false" data-code={test.error.code}>
              {test.error.message}
            </p>
          )}
          {switchProfile.isError && (
            <p className="form-outcome__error" data-testid="profile-switch-error" data-code={switchProfile.error.code}>
              {switchProfile.error.message}
            </p>
          )}
        </div>
      </div>
      <div className="profile-row__actions">
        {!active && (
          <Button size="sm" variant="primary" data-testid="profile-switch" onClick={onSwitch} busy={switchProfile.isPending}>
            Switch to this
          </Button>
        )}
        <Button size="sm" data-testid="profile-test" onClick={() => test.mutate(profile.id)} busy={test.isPending}>
          {test.isPending ? "Testing…" : "Test connection"}
        </Button>
        {!builtIn && (
          <>
            <Button size="sm" data-testid="profile-edit-secret" onClick={() => onChangeSecret(profile)}>
              Change secret
            </Button>
            <Button size="sm" variant="danger" data-testid="profile-delete" onClick={() => onDelete(view)}>
              Delete
            </Button>
          </>
        )}
      </div>
    </li>
  );
}
