//! A raw TCP HTTP server for failures an HTTP framework can't produce on purpose: connections
//! dropped after the request arrived, answers that never come, ports that open late.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the server does with the n-th request.
#[derive(Debug, Clone)]
pub enum Step {
    /// Read the whole request, then close without answering.
    Drop,
    /// Read the whole request, then wait this long before closing without answering.
    Hang(Duration),
    /// Answer with this status, extra headers and body.
    Answer(u16, Vec<(String, String)>, String),
}

impl Step {
    /// A JSON answer.
    pub fn json(status: u16, body: &str) -> Self {
        Step::Answer(status, vec![], body.to_owned())
    }
}

/// The server. Requests past the end of the script get the last step.
pub struct RawServer {
    pub addr: SocketAddr,
    count: Arc<AtomicUsize>,
    bodies: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl RawServer {
    /// Starts on a free loopback port.
    pub async fn start(script: Vec<Step>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::serve(listener, script)
    }

    /// Serves on an already bound listener (to open a port late).
    pub fn serve(listener: TcpListener, script: Vec<Step>) -> Self {
        let addr = listener.local_addr().unwrap();
        let count = Arc::new(AtomicUsize::new(0));
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let (c, b) = (count.clone(), bodies.clone());
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let (c, b, script) = (c.clone(), b.clone(), script.clone());
                tokio::spawn(async move { connection(stream, c, b, script).await });
            }
        });
        Self {
            addr,
            count,
            bodies,
            task,
        }
    }

    /// How many complete requests arrived.
    pub fn requests(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// The bodies of the requests that arrived.
    pub fn bodies(&self) -> Vec<String> {
        self.bodies.lock().unwrap().clone()
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

async fn connection(
    mut stream: TcpStream,
    count: Arc<AtomicUsize>,
    bodies: Arc<Mutex<Vec<String>>>,
    script: Vec<Step>,
) {
    // Keep-alive: serve requests on this connection until it closes.
    let mut buf = Vec::new();
    loop {
        let Some(body) = read_request(&mut stream, &mut buf).await else {
            return;
        };
        let n = count.fetch_add(1, Ordering::SeqCst);
        bodies.lock().unwrap().push(body);
        let step = script
            .get(n)
            .or(script.last())
            .cloned()
            .unwrap_or(Step::Drop);
        match step {
            Step::Drop => return,
            Step::Hang(d) => {
                tokio::time::sleep(d).await;
                return;
            }
            Step::Answer(status, headers, body) => {
                let mut head = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n",
                    body.len()
                );
                for (k, v) in headers {
                    head.push_str(&format!("{k}: {v}\r\n"));
                }
                head.push_str("\r\n");
                if stream.write_all(head.as_bytes()).await.is_err()
                    || stream.write_all(body.as_bytes()).await.is_err()
                {
                    return;
                }
            }
        }
    }
}

/// Reads one request (headers and a Content-Length body); returns its body as text.
async fn read_request(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Option<String> {
    let mut chunk = [0u8; 8192];
    let header_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..header_end]).to_ascii_lowercase();
    let len = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(0);
    while buf.len() < header_end + len {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8_lossy(&buf[header_end..header_end + len]).into_owned();
    buf.drain(..header_end + len);
    Some(body)
}
