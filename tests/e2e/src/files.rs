//! Looking through the files a journey's app wrote: which contain a string (a planted secret
//! must be in none), and JSON objects in them (the profile store).

use std::path::{Path, PathBuf};

/// Every regular file under `root` (recursively; symlinks are not followed).
pub fn all_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    out
}

/// The files under `root` whose bytes contain `needle` (as UTF-8, and as UTF-16LE for stores
/// that keep text that way).
pub fn files_containing(root: &Path, needle: &str) -> Vec<PathBuf> {
    let plain = needle.as_bytes().to_vec();
    let utf16: Vec<u8> = needle
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    all_files(root)
        .into_iter()
        .filter(|path| {
            std::fs::read(path)
                .map(|bytes| contains(&bytes, &plain) || contains(&bytes, &utf16))
                .unwrap_or(false)
        })
        .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every JSON object, at any depth, of every `.json` file under `root` that parses.
pub fn json_objects(root: &Path) -> Vec<(PathBuf, serde_json::Map<String, serde_json::Value>)> {
    let mut out = Vec::new();
    for path in all_files(root) {
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let mut stack = vec![value];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Object(map) => {
                    stack.extend(map.values().cloned());
                    out.push((path.clone(), map));
                }
                serde_json::Value::Array(items) => stack.extend(items),
                // The plugin store may keep a nested document as a JSON string.
                serde_json::Value::String(s) if s.trim_start().starts_with('{') => {
                    if let Ok(inner) = serde_json::from_str(&s) {
                        stack.push(inner);
                    }
                }
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_needle_in_nested_files_as_utf8_and_utf16() {
        let dir = tempfile::tempdir().expect("temp dir");
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).expect("folders");
        std::fs::write(nested.join("plain.log"), "x planted-42 y").expect("write");
        let utf16: Vec<u8> = "planted-42"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        std::fs::write(dir.path().join("wide.bin"), utf16).expect("write");
        std::fs::write(dir.path().join("clean.txt"), "nothing here").expect("write");
        let found = files_containing(dir.path(), "planted-42");
        assert_eq!(
            found,
            vec![nested.join("plain.log"), dir.path().join("wide.bin")]
        );
    }

    #[test]
    fn json_objects_reach_nested_and_string_encoded_documents() {
        let dir = tempfile::tempdir().expect("temp dir");
        let doc = serde_json::json!({
            "profiles": { "doc": "{\"items\":[{\"id\":\"p1\",\"name\":\"Live\"}]}" },
            "other": [{ "id": "p2", "name": "Sandbox" }],
        });
        std::fs::write(dir.path().join("store.json"), doc.to_string()).expect("write");
        std::fs::write(dir.path().join("broken.json"), "{").expect("write");
        let names: Vec<String> = json_objects(dir.path())
            .into_iter()
            .filter_map(|(_, o)| o.get("name").and_then(|v| v.as_str()).map(str::to_owned))
            .collect();
        assert!(names.contains(&"Live".to_owned()), "{names:?}");
        assert!(names.contains(&"Sandbox".to_owned()), "{names:?}");
    }
}
