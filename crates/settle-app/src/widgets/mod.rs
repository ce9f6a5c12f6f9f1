//! Widgets the screens share: portraits, mood meters, the case file, the style map.

pub mod case_file;
pub mod graph_view;
pub mod meter;
pub mod portrait;
pub mod style_map;
