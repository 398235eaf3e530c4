//! Starts what an end-to-end test needs: a private Xvfb display, tauri-driver
//! (which drives WebKitWebDriver) and the real SourceLens binary, each in its
//! own process group so that nothing is left running when a test ends, passes
//! or panics.

use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};

/// The app binary under test, built by cargo for this test target.
const APP: &str = env!("CARGO_BIN_EXE_sourcelens-app");

/// One WebKit window at a time: two cores do not run several well, and
/// screenshots stay deterministic.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// A running display and WebDriver server for one test.
pub struct Harness {
    xvfb: Child,
    driver: Child,
    /// A private D-Bus session bus, when the test asked for one.
    bus: Option<Child>,
    driver_port: u16,
    /// What every launch of the app sees: display, library, bus, web.
    app_env: Vec<(&'static str, OsString)>,
    _turn: MutexGuard<'static, ()>,
}

impl Harness {
    /// Starts Xvfb and tauri-driver; the app sees `data_dir` as its library
    /// and cannot reach GDELT or the Wayback Machine.
    pub fn start(data_dir: &Path) -> Harness {
        Harness::start_with_web(data_dir, "http://127.0.0.1:9/")
    }

    /// As [`Harness::start`], with GDELT at `{web}gdelt` and the Wayback
    /// Machine under `web`: nothing the app does reaches the internet.
    pub fn start_with_web(data_dir: &Path, web: &str) -> Harness {
        Harness::start_with(data_dir, web, false)
    }

    /// As [`Harness::start`], with a private D-Bus session bus, so that
    /// launches of the app can find each other as they do on a desktop.
    pub fn start_with_session_bus(data_dir: &Path) -> Harness {
        Harness::start_with(data_dir, "http://127.0.0.1:9/", true)
    }

    fn start_with(data_dir: &Path, web: &str, session_bus: bool) -> Harness {
        let turn = ONE_AT_A_TIME
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let (xvfb, display) = spawn_reporting(
            Command::new(require("Xvfb", "apt-get install xvfb")).args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x900x24",
                "-nolisten",
                "tcp",
            ]),
            "Xvfb reports its display number",
        );
        // Without a bus of its own, no test joins a running SourceLens
        // through the desktop's D-Bus.
        let (bus, bus_address) = if session_bus {
            let (bus, address) = spawn_reporting(
                Command::new(require("dbus-daemon", "apt-get install dbus-daemon")).args([
                    "--session",
                    "--nofork",
                    "--print-address=1",
                ]),
                "dbus-daemon reports its address",
            );
            (Some(bus), address)
        } else {
            (None, "disabled:".to_string())
        };
        let app_env = vec![
            ("DISPLAY", format!(":{display}").into()),
            ("SOURCELENS_DATA_DIR", data_dir.into()),
            // Each test's window state is its own.
            ("XDG_CONFIG_HOME", data_dir.join("config").into()),
            ("DBUS_SESSION_BUS_ADDRESS", bus_address.into()),
            ("SOURCELENS_WAYBACK_URL", web.into()),
            ("SOURCELENS_GDELT_URL", format!("{web}gdelt").into()),
        ];

        let driver_port = free_port();
        let native_port = free_port();
        let driver = spawn_in_own_group(
            Command::new(require(
                "tauri-driver",
                "cargo install tauri-driver --locked",
            ))
            .args(["--port", &driver_port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .args([
                "--native-driver",
                &require("WebKitWebDriver", "apt-get install webkit2gtk-driver").to_string_lossy(),
            ])
            .envs(app_env.iter().map(|(name, value)| (name, value)))
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
        );
        let harness = Harness {
            xvfb,
            driver,
            bus,
            driver_port,
            app_env,
            _turn: turn,
        };
        // tauri-driver listens before the WebKitWebDriver it starts does, and
        // a session asked for in between fails (tauri-apps/tauri#15156).
        wait_for_port(driver_port, "tauri-driver", Duration::from_secs(30));
        wait_for_port(native_port, "WebKitWebDriver", Duration::from_secs(30));
        harness
    }

    /// Starts the app as a person would, outside WebDriver, on the same
    /// display, library and bus; the caller waits for it.
    pub fn launch_directly(&self) -> Child {
        spawn_in_own_group(
            Command::new(APP)
                .envs(self.app_env.iter().map(|(name, value)| (name, value)))
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        )
    }

    /// Launches the app in a new WebDriver session.
    pub async fn launch_app(&self) -> Client {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), "wry".into());
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": APP }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.driver_port))
            .await
            .expect("tauri-driver starts a session with the SourceLens app")
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        let children = [
            Some(&mut self.driver),
            self.bus.as_mut(),
            Some(&mut self.xvfb),
        ];
        for child in children.into_iter().flatten() {
            // The group holds the child and everything it started
            // (WebKitWebDriver, the app); killing only the child would orphan them.
            let group = child.id() as libc::pid_t;
            unsafe {
                libc::killpg(group, libc::SIGKILL);
            }
            let _ = child.wait();
        }
    }
}

/// Where screenshots of the end-to-end runs are saved.
pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Starts `command` in its own group and reads the first line it prints
/// (`what` says what that line should be).
fn spawn_reporting(command: &mut Command, what: &str) -> (Child, String) {
    let mut child = spawn_in_own_group(command.stdout(Stdio::piped()).stderr(Stdio::null()));
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .expect(what);
    (child, line.trim().to_string())
}

fn spawn_in_own_group(command: &mut Command) -> Child {
    command
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {:?}: {e}", command.get_program()))
}

fn require(program: &str, install: &str) -> PathBuf {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|candidate| candidate.is_file())
    });
    found.unwrap_or_else(|| {
        panic!("{program} is needed for the end-to-end tests: run `make test`, or `{install}`")
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free local port")
}

fn wait_for_port(port: u16, server: &str, patience: Duration) {
    let deadline = Instant::now() + patience;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "{server} did not listen on port {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
