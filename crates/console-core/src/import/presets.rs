//! Saved column mappings ("presets"), per profile: a small JSON file in the profile's folder,
//! name → the role of each header. A preset is applied to a new file by header name, so a
//! monthly export from the same CRM maps itself.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::mapping::{suggest_mapping, ColumnMapping, MappedColumn};
use crate::error::{AppError, AppResult};
use crate::files::write_atomic;

/// The presets file's name inside the profile folder.
pub const PRESETS_FILE: &str = "import-presets.json";

/// One saved mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MappingPreset {
    /// Its name, as the person typed it.
    pub name: String,
    /// The role of each header it was saved with.
    pub columns: Vec<MappedColumn>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct PresetsDoc {
    version: u32,
    presets: BTreeMap<String, Vec<MappedColumn>>,
}

/// The presets of one profile.
#[derive(Debug, Clone)]
pub struct MappingPresets {
    path: PathBuf,
}

impl MappingPresets {
    /// The presets kept in `profile_dir` (the file is created on the first save).
    pub fn new(profile_dir: &Path) -> Self {
        Self {
            path: profile_dir.join(PRESETS_FILE),
        }
    }

    /// Every preset, by name.
    pub fn list(&self) -> AppResult<Vec<MappingPreset>> {
        Ok(self
            .load()?
            .presets
            .into_iter()
            .map(|(name, columns)| MappingPreset { name, columns })
            .collect())
    }

    /// The preset called `name`, if any.
    pub fn get(&self, name: &str) -> AppResult<Option<MappingPreset>> {
        Ok(self.list()?.into_iter().find(|p| p.name == name))
    }

    /// Saves `mapping` as `name`, replacing a preset of that name.
    pub fn save(&self, name: &str, mapping: &ColumnMapping) -> AppResult<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(AppError::invalid("name", "Give the preset a name."));
        }
        let mut doc = self.load()?;
        doc.presets.insert(name.to_owned(), mapping.columns.clone());
        self.store(&doc)
    }

    /// Deletes the preset called `name`; `false` when there was none.
    pub fn delete(&self, name: &str) -> AppResult<bool> {
        let mut doc = self.load()?;
        let removed = doc.presets.remove(name).is_some();
        if removed {
            self.store(&doc)?;
        }
        Ok(removed)
    }

    fn load(&self) -> AppResult<PresetsDoc> {
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| AppError::io("read the saved column mappings", e)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(PresetsDoc {
                version: 1,
                ..PresetsDoc::default()
            }),
            Err(e) => Err(AppError::io("read the saved column mappings", e)),
        }
    }

    fn store(&self, doc: &PresetsDoc) -> AppResult<()> {
        let bytes = serde_json::to_vec_pretty(&PresetsDoc {
            version: 1,
            presets: doc.presets.clone(),
        })
        .map_err(|e| AppError::io("save the column mappings", e))?;
        write_atomic(&self.path, &bytes, false)
            .map_err(|e| AppError::io("save the column mappings", e))
    }
}

/// The mapping for a file with `headers` under `preset`: a header the preset knows (compared
/// case-insensitively, ignoring surrounding spaces) takes the saved role; the others get the
/// suggested one.
pub fn apply_preset(preset: &MappingPreset, headers: &[String]) -> ColumnMapping {
    let mut mapping = suggest_mapping(headers);
    let key = |h: &str| h.trim().to_lowercase();
    for column in &mut mapping.columns {
        if let Some(saved) = preset
            .columns
            .iter()
            .find(|s| key(&s.header) == key(&column.header))
        {
            column.role = saved.role.clone();
        }
    }
    // A suggested role the preset gave to another column must not be claimed twice.
    dedupe_single_roles(&mut mapping, preset);
    mapping
}

fn dedupe_single_roles(mapping: &mut ColumnMapping, preset: &MappingPreset) {
    use super::mapping::{custom_label, ColumnRole};
    let from_preset = |h: &str| {
        preset
            .columns
            .iter()
            .any(|s| s.header.trim().eq_ignore_ascii_case(h.trim()))
    };
    let single = |r: &ColumnRole| {
        !matches!(
            r,
            ColumnRole::Tags | ColumnRole::Custom { .. } | ColumnRole::Ignore
        )
    };
    for i in 0..mapping.columns.len() {
        let role = mapping.columns[i].role.clone();
        if !single(&role) || from_preset(&mapping.columns[i].header) {
            continue;
        }
        let claimed = mapping
            .columns
            .iter()
            .enumerate()
            .any(|(j, c)| j != i && c.role == role && from_preset(&c.header));
        if claimed {
            let label = custom_label(&mapping.columns[i].header, i);
            mapping.columns[i].role = ColumnRole::Custom { label };
        }
    }
}
