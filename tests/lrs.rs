//! Sending to a learning record store: statements of real calls posted to Ralph (a real LRS,
//! installed by .ci/setup) on loopback, read back, re-sent without duplicates, and kept queued
//! through an outage and a wrong secret; the same through `settle report --send`.

use std::fs::File;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::thread::sleep;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use serde_json::Value;
use settle_core::Persona;
use settle_core::call::Mode;
use settle_core::engine::CallEngine;
use settle_core::wrapup::WrapUp;
use settle_lrs::LrsConfig;
use settle_lrs::client::{DeliveryError, Http, deliver};
use settle_lrs::outbox::{Batch, Outbox};
use settle_store::report::{CallId, CallTimes, Report};

use crate::common::bundled;

const USER: &str = "settle";
const SECRET: &str = "s3cret-for-tests";

/// Ralph's fs backend on a free loopback port; killed when dropped.
struct Ralph {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

fn ralph_venv() -> PathBuf {
    std::env::var_os("SETTLE_RALPH_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ralph"))
}

impl Ralph {
    fn start() -> Ralph {
        let venv = ralph_venv();
        assert!(
            venv.join("bin/ralph").exists(),
            "Ralph is not installed in {}: run .ci/setup (the README's test command does)",
            venv.display()
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let (app_dir, data_dir) = (dir.path().join("app"), dir.path().join("data"));
        std::fs::create_dir_all(&data_dir).expect("data dir");
        let env = [
            ("RALPH_APP_DIR", app_dir.as_os_str()),
            ("RALPH_RUNSERVER_BACKEND", "fs".as_ref()),
            ("RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH", data_dir.as_os_str()),
        ];
        let auth = Command::new(venv.join("bin/ralph"))
            .args(["auth", "-u", USER, "-p", SECRET, "-s", "all", "-M", "mailto:settle@example.org", "-w"])
            .envs(env)
            .output()
            .expect("ralph auth runs");
        assert!(auth.status.success(), "ralph auth: {}", String::from_utf8_lossy(&auth.stderr));
        let port = free_port();
        // The stock fs backend keeps only the first POST of a folder; append mode keeps all.
        let server = format!(
            "from ralph.backends.data.base import BaseOperationType\n\
             from ralph.backends.lrs.fs import FSLRSBackend\n\
             FSLRSBackend.default_operation_type = BaseOperationType.APPEND\n\
             import uvicorn\n\
             uvicorn.run('ralph.api:app', host='127.0.0.1', port={port}, log_level='warning')"
        );
        let log = File::create(dir.path().join("ralph.log")).expect("log file");
        let child = Command::new(venv.join("bin/python"))
            .args(["-c", &server])
            .envs(env)
            .current_dir(&data_dir)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("ralph starts");
        let ralph = Ralph { child, port, _dir: dir };
        let start = Instant::now();
        while get(&ralph.url("/__heartbeat__")).is_err() {
            let log = std::fs::read_to_string(ralph._dir.path().join("ralph.log")).unwrap_or_default();
            assert!(start.elapsed() < Duration::from_secs(60), "Ralph did not come up:\n{log}");
            sleep(Duration::from_millis(100));
        }
        ralph
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn config(&self) -> LrsConfig {
        LrsConfig { endpoint: self.url("/xAPI/"), key: USER.into(), secret: SECRET.into() }
    }

    /// Every statement the LRS holds.
    fn all(&self) -> Vec<Value> {
        let body = get(&self.url("/xAPI/statements?limit=500")).expect("statements readable");
        body["statements"].as_array().cloned().unwrap_or_default()
    }

    fn one(&self, id: &str) -> Value {
        let body = get(&self.url(&format!("/xAPI/statements?statementId={id}"))).expect("statement readable");
        body["statements"][0].clone()
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("bound").port()
}

fn get(url: &str) -> Result<Value, String> {
    let auth = LrsConfig { endpoint: String::new(), key: USER.into(), secret: SECRET.into() }.authorization();
    let mut response = ureq::get(url)
        .header("Authorization", &auth)
        .header("X-Experience-API-Version", "1.0.3")
        .call()
        .map_err(|e| e.to_string())?;
    let text = response.body_mut().read_to_string().map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

fn report_of(persona: &Arc<Persona>, seed: u64, trainee: &str) -> Report {
    let (mut engine, _) = CallEngine::start(Arc::clone(persona), Mode::Practice, seed);
    while !engine.is_over() {
        engine.choose_listed(1).expect("an offer");
    }
    let times = CallTimes {
        started_at: Utc.with_ymd_and_hms(2026, 11, 23, 9, seed as u32, 0).single().expect("valid"),
        ended_at: Utc.with_ymd_and_hms(2026, 11, 23, 9, seed as u32 + 4, 0).single().expect("valid"),
    };
    Report::new(&engine, trainee, WrapUp::default(), times, CallId::new()).expect("call over")
}

#[test]
fn statements_reach_a_real_lrs_once_through_outage_and_resend() {
    let ralph = Ralph::start();
    let personas = bundled();
    let reports =
        [report_of(&personas[0], 1, "Anna Kowalska"), report_of(&personas[3], 2, "Zoë \"<b>\" Łęcka")];
    let dir = tempfile::tempdir().expect("temp dir");
    let outbox = Outbox::new(dir.path().join("outbox"));
    let batches: Vec<Batch> = reports.iter().map(Batch::of).collect();
    for batch in &batches {
        assert!(outbox.enqueue(batch).expect("queued"));
    }
    let total: usize = batches.iter().map(|b| b.statements.len()).sum();

    // The LRS is down (nothing listens on the port): everything stays queued.
    let down = LrsConfig { endpoint: format!("http://127.0.0.1:{}/xAPI/", free_port()), ..ralph.config() };
    let http = Http::new(Duration::from_secs(10));
    let delivery = deliver(&outbox, &down, &http);
    assert!(matches!(delivery.error, Some(DeliveryError::Unreachable(_))), "{delivery:?}");
    assert_eq!((delivery.sent, delivery.waiting), (0, 2));

    // A wrong secret: refused, still queued, nothing stored.
    let wrong = LrsConfig { secret: "wrong".into(), ..ralph.config() };
    let delivery = deliver(&outbox, &wrong, &http);
    assert!(matches!(delivery.error, Some(DeliveryError::Unauthorised { status: 401, .. })), "{delivery:?}");
    assert_eq!(delivery.waiting, 2);
    assert!(ralph.all().is_empty());

    // Up: all delivered, the queue empties, every statement reads back as sent.
    let delivery = deliver(&outbox, &ralph.config(), &http);
    assert_eq!((delivery.sent, delivery.rejected, delivery.waiting, &delivery.error), (total, 0, 0, &None));
    assert!(outbox.is_empty());
    let stored = ralph.all();
    assert_eq!(stored.len(), total);
    let call = &batches[1].statements[0];
    let back = ralph.one(call["id"].as_str().expect("id"));
    assert_eq!(back["actor"]["name"], "Zoë \"<b>\" Łęcka");
    assert_eq!(back["verb"], call["verb"]);
    assert_eq!(back["result"]["score"], call["result"]["score"]);
    assert_eq!(back["context"]["registration"], reports[1].id.0.to_string());
    let answered =
        stored.iter().filter(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered").count();
    assert_eq!(answered, reports.iter().map(|r| r.turns.len()).sum::<usize>());

    // The answer to the first send was lost and both calls are queued again: the LRS confirms
    // them (same ids, same bodies) and stores nothing twice.
    for batch in &batches {
        outbox.enqueue(batch).expect("queued again");
    }
    let delivery = deliver(&outbox, &ralph.config(), &http);
    assert_eq!((delivery.sent, delivery.waiting, &delivery.error), (total, 0, &None));
    assert_eq!(ralph.all().len(), total);

    // The command line sends a reports folder through an outbox of its own the same way.
    let folder = tempfile::tempdir().expect("reports folder");
    let third = report_of(&personas[5], 3, "Jan Nowak");
    settle_store::report::store::save(folder.path(), &third).expect("saved");
    settle_store::report::store::save(folder.path(), &reports[0]).expect("saved");
    let data = tempfile::tempdir().expect("data folder");
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_settle"))
            .args(["report", &folder.path().display().to_string(), "--send", "--lrs", &ralph.url("/xAPI")])
            .args(["--lrs-key", USER, "--lrs-secret", SECRET, "--data", &data.path().display().to_string()])
            .output()
            .expect("settle runs")
    };
    let out = run();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    let expected = Batch::of(&third).statements.len() + batches[0].statements.len();
    assert!(stdout.contains(&format!("{expected} statement(s) confirmed")), "{stdout}");
    assert_eq!(ralph.all().len(), total + Batch::of(&third).statements.len());
    assert!(run().status.success(), "sending the folder again is harmless");
    assert_eq!(ralph.all().len(), total + Batch::of(&third).statements.len());
}
