import { useSecretStorage } from "../hooks/useSecretStorage.ts";

/** Shown only when no keychain is running and secrets are kept in an owner-only file. */
export function SecretStorageWarning() {
  const { data: storage } = useSecretStorage();
  if (storage !== "File") return null;
  return (
    <div className="banner banner--warning" role="status" data-testid="secret-storage-warning">
      <strong>Secrets are saved in a file, not the system keychain.</strong> No keychain service is
      running, so API secrets are kept in a file only your user account can read. Start your
      desktop's keychain (for example GNOME Keyring) and restart the console to keep them safer.
    </div>
  );
}
