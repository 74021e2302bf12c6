//! A small Server-Sent Events reader: turns a response body into frames (event name, data,
//! id) and comments (heartbeats), with an idle timeout so a silent, dead connection is noticed.

use std::time::Duration;

use bytes::BytesMut;
use futures_util::{Stream, StreamExt};

use crate::error::{Error, NetworkFailure, Result};

/// One item of an SSE stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SseItem {
    /// A dispatched event: the `event:` name (if any), the joined `data:` lines, the `id:`.
    Frame {
        event: Option<String>,
        data: String,
        id: Option<String>,
    },
    /// A comment line (`: heartbeat`), with its text.
    Comment(String),
}

/// Incremental parser state; feed it bytes, take complete items out.
#[derive(Debug, Default)]
pub(crate) struct SseParser {
    buf: BytesMut,
    event: Option<String>,
    data: Vec<String>,
    id: Option<String>,
}

impl SseParser {
    pub(crate) fn push(&mut self, chunk: &[u8]) {
        self.buf.extend_from_slice(chunk);
    }

    /// The next complete item, if the buffer holds one.
    pub(crate) fn next_item(&mut self) -> Option<SseItem> {
        loop {
            let end = self.buf.iter().position(|&b| b == b'\n')?;
            let mut line = self.buf.split_to(end + 1);
            line.truncate(end);
            if line.last() == Some(&b'\r') {
                line.truncate(line.len() - 1);
            }
            let line = String::from_utf8_lossy(&line).into_owned();
            if line.is_empty() {
                if self.data.is_empty() && self.event.is_none() {
                    continue;
                }
                return Some(SseItem::Frame {
                    event: self.event.take(),
                    data: std::mem::take(&mut self.data).join("\n"),
                    id: self.id.take(),
                });
            }
            if let Some(comment) = line.strip_prefix(':') {
                return Some(SseItem::Comment(comment.trim().to_owned()));
            }
            let (field, value) = match line.split_once(':') {
                Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
                None => (line.as_str(), ""),
            };
            match field {
                "event" => self.event = Some(value.to_owned()),
                "data" => self.data.push(value.to_owned()),
                "id" => self.id = Some(value.to_owned()),
                _ => {} // `retry:` and unknown fields are ignored, as the SSE spec says.
            }
        }
    }

    #[cfg(test)]
    fn remaining(&self) -> usize {
        self.buf.len()
    }
}

/// Reads `response` as SSE. The stream ends when the server closes it; a gap longer than
/// `idle` without any bytes (heartbeats included) ends it with a `Network` error.
pub(crate) fn read_sse(
    response: reqwest::Response,
    idle: Duration,
) -> impl Stream<Item = Result<SseItem>> + Send {
    let body = response.bytes_stream();
    futures_util::stream::unfold(
        (Box::pin(body), SseParser::default(), false),
        move |(mut body, mut parser, done)| async move {
            if done {
                return None;
            }
            loop {
                if let Some(item) = parser.next_item() {
                    return Some((Ok(item), (body, parser, false)));
                }
                match tokio::time::timeout(idle, body.next()).await {
                    Err(_) => {
                        let err = Error::Network {
                            failure: NetworkFailure::Timeout,
                            detail: format!("the event stream was silent for {} s", idle.as_secs()),
                        };
                        return Some((Err(err), (body, parser, true)));
                    }
                    Ok(None) => return None,
                    Ok(Some(Err(e))) => {
                        let err = Error::Network {
                            failure: NetworkFailure::Dropped,
                            detail: e.to_string(),
                        };
                        return Some((Err(err), (body, parser, true)));
                    }
                    Ok(Some(Ok(chunk))) => parser.push(&chunk),
                }
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_frames_comments_and_split_chunks() {
        let mut p = SseParser::default();
        p.push(b"event: message.received\r\nda");
        assert_eq!(p.next_item(), None);
        p.push(b"ta: {\"a\":1}\nid: 7\n\n: heartbeat\n\ndata: x\ndata: y\n\n");
        assert_eq!(
            p.next_item(),
            Some(SseItem::Frame {
                event: Some("message.received".into()),
                data: "{\"a\":1}".into(),
                id: Some("7".into())
            })
        );
        assert_eq!(p.next_item(), Some(SseItem::Comment("heartbeat".into())));
        assert_eq!(
            p.next_item(),
            Some(SseItem::Frame {
                event: None,
                data: "x\ny".into(),
                id: None
            })
        );
        assert_eq!(p.next_item(), None);
        assert_eq!(p.remaining(), 0);
    }
}
