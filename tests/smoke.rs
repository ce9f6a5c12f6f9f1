//! Smoke test: the app opens a real window under Xvfb and draws it, and idles within its
//! memory budget. Needs Xvfb, xdotool and ImageMagick (installed by .ci/setup). Runs the binary
//! in `SETTLE_SMOKE_BIN` when set (CI points it at the release build), else the binary this
//! test run built.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Kills the child on drop, so that a failing assertion leaves no process behind.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        // SIGTERM first, so that Xvfb removes its lock file; SIGKILL if it lingers.
        let _ = Command::new("kill").arg(self.0.id().to_string()).status();
        if !wait_until(Duration::from_secs(2), || self.0.try_wait().is_ok_and(|s| s.is_some())) {
            let _ = self.0.kill();
        }
        let _ = self.0.wait();
    }
}

fn wait_for(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < timeout, "{what} did not happen within {timeout:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn wait_until(timeout: Duration, mut ready: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while !ready() {
        if start.elapsed() > timeout {
            return false;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    true
}

fn succeeds(command: &mut Command) -> bool {
    command.stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

#[test]
fn the_app_opens_a_window_under_xvfb_and_draws_it() {
    let release = std::env::var_os("SETTLE_SMOKE_BIN");
    // The budget is the release build's (docs/performance.md, which also records an occasional
    // 18 MiB not yet explained); a debug build carries more.
    let budget_mib = if release.is_some() { 175 } else { 210 };
    let binary = release.map(PathBuf::from).unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_settle")));
    let home = tempfile::tempdir().expect("tempdir");
    let runtime = home.path().join("runtime");
    std::fs::create_dir_all(&runtime).expect("mkdir");
    std::fs::set_permissions(&runtime, std::os::unix::fs::PermissionsExt::from_mode(0o700)).expect("chmod");
    // Xvfb picks a free display itself and tells us which (stale locks of killed servers, or
    // other runs, never collide with ours).
    let mut xvfb = Command::new("Xvfb")
        .args(["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb is installed (run .ci/setup)");
    let mut number = String::new();
    let stdout = xvfb.stdout.take().expect("Xvfb's output");
    std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut number)
        .expect("Xvfb names its display");
    let _xvfb = Running(xvfb);
    let display = format!(":{}", number.trim());
    let xdotool = |args: &[&str]| {
        let mut c = Command::new("xdotool");
        c.args(args).env("DISPLAY", &display);
        c
    };
    wait_for("Xvfb starting", Duration::from_secs(20), || succeeds(&mut xdotool(&["getmouselocation"])));
    let log_path = home.path().join("settle.log");
    let launch = || {
        let log = std::fs::File::create(&log_path).expect("log file");
        Running(
            Command::new(&binary)
                .args(["--dialogues", "dialogues", "--reports"])
                .arg(home.path().join("reports"))
                .env("DISPLAY", &display)
                .env("HOME", home.path())
                .env("XDG_DATA_HOME", home.path().join("data"))
                .env("XDG_RUNTIME_DIR", &runtime)
                .env_remove("WAYLAND_DISPLAY")
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .expect("settle starts"),
        )
    };
    // On a busy shared machine the X connection is now and then refused at start-up
    // ("Failed to open connection to X server") although the server answers xdotool; that is
    // the environment, not the app, so an app that exits at once is started again, twice at most.
    let mut app = launch();
    let mut appeared = false;
    for attempt in 0..3 {
        if attempt > 0 {
            app = launch();
        }
        appeared = wait_until(Duration::from_secs(60), || {
            succeeds(&mut xdotool(&["search", "--name", "^Settle$"]))
                || app.0.try_wait().is_ok_and(|s| s.is_some())
        }) && app.0.try_wait().is_ok_and(|s| s.is_none());
        let log = std::fs::read_to_string(&log_path).unwrap_or_default();
        if appeared || !log.contains("Failed to open connection to X server") {
            break;
        }
    }
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    assert!(appeared, "the Settle window did not appear within 60 s; the app said:\n{log}");
    // Screenshots until the window shows a drawn frame (on a loaded machine the first frame
    // can take seconds with software OpenGL).
    let shot = home.path().join("smoke.png");
    let drawn = wait_until(Duration::from_secs(60), || {
        let status = Command::new("import")
            .args(["-window", "root"])
            .arg(&shot)
            .env("DISPLAY", &display)
            .status()
            .expect("ImageMagick's import is installed (run .ci/setup)");
        status.success() && colours(&shot) > 50
    });
    assert!(drawn, "the screenshot never showed a drawn window, only a blank screen");
    let _ = std::fs::copy(&shot, std::env::temp_dir().join("settle-smoke.png"));
    // Idle on the library with every bundled persona's portrait shown.
    std::thread::sleep(Duration::from_secs(2));
    let rss_mib = resident_kib(app.0.id()) / 1024;
    eprintln!("idle resident memory: {rss_mib} MiB (budget {budget_mib} MiB)");
    assert!(rss_mib < budget_mib, "the idle app holds {rss_mib} MiB, over its {budget_mib} MiB budget");
}

/// The process's resident set (VmRSS) in KiB.
fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("the app is running");
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).expect("VmRSS in /proc status");
    line.split_whitespace().nth(1).and_then(|kib| kib.parse().ok()).expect("a number of KiB")
}

/// How many distinct colours the screenshot has.
fn colours(path: &Path) -> usize {
    let image = image::open(path).expect("a PNG").to_rgb8();
    let mut seen = std::collections::HashSet::new();
    for pixel in image.pixels().step_by(7) {
        seen.insert(pixel.0);
    }
    seen.len()
}
