//! The console's session: the saved profiles, the active one's client and live data (mirror,
//! jobs, audit log, event follower; see [`crate::live`]), the built-in sandbox. Switching
//! profiles swaps the client and the live data without a restart.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use sendblue_client::{Client, ClientConfig, PacingPolicy, Secret};
use serde::{Deserialize, Serialize};

use crate::embedded::{self, Embedded};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::live::{Live, LiveConfig};
use crate::profiles::{Profile, ProfileKind, ProfileStore, ProfilesDoc, EMBEDDED_BASE_URL};
use crate::secrets::{SecretStorage, SecretStore};

mod activation;

/// A profile as the page sees it: never its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProfileView {
    /// The profile.
    pub profile: Profile,
    /// It is the one in use.
    pub active: bool,
    /// Where its secret is kept (the page warns about `File`).
    pub secret_storage: SecretStorage,
    /// The address actually used (the built-in sandbox's changes every start).
    pub effective_url: Option<String>,
}

/// What the person types to add a profile.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewProfile {
    /// Display name.
    pub name: String,
    /// API base URL (HTTPS, or plain HTTP on this computer only).
    pub base_url: String,
    /// The API key id.
    pub key_id: String,
    /// The API secret; goes straight to the secret store.
    pub secret: String,
    /// Sandbox or Live.
    pub kind: ProfileKind,
}

/// The session. Share it behind an `Arc`.
pub struct Console {
    store: Box<dyn ProfileStore>,
    secrets: Arc<dyn SecretStore>,
    data_dir: PathBuf,
    embedded: tokio::sync::Mutex<Option<Embedded>>,
    embedded_url: RwLock<Option<String>>,
    active: RwLock<Option<(Profile, Client)>>,
    live_confirmed: Mutex<HashSet<String>>,
    live_config: LiveConfig,
    /// Every profile's live data opened this session, by profile id (kept after a switch
    /// away, so its jobs keep running and are never resumed twice).
    lives: Mutex<HashMap<String, Arc<Live>>>,
    /// The active profile's live data, or why it couldn't be opened.
    live: RwLock<Option<AppResult<Arc<Live>>>>,
    /// One activation at a time: two switches at once must not interleave their starts.
    activation: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for Console {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Console")
            .field("data_dir", &self.data_dir)
            .finish_non_exhaustive()
    }
}

impl Console {
    /// Opens the session with [`LiveConfig::quiet`] live data (stores open, no follower, no
    /// automatic refresh): for tools and tests. The app uses [`Console::open_with`].
    pub async fn open(
        store: Box<dyn ProfileStore>,
        secrets: Arc<dyn SecretStore>,
        data_dir: impl Into<PathBuf>,
    ) -> AppResult<Self> {
        Self::open_with(store, secrets, data_dir, LiveConfig::quiet()).await
    }

    /// Opens the session. On first launch creates the "Sandbox" profile (with a fresh random
    /// secret) and selects it; starts the built-in sandbox when a profile uses it; starts the
    /// active profile's live data as `live` says.
    pub async fn open_with(
        store: Box<dyn ProfileStore>,
        secrets: Arc<dyn SecretStore>,
        data_dir: impl Into<PathBuf>,
        live: LiveConfig,
    ) -> AppResult<Self> {
        let console = Self {
            store,
            secrets,
            data_dir: data_dir.into(),
            embedded: tokio::sync::Mutex::new(None),
            embedded_url: RwLock::new(None),
            active: RwLock::new(None),
            live_confirmed: Mutex::new(HashSet::new()),
            live_config: live,
            lives: Mutex::new(HashMap::new()),
            live: RwLock::new(None),
            activation: tokio::sync::Mutex::new(()),
        };
        let mut doc = console.store.load()?;
        if doc.profiles.is_empty() {
            let profile = embedded::new_profile();
            console
                .secrets
                .set(&profile.id, &embedded::new_secret())
                .await?;
            doc.active = Some(profile.id.clone());
            doc.profiles.push(profile);
            console.store.save(&doc)?;
        }
        if let Some(active) = doc
            .active
            .clone()
            .or_else(|| doc.profiles.first().map(|p| p.id.clone()))
        {
            console.activate(&doc, &active).await?;
        }
        Ok(console)
    }

    /// Every profile, the active one marked.
    pub fn profiles(&self) -> AppResult<Vec<ProfileView>> {
        let doc = self.store.load()?;
        let active = self.active_profile().map(|p| p.id);
        Ok(doc
            .profiles
            .into_iter()
            .map(|profile| ProfileView {
                active: active.as_deref() == Some(profile.id.as_str()),
                secret_storage: self.secrets.storage(),
                effective_url: self.effective_url(&profile),
                profile,
            })
            .collect())
    }

