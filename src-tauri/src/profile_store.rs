//! The console's `ProfileStore` over tauri-plugin-store: one store file, one key holding the
//! whole `ProfilesDoc` as JSON. Profile metadata only — secrets live in the `SecretStore`.
//! The page is given no store permission, so it never reads or writes these keys itself.

use std::path::Path;
use std::sync::Arc;

use console_core::{AppError, AppResult, ProfileStore, ProfilesDoc};
use tauri::{Manager, Runtime};
use tauri_plugin_store::{Store, StoreExt};

/// The key the profiles document is kept under.
const PROFILES_KEY: &str = "profiles";

/// Profiles kept in a tauri-plugin-store file.
pub struct TauriProfiles<R: Runtime> {
    store: Arc<Store<R>>,
}

impl<R: Runtime> std::fmt::Debug for TauriProfiles<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TauriProfiles").finish_non_exhaustive()
    }
}

impl<R: Runtime> TauriProfiles<R> {
    /// Opens (or creates) the store at `path` (relative paths are in the app data folder).
    /// Saves happen explicitly on every change, never on a timer, so a crash loses nothing.
    pub fn open(app: &impl Manager<R>, path: impl AsRef<Path>) -> AppResult<Self> {
        let store = open_store(app, path, "open the profiles store")?;
        Ok(Self { store })
    }
}

/// Opens (or creates) a tauri-plugin-store file that saves only when told to (every change
/// saves at once, so a crash loses nothing); `doing` names it in the error.
pub(crate) fn open_store<R: Runtime>(
    app: &impl Manager<R>,
    path: impl AsRef<Path>,
    doing: &str,
) -> AppResult<Arc<Store<R>>> {
    app.store_builder(path)
        .disable_auto_save()
        .build()
        .map_err(|e| AppError::io(doing, e))
}

impl<R: Runtime> ProfileStore for TauriProfiles<R> {
    fn load(&self) -> AppResult<ProfilesDoc> {
        match self.store.get(PROFILES_KEY) {
            Some(value) => serde_json::from_value(value)
                .map_err(|e| AppError::io("read the saved profiles", e)),
            None => Ok(ProfilesDoc::default()),
        }
    }

    fn save(&self, doc: &ProfilesDoc) -> AppResult<()> {
        let value = serde_json::to_value(doc).map_err(|e| AppError::io("save the profiles", e))?;
        self.store.set(PROFILES_KEY, value);
        self.store
            .save()
            .map_err(|e| AppError::io("save the profiles", e))
    }
}

#[cfg(test)]
mod tests {
    use console_core::{Profile, ProfileKind};
    use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime};

    use super::*;

    fn mock_app_with_store() -> tauri::App<MockRuntime> {
        mock_builder()
            .plugin(tauri_plugin_store::Builder::new().build())
            .build(mock_context(noop_assets()))
            .expect("mock app")
    }

    fn doc() -> ProfilesDoc {
        ProfilesDoc {
            profiles: vec![Profile {
                id: "p1".into(),
                name: "Acme Live".into(),
                base_url: "https://api.sendblue.co".into(),
                key_id: "acme-key".into(),
                kind: ProfileKind::Live,
            }],
            active: Some("p1".into()),
        }
    }

    #[test]
    fn an_empty_store_reads_as_no_profiles() {
        let dir = tempfile::tempdir().unwrap();
        let app = mock_app_with_store();
        let store = TauriProfiles::open(&app, dir.path().join("profiles.json")).unwrap();
        assert_eq!(store.load().unwrap(), ProfilesDoc::default());
    }

    #[test]
    fn saved_profiles_are_on_disk_under_one_key_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profiles.json");
        let app = mock_app_with_store();
        let store = TauriProfiles::open(&app, &path).unwrap();
        store.save(&doc()).unwrap();
        assert_eq!(store.load().unwrap(), doc());

        let on_disk: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let keys: Vec<&String> = on_disk.as_object().unwrap().keys().collect();
        assert_eq!(keys, [PROFILES_KEY]);
        assert_eq!(on_disk[PROFILES_KEY]["profiles"][0]["key_id"], "acme-key");

        // A second app (a restart) reads what the first one wrote.
        let restarted = mock_app_with_store();
        let again = TauriProfiles::open(&restarted, &path).unwrap();
        assert_eq!(again.load().unwrap(), doc());
    }

    #[test]
    fn a_damaged_document_is_an_io_error_in_plain_words() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profiles.json");
        std::fs::write(&path, r#"{"profiles": {"profiles": 7}}"#).unwrap();
        let app = mock_app_with_store();
        let store = TauriProfiles::open(&app, &path).unwrap();
        let err = store.load().unwrap_err();
        assert_eq!(err.code, console_core::ErrorCode::Io);
        assert!(err.message.starts_with("Couldn't read the saved profiles"));
    }
}
