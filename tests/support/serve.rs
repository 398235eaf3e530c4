//! Serving a test's web routes on 127.0.0.1 from a thread of their own, for
//! test binaries that are not async themselves (the CLI and app tests).

use std::net::TcpListener;

/// A listener on a free local port, and its base address (`http://…/`).
pub fn local_listener() -> (TcpListener, String) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let base = format!("http://{}/", listener.local_addr().unwrap());
    (listener, base)
}

/// Serves `app` on `listener` until the test process ends.
pub fn serve(listener: TcpListener, app: axum::Router) {
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                axum::serve(listener, app).await.unwrap();
            });
    });
}
