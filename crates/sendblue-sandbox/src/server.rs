//! Starting and stopping a sandbox: open the store, seed it, bind, serve every connection,
//! run the background work (status ticks, webhook deliveries), shut down cleanly.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};

use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::response::IntoResponse;
use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;
use tower::ServiceExt;

use crate::api_error::ApiError;
use crate::config::SandboxConfig;
use crate::gateway::{admin_gate, api_gate, DropConnection};
use crate::notify::Notifier;
use crate::request_log::RequestLog;
use crate::state::AppState;
use crate::store::Store;
use crate::{admin, deliver, routes, seed, ticker};

/// Why a sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The database could not be opened or prepared.
    #[error("could not open the sandbox database: {0}")]
    Store(#[from] rusqlite::Error),
    /// The address could not be bound, or the media folder made.
    #[error("could not start the sandbox: {0}")]
    Io(#[from] std::io::Error),
}

/// A sandbox serving on its address until [`RunningSandbox::shutdown`] (or drop).
#[derive(Debug)]
pub struct RunningSandbox {
    addr: SocketAddr,
    state: AppState,
    stop: watch::Sender<bool>,
    tasks: JoinSet<()>,
}

impl RunningSandbox {
    /// The bound address (the real port when 0 was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://HOST:PORT`.
    pub fn base_url(&self) -> String {
        self.state.origin.clone()
    }

    /// The shared state (store, faults, log), for tests and the embedding app.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Stops accepting, closes open connections and event streams, stops background work.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        while self.tasks.join_next().await.is_some() {}
    }
}

impl Drop for RunningSandbox {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        self.tasks.abort_all();
    }
}

/// Starts a sandbox with `config`.
pub async fn start(config: SandboxConfig) -> Result<RunningSandbox, StartError> {
    let store = Store::open(&config.db_path)?;
    std::fs::create_dir_all(config.media_dir())?;
    let listener = TcpListener::bind(config.addr).await?;
    let addr = listener.local_addr()?;
    let (notifier, deliveries) = Notifier::new();
    let state = AppState {
        config: Arc::new(config.clone()),
        store,
        faults: Arc::new(RwLock::new(config.faults.clone())),
        notifier,
        log: RequestLog::default(),
        origin: format!("http://{addr}"),
        buckets: Arc::new(Mutex::new(HashMap::new())),
    };
    seed::prepare(&state)?;

    let (stop, stopped) = watch::channel(false);
    let mut tasks = JoinSet::new();
    tasks.spawn(deliver::run(state.clone(), deliveries, stopped.clone()));
    tasks.spawn(ticker::run(state.clone(), stopped.clone()));
    tasks.spawn(serve(listener, app(state.clone()), stopped));
    Ok(RunningSandbox {
        addr,
        state,
        stop,
        tasks,
    })
}

/// The whole HTTP surface.
pub fn app(state: AppState) -> Router {
    let api = routes::api().layer(from_fn_with_state(state.clone(), api_gate));
    let admin = admin::router()
        .merge(routes::admin())
        .layer(from_fn_with_state(state.clone(), admin_gate));
    api.merge(admin)
        .merge(routes::public())
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "Not found").into_response() })
        .with_state(state)
}

/// Accepts connections until stopped. Each connection is served by hyper directly so that an
/// answer marked [`DropConnection`] can close the connection without a response.
async fn serve(listener: TcpListener, app: Router, mut stopped: watch::Receiver<bool>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = stopped.changed() => break,
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let app = app.clone();
                connections.spawn(async move {
                    let service = hyper::service::service_fn(move |request: Request<hyper::body::Incoming>| {
                        let app = app.clone();
                        async move {
                            let response = app
                                .oneshot(request.map(Body::new))
                                .await
                                .unwrap_or_else(|never: Infallible| match never {});
                            if response.extensions().get::<DropConnection>().is_some() {
                                return Err(DroppedOnPurpose);
                            }
                            Ok(response)
                        }
                    });
                    let _ = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new())
                        .serve_connection_with_upgrades(TokioIo::new(stream), service)
                        .await;
                });
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.abort_all();
    while connections.join_next().await.is_some() {}
}

/// The error that makes hyper close a connection without answering (the drop fault).
#[derive(Debug)]
struct DroppedOnPurpose;

impl std::fmt::Display for DroppedOnPurpose {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by the drop fault")
    }
}

impl std::error::Error for DroppedOnPurpose {}
