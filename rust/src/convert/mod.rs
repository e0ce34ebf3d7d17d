//! Deep conversions, one direction each: `to_js` (Python -> JS, `toJs`/`to_js`) and `to_py`
//! (JS -> Python, `to_py`/`toPy`), and their options, declared once for JS and Python
//! (`options`). Depends on `crossing`, `state` and `host`.

pub mod to_js;
pub mod to_py;
pub mod options;
