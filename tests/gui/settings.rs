//! The settings screen: the organisation's fields off the library, their effect on a call,
//! Polish, and the learning record store.

use super::*;

/// The app on the test personas with no `--reports` flag, so the settings' folder counts.
fn harness_without_reports_flag(folders: &Folders) -> Harness<'static, SettleApp> {
    harness_with(AppConfig {
        dialogues: Some(PathBuf::from("tests/data/good")),
        assets: PathBuf::from("tests/data/assets"),
        bundled: false,
        reports_flag: None,
        data_dir: folders.data.clone(),
    })
}

#[test]
fn the_library_starts_with_the_personas_and_the_settings_screen_holds_the_organisations_fields() {
    let folders = folders();
    let mut harness = harness(&folders);
    assert!(harness.query_by_label("Persona library").is_some());
    assert!(
        harness.query_by_role_and_label(Role::TextInput, "Trainee name").is_some(),
        "kept for the trainee"
    );
    for moved in ["Organisation key", "Reports folder", "Endpoint", "Persona folder"] {
        assert!(harness.query_by_label(moved).is_none(), "{moved} is no longer on the library");
    }
    harness.get_by_label("Settings").click();
    harness.run();
    for field in ["Organisation key", "Reports folder", "Endpoint", "Key", "Secret", "Persona folder"] {
        assert!(harness.query_by_label(field).is_some(), "{field} is on the settings screen");
    }
    assert!(harness.query_all_by_label("Choose…").count() >= 2, "a dialog beside each folder");
    harness.get_by_label("Back to library").click();
    harness.run();
    assert!(harness.query_by_label("Prepare the call with Jan Nowak").is_some());
}

#[test]
fn the_settings_screen_sets_the_reports_folder_key_and_lrs_and_a_call_uses_them() {
    use settle_store::report::sign::{Signature, check};
    let folders = folders();
    let elsewhere = folders.data.parent().expect("root").join("team-reports");
    let mut harness = harness_without_reports_flag(&folders);
    harness.get_by_label("Settings").click();
    harness.run();
    // The typed path, as a file dialog's answer would set it.
    type_into(&mut harness, "Reports folder", &elsewhere.display().to_string());
    let key = harness.get_by_role_and_label(Role::PasswordInput, "Organisation key");
    key.focus();
    key.type_text("team-key");
    harness.run();
    type_into(&mut harness, "Endpoint", "http://127.0.0.1:9/xAPI/");
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert!(shows(&harness, &format!("In use: {}", elsewhere.display())));
    harness.get_by_label("Back to library").click();
    harness.run();
    // The shared settings file has them, for `settle play` too.
    let shared = settle_store::settings::load(&folders.data.join("settings.json")).expect("readable");
    let shared = shared.expect("written");
    assert_eq!(shared.reports_dir, elsewhere.display().to_string());
    assert_eq!(shared.org_key, "team-key");
    assert_eq!(shared.lrs_endpoint, "http://127.0.0.1:9/xAPI/");

    play_minimal_call_to_the_debrief(&mut harness);
    wait_for_label(&mut harness, "Report saved:");
    let saved: Vec<_> = std::fs::read_dir(&elsewhere).expect("the chosen folder").flatten().collect();
    assert_eq!(saved.len(), 1, "saved in the folder the settings name");
    let report = settle_store::report::store::read(&saved[0].path()).expect("a report");
    let team_key = settle_store::report::sign::org_key("team-key").expect("a key");
    assert_eq!(check(&report, Some(&team_key)), Signature::Valid, "signed with the settings' key");
    let queued = std::fs::read_dir(folders.data.join("lrs-outbox")).expect("outbox");
    assert_eq!(queued.flatten().filter(|e| e.path().is_file()).count(), 1, "queued for the settings' LRS");
}

