import { ProfileKindBadge } from "../components/ProfileKindBadge.tsx";
import { Skeleton } from "../components/Skeleton.tsx";
import { useActiveProfile } from "../hooks/useActiveProfile.ts";
import { pagePath, PAGES } from "../pages/registry.ts";
import { hrefFor } from "../router.ts";

const settings = PAGES.find((p) => p.id === "settings");

/** The active profile's name and kind, always in the header. */
export function ActiveProfile() {
  const { data: active, isPending, isError } = useActiveProfile();
  const profile = active?.profile;
  return (
    <div className="active-profile" data-testid="active-profile" data-kind={profile?.kind}>
      <span className="active-profile__label">Profile</span>
      {isPending ? (
        <Skeleton width="8rem" height="1.25rem" label="Loading the active profile…" />
      ) : profile ? (
        <>
          <span className="active-profile__name" data-testid="active-profile-name">
            {profile.name}
          </span>
          <ProfileKindBadge kind={profile.kind} testId="active-profile-kind" />
          {profile.kind === "Live" && <span className="active-profile__live-note">Messages reach real phones</span>}
        </>
      ) : (
        <span className="active-profile__none">{isError ? "Couldn't load the profile" : "No profile selected"}</span>
      )}
      {settings && (
        <a className="active-profile__change" href={hrefFor(pagePath(settings))}>
          Change
        </a>
      )}
    </div>
  );
}
