//! Where API secrets live: the OS keychain (Secret Service on Linux), or — only when no
//! keychain service is running — an owner-only file, which the page flags as a warning.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use async_trait::async_trait;
use sendblue_client::Secret;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};

/// The keychain service name the console's entries are filed under.
pub const KEYCHAIN_SERVICE: &str = "sendblue-console";

/// Which kind of store holds the secrets (the page warns about `File`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum SecretStorage {
    /// The OS keychain.
    Keychain,
    /// An owner-only file in the app data folder (no keychain service was running).
    File,
}

/// Keeps one secret per profile id.
#[async_trait]
pub trait SecretStore: Send + Sync + std::fmt::Debug {
    /// Which kind of store this is.
    fn storage(&self) -> SecretStorage;
    /// The secret of `profile_id`, if one is stored.
    async fn get(&self, profile_id: &str) -> AppResult<Option<Secret>>;
    /// Stores (or replaces) the secret of `profile_id`.
    async fn set(&self, profile_id: &str, secret: &Secret) -> AppResult<()>;
    /// Forgets the secret of `profile_id` (no error when there was none).
    async fn delete(&self, profile_id: &str) -> AppResult<()>;
}

/// The OS keychain through `keyring` (async Secret Service backend on Linux).
#[derive(Debug, Clone)]
pub struct KeychainSecrets {
    service: String,
}

impl KeychainSecrets {
    /// Entries filed under `service` (normally [`KEYCHAIN_SERVICE`]).
    pub fn new(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
        }
    }

    /// True when a keychain service answers (a probe read that may find nothing).
    pub async fn available(&self) -> bool {
        let service = self.service.clone();
        tokio::task::spawn_blocking(move || {
            let Ok(entry) = keyring::Entry::new(&service, "__probe__") else {
                return false;
            };
            matches!(entry.get_password(), Ok(_) | Err(keyring::Error::NoEntry))
        })
        .await
        .unwrap_or(false)
    }

    async fn run<T: Send + 'static>(
        &self,
        profile_id: &str,
        op: impl FnOnce(keyring::Entry) -> keyring::Result<T> + Send + 'static,
    ) -> AppResult<T> {
        let (service, user) = (self.service.clone(), profile_id.to_owned());
        tokio::task::spawn_blocking(move || {
            let entry = keyring::Entry::new(&service, &user)?;
            op(entry)
        })
        .await
        .map_err(AppError::keychain)?
        .map_err(AppError::keychain)
    }
}

#[async_trait]
impl SecretStore for KeychainSecrets {
    fn storage(&self) -> SecretStorage {
        SecretStorage::Keychain
    }

    async fn get(&self, profile_id: &str) -> AppResult<Option<Secret>> {
        self.run(profile_id, |entry| match entry.get_password() {
            Ok(p) => Ok(Some(Secret::new(p))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(e),
        })
        .await
    }

    async fn set(&self, profile_id: &str, secret: &Secret) -> AppResult<()> {
        let value = secret.clone();
        self.run(profile_id, move |entry| entry.set_password(value.expose()))
            .await
    }

    async fn delete(&self, profile_id: &str) -> AppResult<()> {
        self.run(profile_id, |entry| match entry.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(e),
        })
        .await
    }
}

/// Secrets in one owner-only (0600) JSON file; used only when no keychain service runs.
#[derive(Debug)]
pub struct FileSecrets {
    path: PathBuf,
    lock: tokio::sync::Mutex<()>,
}

impl FileSecrets {
    /// Secrets kept at `path`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            lock: tokio::sync::Mutex::new(()),
        }
    }

    fn read(&self) -> AppResult<BTreeMap<String, String>> {
        match std::fs::read(&self.path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map_err(|e| AppError::io("read the secrets file", e))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
            Err(e) => Err(AppError::io("read the secrets file", e)),
        }
    }

    fn write(&self, map: &BTreeMap<String, String>) -> AppResult<()> {
        let bytes =
            serde_json::to_vec(map).map_err(|e| AppError::io("write the secrets file", e))?;
        crate::files::write_atomic(&self.path, &bytes, true)
            .map_err(|e| AppError::io("write the secrets file", e))
    }
}

#[async_trait]
impl SecretStore for FileSecrets {
    fn storage(&self) -> SecretStorage {
        SecretStorage::File
    }

    async fn get(&self, profile_id: &str) -> AppResult<Option<Secret>> {
        let _guard = self.lock.lock().await;
        Ok(self.read()?.remove(profile_id).map(Secret::new))
    }

    async fn set(&self, profile_id: &str, secret: &Secret) -> AppResult<()> {
        let _guard = self.lock.lock().await;
        let mut map = self.read()?;
        map.insert(profile_id.to_owned(), secret.expose().to_owned());
        self.write(&map)
    }

    async fn delete(&self, profile_id: &str) -> AppResult<()> {
        let _guard = self.lock.lock().await;
        let mut map = self.read()?;
        if map.remove(profile_id).is_some() {
            self.write(&map)?;
        }
        Ok(())
    }
}

/// The keychain when a keychain service answers, else the owner-only file at `fallback`.
pub async fn choose(fallback: impl Into<PathBuf>) -> Arc<dyn SecretStore> {
    let keychain = KeychainSecrets::new(KEYCHAIN_SERVICE);
    if keychain.available().await {
        Arc::new(keychain)
    } else {
        tracing::warn!("no keychain service is running: secrets go to an owner-only file");
        Arc::new(FileSecrets::new(fallback))
    }
}
