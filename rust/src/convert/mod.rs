//! Deep conversions, one direction each: `to_js` (Python -> JS, `toJs`/`to_js`) and `to_py`
//! (JS -> Python, `to_py`/`toPy`). Depends on `crossing`, `state` and `host`.

pub mod to_js;
pub mod to_py;
