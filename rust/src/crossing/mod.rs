//! One value crossing the boundary: a JS value entering Python (`js2py`, the JsProxy class in
//! `jsproxy_object`), a Python value entering JS (`py2js`, with the PyProxy class flags of
//! `typeflags`), exceptions both ways (`errors`), and promises as asyncio futures (`promises`).
//! These call each other (a call's arguments cross one way, its result the other), so they
//! are one folder. Depends on `state` and `host`.

pub mod errors;
pub mod js2py;
pub mod jsproxy_object;
pub mod promises;
pub mod py2js;
pub mod typeflags;
pub mod entry;
pub mod jsnull;