    /// The profile in use.
    pub fn active_profile(&self) -> Option<Profile> {
        self.active
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .map(|(p, _)| p.clone())
    }

    /// The client of the profile in use.
    pub fn client(&self) -> AppResult<Client> {
        self.active
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .map(|(_, c)| c.clone())
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::Unauthorized,
                    "No profile is selected. Add or choose one in Settings.",
                )
            })
    }

    /// Where the secrets are kept.
    pub fn secret_storage(&self) -> SecretStorage {
        self.secrets.storage()
    }

    /// Adds a profile after checking its fields; the secret goes to the secret store.
    pub async fn add_profile(&self, input: NewProfile) -> AppResult<Profile> {
        let profile = self.validate(&input)?;
        self.secrets
            .set(&profile.id, &Secret::new(input.secret.trim()))
            .await?;
        let mut doc = self.store.load()?;
        doc.profiles.push(profile.clone());
        self.store.save(&doc)?;
        Ok(profile)
    }

    /// Checks a profile's connection before it is saved (`GET /api/v2/contacts/count`).
    pub async fn test_new_profile(&self, input: NewProfile) -> AppResult<u64> {
        let profile = self.validate(&input)?;
        let client = self.build_client(&profile, Secret::new(input.secret.trim()))?;
        Ok(client.contacts().count().await?)
    }

    /// Checks a saved profile's connection; returns its contact count.
    pub async fn test_connection(&self, id: &str) -> AppResult<u64> {
        let doc = self.store.load()?;
        let profile = find(&doc, id)?;
        let client = self.client_for(&profile).await?;
        Ok(client.contacts().count().await?)
    }

    /// Changes a saved profile's secret (and keeps the rest).
    pub async fn set_secret(&self, id: &str, secret: &str) -> AppResult<()> {
        crate::redact::global().register(secret);
        if secret.trim().is_empty() {
            return Err(AppError::invalid("secret", "Enter the API secret."));
        }
        let doc = self.store.load()?;
        find(&doc, id)?;
        self.secrets.set(id, &Secret::new(secret.trim())).await?;
        if self.active_profile().is_some_and(|p| p.id == id) {
            self.activate(&doc, id).await?;
        }
        Ok(())
    }

    /// Makes `id` the active profile; its client replaces the old one at once.
    pub async fn switch(&self, id: &str) -> AppResult<Profile> {
        let mut doc = self.store.load()?;
        let profile = find(&doc, id)?;
        self.activate(&doc, id).await?;
        doc.active = Some(id.to_owned());
        self.store.save(&doc)?;
        Ok(profile)
    }

    /// Deletes a profile and its secret. The built-in sandbox stays.
    pub async fn delete_profile(&self, id: &str) -> AppResult<()> {
        let mut doc = self.store.load()?;
        let profile = find(&doc, id)?;
        if profile.is_embedded() {
            return Err(AppError::invalid(
                "profile",
                "The built-in sandbox can't be removed.",
            ));
        }
        doc.profiles.retain(|p| p.id != id);
        let was_active = self.active_profile().is_some_and(|p| p.id == id);
        if was_active {
            doc.active = doc.profiles.first().map(|p| p.id.clone());
        }
        self.store.save(&doc)?;
        self.secrets.delete(id).await?;
        if was_active {
            match doc.active.clone() {
                Some(next) => self.activate(&doc, &next).await?,
                None => {
                    *self.active.write().unwrap_or_else(|p| p.into_inner()) = None;
                    self.stop_live().await;
                }
            }
        }
        // Its files stay in the data folder (the audit log and any job backups with them).
        let gone = self.lock_lives().remove(id);
        if let Some(gone) = gone {
            gone.stop().await;
        }
        Ok(())
    }

    /// Guards the first send from a Live profile after the app starts: it needs the person's
    /// confirmation (`confirmed`), once per profile per run.
    pub fn check_send_allowed(&self, confirmed: bool) -> AppResult<()> {
        let Some(profile) = self.active_profile() else {
            return Err(AppError::new(
                ErrorCode::Unauthorized,
                "No profile is selected.",
            ));
        };
        if profile.kind != ProfileKind::Live {
            return Ok(());
        }
        let mut done = self
            .live_confirmed
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if done.contains(&profile.id) {
            return Ok(());
        }
        if confirmed {
            done.insert(profile.id);
            return Ok(());
        }
        Err(AppError::invalid(
            "confirm_live",
            format!(
                "“{}” is a Live account: this message goes to a real phone. Confirm to send it.",
                profile.name
            ),
        ))
    }

    /// True when the next send needs [`Console::check_send_allowed`] with `confirmed`.
    pub fn send_needs_confirmation(&self) -> bool {
        self.check_send_allowed(false).is_err()
    }

    /// The built-in sandbox, when it is running (tests and diagnostics).
    pub async fn embedded_base_url(&self) -> Option<String> {
        self.embedded.lock().await.as_ref().map(|e| e.base_url())
    }

    /// Stops the live data (follower, refreshes) and the built-in sandbox. Running jobs stop
    /// with the process and resume at the next start.
    pub async fn shutdown(&self) {
        self.stop_live().await;
        let lives: Vec<Arc<Live>> = self.lock_lives().values().cloned().collect();
        for live in lives {
            live.stop().await;
        }
        if let Some(embedded) = self.embedded.lock().await.take() {
            embedded.stop().await;
        }
    }

    fn validate(&self, input: &NewProfile) -> AppResult<Profile> {
        // Before any check can fail, so even a refused attempt never shows up in a log.
        crate::redact::global().register(&input.secret);
        let name = input.name.trim();
        if name.is_empty() {
            return Err(AppError::invalid(
                "name",
                "Give the profile a name, for example “Acme Live”.",
            ));
        }
        let url = sendblue_client::config::parse_base_url(&input.base_url)?;
        if let Some(own) = self
            .embedded_url
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .as_deref()
        {
            if url.as_str().trim_end_matches('/') == own.trim_end_matches('/') {
                return Err(AppError::invalid(
                    "base_url",
                    "That address is the built-in sandbox, which already has its own profile.",
                ));
            }
        }
        if input.key_id.trim().is_empty() {
            return Err(AppError::invalid("key_id", "Enter the API key id."));
        }
        if input.secret.trim().is_empty() {
            return Err(AppError::invalid("secret", "Enter the API secret."));
        }
        Ok(Profile {
            id: uuid::Uuid::new_v4().to_string(),
            name: name.to_owned(),
            base_url: url.as_str().trim_end_matches('/').to_owned(),
            key_id: input.key_id.trim().to_owned(),
            kind: input.kind,
        })
    }

    /// A client for `profile`, starting the built-in sandbox when it is the embedded one.
    async fn client_for(&self, profile: &Profile) -> AppResult<Client> {
        let secret = match self.secrets.get(&profile.id).await? {
            Some(s) => {
                crate::redact::register(&s);
                s
            }
            None if profile.is_embedded() => {
                // The built-in sandbox accepts whatever key it is started with: make a new one.
                let s = embedded::new_secret();
                crate::redact::register(&s);
                self.secrets.set(&profile.id, &s).await?;
                s
            }
            None => {
                return Err(AppError::new(
                    ErrorCode::Unauthorized,
                    format!(
                    "The secret of “{}” is missing from the keychain. Enter it again in Settings.",
                    profile.name
                ),
                ))
            }
        };
        if profile.is_embedded() {
            self.ensure_embedded(profile, &secret).await?;
        }
        self.build_client(profile, secret)
    }

    fn build_client(&self, profile: &Profile, secret: Secret) -> AppResult<Client> {
        let base = self.effective_url(profile).ok_or_else(|| {
            AppError::new(ErrorCode::Network, "The built-in sandbox isn't running.")
        })?;
        let mut config = ClientConfig::new(profile.key_id.clone(), secret).with_base_url(&base)?;
        if profile.kind == ProfileKind::Live {
            config.pacing = Some(PacingPolicy::default());
        }
        Ok(Client::new(config)?)
    }

    fn effective_url(&self, profile: &Profile) -> Option<String> {
        if profile.base_url == EMBEDDED_BASE_URL {
            self.embedded_url
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .clone()
        } else {
            Some(profile.base_url.clone())
        }
    }

    async fn ensure_embedded(&self, profile: &Profile, secret: &Secret) -> AppResult<()> {
        let mut slot = self.embedded.lock().await;
        if slot
            .as_ref()
            .is_some_and(|e| e.accepts(&profile.key_id, secret))
        {
            return Ok(());
        }
        if let Some(old) = slot.take() {
            old.stop().await;
        }
        let started = Embedded::start(&self.data_dir, &profile.key_id, secret).await?;
        *self.embedded_url.write().unwrap_or_else(|p| p.into_inner()) = Some(started.base_url());
        *slot = Some(started);
        Ok(())
    }
}

fn find(doc: &ProfilesDoc, id: &str) -> AppResult<Profile> {
    doc.profiles
        .iter()
        .find(|p| p.id == id)
        .cloned()
        .ok_or_else(|| AppError::new(ErrorCode::NotFound, "That profile no longer exists."))
}
