//! include_dir cannot tell Cargo which files it read on a stable compiler, so an edited
//! persona would not reach the bundle until something else rebuilt it. A folder named here
//! makes Cargo rebuild when any file inside it changes.

fn main() {
    println!("cargo:rerun-if-changed=../../dialogues");
    println!("cargo:rerun-if-changed=../../assets/portraits");
}
