//! Python objects in JS: every PyProxy operation the TypeScript layer calls (`ops`) and the
//! buffer protocol (`buffer`). Depends on `convert`, `crossing`, `state` and `host`.

pub mod buffer;
pub mod ops;
