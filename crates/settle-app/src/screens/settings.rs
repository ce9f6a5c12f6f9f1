//! The settings screen, reached from the top bar: the reports folder and the organisation's
//! key, the trainer's persona folder, and the learning record store. The fields edit a form
//! ([`SettingsForm`]); each takes effect when it loses focus, when Enter is pressed, when a
//! file dialog answers, or when the screen is left (commands apply it and logic writes the
//! shared settings file).

use std::path::PathBuf;

use egui::RichText;

use crate::screens::{choose_button, lrs};
use crate::state::SettingsForm;
use crate::{Intent, Pick, theme};
use settle_i18n::Lang;
use settle_lrs::courier::CourierStatus;

/// What the settings screen shows beside its fields.
pub struct SettingsView<'a> {
    pub lang: Lang,
    /// The reports folder in use (a flag or the environment may beat the setting).
    pub reports_in_use: PathBuf,
    pub default_reports: PathBuf,
    /// The persona folder laid over the bundled library now, if any.
    pub dialogues_in_use: Option<PathBuf>,
    pub settings_file: PathBuf,
    pub courier: &'a CourierStatus,
    pub rejected_dir: PathBuf,
    pub dialog_open: bool,
}

/// The labels' column, the same in every section so that the fields line up.
pub const LABEL_WIDTH: f32 = 150.0;

/// Fields narrower than this leave room for their label and button in a 1024-pixel window.
pub const FIELD_WIDTH: f32 = 380.0;

pub fn settings_ui(
    ui: &mut egui::Ui,
    view: &SettingsView<'_>,
    form: &mut SettingsForm,
    intents: &mut Vec<Intent>,
) {
    let lang = view.lang;
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.add_space(8.0);
            ui.heading(lang.tr("settings-title"));
            let file = [("path", view.settings_file.display().to_string().into())];
            ui.add(
                egui::Label::new(
                    RichText::new(lang.tr_args("settings-file", &file)).small().color(theme::muted(ui)),
                )
                .wrap(),
            );
            ui.add_space(10.0);
            section(ui, |ui| reports(ui, view, form, intents));
            ui.add_space(10.0);
            section(ui, |ui| personas(ui, view, form, intents));
            ui.add_space(10.0);
            section(ui, |ui| lrs::lrs_ui(ui, lang, form, view.courier, &view.rejected_dir, intents));
            ui.add_space(10.0);
        });
    });
}

/// A card as wide as the screen, less a margin for the scroll bar.
fn section(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width() - 16.0);
        add(ui);
    });
}

/// A folder's typed path and what labels it.
struct FolderField<'a> {
    text: &'a mut String,
    hint: String,
    label: egui::Id,
}

/// A folder's path typed beside "Choose…"; whether the typed path is done (focus left, or
/// Enter): the caller pushes the intent the dialog's answer would push too.
fn folder_field(
    ui: &mut egui::Ui,
    view: &SettingsView<'_>,
    folder: FolderField<'_>,
    pick: Pick,
    intents: &mut Vec<Intent>,
) -> bool {
    ui.horizontal(|ui| {
        let field = egui::TextEdit::singleline(folder.text).hint_text(folder.hint).desired_width(FIELD_WIDTH);
        let done = ui.add(field).labelled_by(folder.label).lost_focus();
        intents.extend(choose_button(ui, view.lang, view.dialog_open, pick));
        done
    })
    .inner
}

fn in_use(ui: &mut egui::Ui, lang: Lang, path: &std::path::Path) {
    let text = lang.tr_args("settings-in-use", &[("path", path.display().to_string().into())]);
    ui.add(egui::Label::new(RichText::new(text).small().color(theme::muted(ui))).wrap());
}

fn reports(ui: &mut egui::Ui, view: &SettingsView<'_>, form: &mut SettingsForm, intents: &mut Vec<Intent>) {
    let lang = view.lang;
    ui.label(RichText::new(lang.tr("settings-reports")).family(theme::bold()).size(16.0));
    egui::Grid::new("settings-reports").num_columns(2).min_col_width(LABEL_WIDTH).spacing([14.0, 8.0]).show(
        ui,
        |ui| {
            let label = ui.label(lang.tr("reports-folder"));
            ui.vertical(|ui| {
                let hint = view.default_reports.display().to_string();
                let folder = FolderField { text: &mut form.reports_dir, hint, label: label.id };
                if folder_field(ui, view, folder, Pick::ReportsFolder, intents) {
                    intents.push(Intent::SetReportsDir(form.reports_dir.clone()));
                }
                in_use(ui, lang, &view.reports_in_use);
            });
            ui.end_row();
            let label = ui.label(lang.tr("settings-org-key"));
            ui.vertical(|ui| {
                let field =
                    egui::TextEdit::singleline(&mut form.org_key).password(true).desired_width(FIELD_WIDTH);
                if ui.add(field).labelled_by(label.id).lost_focus() {
                    intents.push(Intent::ApplySettings);
                }
                ui.add(
                    egui::Label::new(
                        RichText::new(lang.tr("settings-org-key-hint")).small().color(theme::muted(ui)),
                    )
                    .wrap(),
                );
            });
            ui.end_row();
        },
    );
}

fn personas(ui: &mut egui::Ui, view: &SettingsView<'_>, form: &mut SettingsForm, intents: &mut Vec<Intent>) {
    let lang = view.lang;
    ui.label(RichText::new(lang.tr("settings-personas")).family(theme::bold()).size(16.0));
    egui::Grid::new("settings-personas").num_columns(2).min_col_width(LABEL_WIDTH).spacing([14.0, 8.0]).show(
        ui,
        |ui| {
            let label = ui.label(lang.tr("settings-persona-folder"));
            ui.vertical(|ui| {
                let folder =
                    FolderField { text: &mut form.dialogues_dir, hint: String::new(), label: label.id };
                if folder_field(ui, view, folder, Pick::PersonaFolder, intents) {
                    intents.push(Intent::SetPersonaFolder(form.dialogues_dir.clone()));
                }
                match &view.dialogues_in_use {
                    Some(folder) => in_use(ui, lang, folder),
                    None => {
                        let none = RichText::new(lang.tr("settings-persona-folder-none")).small();
                        ui.label(none.color(theme::muted(ui)));
                    }
                }
            });
            ui.end_row();
        },
    );
    let hint = RichText::new(lang.tr("settings-persona-folder-hint")).small().color(theme::muted(ui));
    ui.add(egui::Label::new(hint).wrap());
}
