//! The processes a journey starts: tauri-driver in a process group of its own (so
//! WebKitWebDriver and the app it launches go with it), free ports, and a plain blocking HTTP
//! call for closing the WebDriver session from `Drop`.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// A loopback port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free loopback port")
}

/// Two different free ports.
pub fn free_port_pair() -> (u16, u16) {
    // Hold the first while asking for the second so they can't be the same.
    let first = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("no free loopback port");
    let second = free_port();
    let first = first.local_addr().expect("bound address").port();
    (first, second)
}

/// True once something accepts connections on `127.0.0.1:port`.
pub fn is_listening(port: u16) -> bool {
    TcpStream::connect_timeout(
        &(Ipv4Addr::LOCALHOST, port).into(),
        Duration::from_millis(200),
    )
    .is_ok()
}

/// The live (not zombie) processes of process group `pgid`, read from `/proc`.
pub fn live_group_members(pgid: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut pids = Vec::new();
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses.
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
            continue;
        };
        let mut fields = rest.split_whitespace();
        let state = fields.next().unwrap_or("");
        let _ppid = fields.next();
        let pgrp = fields.next().and_then(|s| s.parse::<u32>().ok());
        if pgrp == Some(pgid) && state != "Z" && state != "X" {
            pids.push(pid);
        }
    }
    pids
}

/// Sends `signal` (like `TERM`) to every process of group `pgid`.
fn signal_group(pgid: u32, signal: &str) {
    let _ = Command::new("kill")
        .args([&format!("-{signal}"), "--", &format!("-{pgid}")])
        .stderr(std::process::Stdio::null())
        .status();
}

/// Waits until group `pgid` has no live process, at most `limit`; true when it has none.
fn wait_group_gone(pgid: u32, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if live_group_members(pgid).is_empty() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Ends the process group led by `child` (which was started with `process_group(0)`):
/// politely first, then by force, and reaps the leader.
pub fn stop_group(child: &mut Child) {
    let pgid = child.id();
    if !wait_group_gone(pgid, Duration::from_millis(0)) {
        signal_group(pgid, "TERM");
        if !wait_group_gone(pgid, Duration::from_secs(3)) {
            signal_group(pgid, "KILL");
            wait_group_gone(pgid, Duration::from_secs(3));
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// `DELETE /session/{id}` on the WebDriver server at `127.0.0.1:port`, blocking, with a
/// timeout: closes the app's window without needing the async runtime (for `Drop`).
pub fn delete_session_blocking(port: u16, session_id: &str, timeout: Duration) {
    let Ok(mut stream) =
        TcpStream::connect_timeout(&(Ipv4Addr::LOCALHOST, port).into(), Duration::from_secs(2))
    else {
        return;
    };
    let _ = stream.set_read_timeout(Some(timeout));
    let _ = stream.set_write_timeout(Some(timeout));
    let request = format!(
        "DELETE /session/{session_id} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_ok() {
        let mut sink = Vec::new();
        let _ = stream.read_to_end(&mut sink);
    }
}
