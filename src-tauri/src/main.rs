//! Sendblue Console: the desktop app's entry point.
//!
//! The context (tauri.conf.json and the built page) is generated here, not in the library,
//! so the library and its tests compile without `ui/dist`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    sendblue_console_lib::rendering::choose_compositing();
    sendblue_console_lib::run(tauri::generate_context!());
}
