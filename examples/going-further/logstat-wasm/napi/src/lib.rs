//! The Rust module as a native Node.js addon: the same `LogStats` as the
//! WebAssembly build, exposed through Node-API by napi-rs. Node loads it
//! with `require()`; the code runs as machine code in Node's own process.

use logstat_wasm::LogStats;
use napi::bindgen_prelude::Buffer;
use napi_derive::napi;

// ANCHOR: native_stats
#[napi]
pub struct NativeStats {
    inner: LogStats,
}

#[napi]
impl NativeStats {
    #[napi(constructor)]
    pub fn new() -> Self {
        NativeStats {
            inner: LogStats::new(),
        }
    }

    /// Node-API copies the JavaScript string out as UTF-8 on each call.
    #[napi]
    pub fn feed_line(&mut self, text: String) {
        self.inner.feed_line(&text);
    }

    /// A Buffer is read where it lies in Node's memory: no copy.
    #[napi]
    pub fn feed_chunk(&mut self, bytes: Buffer) {
        self.inner.feed_chunk(&bytes);
    }

    #[napi]
    pub fn summary(&self) -> String {
        self.inner.summary()
    }
}
// ANCHOR_END: native_stats

impl Default for NativeStats {
    fn default() -> Self {
        NativeStats::new()
    }
}
