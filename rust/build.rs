// The frozen Python modules are compiled in by a macro that reads rust/python/; tell cargo.
fn main() {
    println!("cargo:rerun-if-changed=python");
    // The interpreter's own guard against deep native recursion (`repr` of deeply nested
    // containers, say) measures the wasm shadow stack, not the JS engine's stack where wasm
    // frames also live. A shadow stack half the default size makes that guard raise
    // RecursionError while the engine still has room (a 1 MB worker stack included); see
    // src/stack_budget.rs for the Python-frame and JS-call limits.
    // The development build's frames are larger: src/stack_budget.rs sizes its limits by this.
    println!("cargo:rustc-env=PKG_FFI_OPT_LEVEL={}", std::env::var("OPT_LEVEL").unwrap_or_default());
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg=-zstack-size=524288");
    }
}
