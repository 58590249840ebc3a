//! Per-thread caches of ICU4X formatters, keyed by what built them (locale tag and options):
//! building one loads and checks CLDR data, which costs far more than formatting with it, and
//! scripts format many values with the same few (every `n.toLocaleString()` in a loop).

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// More distinct formatters than this in one thread start the cache over.
const MAX_ENTRIES: usize = 256;

thread_local! {
    static FORMATTERS: RefCell<HashMap<String, Rc<dyn Any>>> = RefCell::new(HashMap::new());
}

/// The formatter cached under `key`, or the one `make` builds (then cached). Keys name the
/// formatter kind first, so two kinds never share one.
pub fn cached<T: 'static>(
    key: String,
    make: impl FnOnce() -> Result<T, String>,
) -> Result<Rc<T>, String> {
    let hit = FORMATTERS.with(|cache| cache.borrow().get(&key).cloned());
    if let Some(Ok(found)) = hit.map(|value| value.downcast::<T>()) {
        return Ok(found);
    }
    let made = Rc::new(make()?);
    FORMATTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= MAX_ENTRIES {
            cache.clear();
        }
        cache.insert(key, made.clone() as Rc<dyn Any>);
    });
    Ok(made)
}
