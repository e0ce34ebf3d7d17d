// The frozen Python modules are compiled in by a macro that reads rust/python/; tell cargo.
fn main() {
    println!("cargo:rerun-if-changed=python");
}