#[test]
fn the_settings_screen_speaks_polish() {
    let folders = folders();
    let mut harness = harness(&folders);
    harness.get_by_label("Polski").click();
    harness.run();
    harness.get_by_label("Ustawienia").click();
    harness.run();
    for label in
        ["Klucz organizacji", "Folder raportów", "Folder rozmówców", "Adres (endpoint)", "Wyślij teraz"]
    {
        assert!(shows(&harness, label), "{label}");
    }
    assert!(harness.query_all_by_label("Wybierz…").count() >= 2);
    assert!(harness.query_by_label("Organisation key").is_none());
    harness.get_by_label("Wróć do biblioteki").click();
    harness.run();
    assert!(harness.query_by_label("Biblioteka rozmówców").is_some());
}

/// A one-shot xAPI endpoint on loopback: answers the first POST with 200 and hands back the
/// request's text.
fn one_post_server(listener: std::net::TcpListener) -> std::thread::JoinHandle<String> {
    use std::io::{BufRead, BufReader, Read, Write};
    std::thread::spawn(move || {
        let (stream, _) = listener.accept().expect("a connection");
        let mut reader = BufReader::new(stream);
        let (mut head, mut length) = (String::new(), 0usize);
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("a header line");
            if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = value.trim().parse().expect("a length");
            }
            head.push_str(&line);
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).expect("the body");
        let answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]";
        reader.get_mut().write_all(answer.as_bytes()).expect("answered");
        head + &String::from_utf8_lossy(&body)
    })
}

#[test]
fn a_finished_call_waits_for_the_lrs_and_is_sent_when_it_answers() {
    let folders = folders();
    let mut harness = harness(&folders);
    // Nothing listens on the port yet: the LRS is "down".
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
    harness.get_by_label("Settings").click();
    harness.run();
    assert!(shows(&harness, "Learning record store (xAPI): off"));
    type_into(&mut harness, "Endpoint", &format!("http://127.0.0.1:{port}/xAPI/"));
    type_into(&mut harness, "Key", "settle");
    let secret = harness.get_by_role_and_label(Role::PasswordInput, "Secret");
    secret.focus();
    secret.type_text("s3cret");
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run();
    harness.get_by_label("Back to library").click();
    harness.run();
    play_minimal_call_to_the_debrief(&mut harness);
    // The debrief says where the call went once it is queued (on the saving thread).
    wait_for_label(&mut harness, "1 call waiting: the LRS cannot be reached");
    let queued: Vec<_> = std::fs::read_dir(folders.data.join("lrs-outbox")).expect("outbox").collect();
    assert_eq!(queued.len(), 1, "the call is queued on disk");

    harness.get_by_label("Back to library").click();
    harness.run();
    harness.get_by_label("Settings").click();
    harness.run();
    wait_for_label(&mut harness, "1 call waiting: the LRS cannot be reached");

    // The LRS comes up; "Send now" delivers without waiting for the next retry.
    let server = one_post_server(std::net::TcpListener::bind(("127.0.0.1", port)).expect("the same port"));
    harness.get_by_label("Send now").click();
    harness.run();
    wait_for_label(&mut harness, "Every finished call has been sent");
    let request = server.join().expect("the server saw the POST");
    assert!(request.starts_with("POST /xAPI/statements HTTP/1.1"), "{request}");
    let lower = request.to_ascii_lowercase();
    // Basic base64("settle:s3cret")
    assert!(lower.contains("authorization: basic ") && request.contains("c2V0dGxlOnMzY3JldA=="), "{request}");
    assert!(lower.contains("x-experience-api-version: 1.0.3"), "{request}");
    assert!(request.contains("\"name\":\"Anna Kowalska\""), "{request}");
    assert!(request.contains("http://adlnet.gov/expapi/verbs/answered"), "{request}");
    let left = std::fs::read_dir(folders.data.join("lrs-outbox")).expect("outbox");
    assert_eq!(left.filter_map(Result::ok).filter(|e| e.path().is_file()).count(), 0, "the queue is empty");
}
