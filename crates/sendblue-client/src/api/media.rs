//! Media uploads (§7), and the streamed file part shared with the group photo upload.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use futures_util::TryStreamExt;
use reqwest::multipart::{Form, Part};
use reqwest::Method;
use tokio_util::io::ReaderStream;

use crate::config::ClientConfig;
use crate::error::{Error, Result};
use crate::models::media::{
    UploadFileResponse, UploadMediaObject, UploadMediaObjectResponse, UPLOAD_FILE_MAX_BYTES,
};
use crate::transport::FormFactory;
use crate::Client;

/// Called as an upload goes out with `(bytes sent, total bytes)`. Restarts from 0 when a
/// request is repeated.
pub type UploadProgress = Arc<dyn Fn(u64, u64) + Send + Sync + 'static>;

/// Read size for streamed uploads.
const CHUNK: usize = 64 * 1024;

/// Media: reached through [`Client::media`].
#[derive(Debug, Clone, Copy)]
pub struct Media<'c> {
    client: &'c Client,
}

impl Client {
    /// File uploads and re-hosting (§7).
    pub fn media(&self) -> Media<'_> {
        Media { client: self }
    }
}

/// A local file checked for size, ready to be streamed as the multipart part `file`.
#[derive(Debug, Clone)]
pub(crate) struct FileSource {
    path: PathBuf,
    file_name: String,
    mime: String,
    size: u64,
    max_bytes: u64,
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

impl FileSource {
    /// Looks at the file and refuses it locally when it is missing, not a file, or larger
    /// than `max_bytes`.
    pub(crate) async fn check(path: &Path, max_bytes: u64) -> Result<Self> {
        let meta = tokio::fs::metadata(path).await?;
        if !meta.is_file() {
            return Err(Error::validation(
                "file",
                format!("{} is not a file.", path.display()),
            ));
        }
        let size = meta.len();
        if size > max_bytes {
            return Err(Error::validation(
                "file",
                format!("The file is {}; the limit is {}.", mb(size), mb(max_bytes)),
            ));
        }
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| Error::validation("file", "The path has no file name."))?;
        let mime = mime_guess::from_path(path)
            .first_or_octet_stream()
            .essence_str()
            .to_owned();
        Ok(Self {
            path: path.to_owned(),
            file_name,
            mime,
            size,
            max_bytes,
        })
    }

    /// The size seen by [`FileSource::check`].
    pub(crate) fn size(&self) -> u64 {
        self.size
    }

    /// The whole-request timeout for this file: the normal timeout plus the time the
    /// slowest healthy connection needs for its bytes.
    pub(crate) fn timeout(&self, config: &ClientConfig) -> Duration {
        let rate = config.upload_min_bytes_per_sec.max(1) as f64;
        config.timeout + Duration::from_secs_f64(self.size as f64 / rate)
    }

    /// Opens the file afresh and streams it as one part, reporting progress per chunk.
    pub(crate) fn part(&self, progress: Option<UploadProgress>) -> Result<Part> {
        let file = std::fs::File::open(&self.path)?;
        let total = file.metadata()?.len();
        if total > self.max_bytes {
            return Err(Error::validation(
                "file",
                format!(
                    "The file grew to {}; the limit is {}.",
                    mb(total),
                    mb(self.max_bytes)
                ),
            ));
        }
        let mut sent = 0u64;
        let chunks = ReaderStream::with_capacity(tokio::fs::File::from_std(file), CHUNK)
            .inspect_ok(move |chunk| {
                sent += chunk.len() as u64;
                if let Some(report) = &progress {
                    report(sent, total);
                }
            });
        Part::stream_with_length(reqwest::Body::wrap_stream(chunks), total)
            .file_name(self.file_name.clone())
            .mime_str(&self.mime)
            .map_err(|e| Error::validation("file", e.to_string()))
    }

    /// A form factory with the file as part `file` plus `fields` as text parts; every
    /// attempt reopens the file.
    pub(crate) fn form_factory(
        &self,
        fields: Vec<(&'static str, String)>,
        progress: Option<UploadProgress>,
    ) -> FormFactory {
        let source = self.clone();
        Arc::new(move || {
            let mut form = Form::new();
            for (name, value) in &fields {
                form = form.text(*name, value.clone());
            }
            Ok(form.part("file", source.part(progress.clone())?))
        })
    }
}

impl Media<'_> {
    /// `POST /api/upload-file` — upload a local file to Sendblue's CDN (§7.1).
    ///
    /// Refuses files over 100 MB locally. The file is streamed from disk as the multipart
    /// part `file`; the timeout grows with its size. Never retried once it may have been
    /// sent. Returns the hosted `media_url` (use it in sends) and `mediaObjectId`.
    pub async fn upload_file(&self, path: impl AsRef<Path>) -> Result<UploadFileResponse> {
        self.upload(path.as_ref(), None).await
    }

    /// `POST /api/upload-file` — as [`Media::upload_file`], calling `progress(sent, total)`
    /// as each chunk goes out (§7.1).
    pub async fn upload_file_with_progress(
        &self,
        path: impl AsRef<Path>,
        progress: impl Fn(u64, u64) + Send + Sync + 'static,
    ) -> Result<UploadFileResponse> {
        self.upload(path.as_ref(), Some(Arc::new(progress))).await
    }

    async fn upload(
        &self,
        path: &Path,
        progress: Option<UploadProgress>,
    ) -> Result<UploadFileResponse> {
        let source = FileSource::check(path, UPLOAD_FILE_MAX_BYTES).await?;
        tracing::debug!(size = source.size(), "uploading file");
        let timeout = source.timeout(self.client.config());
        self.client
            .call(Method::POST, "/api/upload-file")
            .multipart(source.form_factory(Vec::new(), progress))
            .timeout(timeout)
            .send()
            .await
    }

    /// `POST /api/upload-media-object` — have Sendblue fetch a remote file (a signed URL,
    /// say) and host it (§7.2).
    ///
    /// Never retried once it may have been sent. Returns `mediaObjectId` (and `media_url`
    /// when the server provides one).
    pub async fn upload_media_object(&self, media_url: &str) -> Result<UploadMediaObjectResponse> {
        self.client
            .call(Method::POST, "/api/upload-media-object")
            .json(&UploadMediaObject::new(media_url))
            .send()
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn upload_timeout_grows_with_the_file() {
        let file = tempfile::NamedTempFile::new().unwrap();
        file.as_file().set_len(10 * 1024 * 1024).unwrap();
        let source = FileSource::check(file.path(), UPLOAD_FILE_MAX_BYTES)
            .await
            .unwrap();
        let mut config = ClientConfig::new("k", "s");
        config.timeout = Duration::from_secs(60);
        config.upload_min_bytes_per_sec = 1024 * 1024;
        assert_eq!(source.timeout(&config), Duration::from_secs(70));
        config.upload_min_bytes_per_sec = 0;
        assert!(source.timeout(&config) > Duration::from_secs(60));
    }
}
