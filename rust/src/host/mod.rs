//! The JS engine as the core reaches it: the JS snippet `helpers.js` and the hooks each runtime
//! hands over (`js_imports`), WTF-8 <-> JS strings, the stack budget of a crossing, and the panic
//! report. Depends on nothing else in the crate.

pub mod js_imports;
pub mod panic_report;
pub mod stack_budget;
pub mod strings;
