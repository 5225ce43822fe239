//! logstat's parser as a WebAssembly module. JavaScript creates a
//! `LogStats`, hands it log text (a line at a time, or a chunk of whole
//! lines at a time) and asks for a summary. The parsing and counting are
//! logstat's own (`logstat::line`, `logstat::scan`, `logstat::stats`).

mod summary;

use logstat::filter::Filter;
use logstat::input::Chunks;
use logstat::line::{self, DurationUnit, Format, Parser};
use logstat::scan;
use logstat::stats::Stats;
use wasm_bindgen::prelude::*;

pub use summary::Summary;

// ANCHOR: log_stats
/// Running totals over the lines fed so far. The format is that of the
/// first line fed that is in one (Combined if none is), as `--format auto`.
#[wasm_bindgen]
pub struct LogStats {
    parser: Option<Parser>,
    filter: Filter,
    stats: Stats,
}

#[wasm_bindgen]
impl LogStats {
    #[wasm_bindgen(constructor)]
    pub fn new() -> LogStats {
        LogStats {
            parser: None,
            filter: Filter::default(),
            stats: Stats::default(),
        }
    }
    // ANCHOR_END: log_stats

    // ANCHOR: feed_line
    /// One line, without its newline. Each call crosses the boundary, and
    /// wasm-bindgen copies the JavaScript string into the module's memory
    /// as UTF-8 on the way in.
    #[wasm_bindgen(js_name = feedLine)]
    pub fn feed_line(&mut self, text: &str) {
        if line::is_blank(text) {
            return;
        }
        let parser = self.parser.get_or_insert_with(|| parser_for(text));
        self.stats.lines += 1;
        match parser.parse(text) {
            Ok(parsed) if self.filter.matches(&parsed) => self.stats.record(&parsed),
            Ok(_) => self.stats.filtered_out += 1,
            Err(reason) => self.stats.record_malformed(0, self.stats.lines, reason),
        }
    }
    // ANCHOR_END: feed_line

    // ANCHOR: feed_chunk
    /// Many lines at once: bytes that end with a newline (a last line
    /// without one counts as cut short, as in the CLI). One crossing and
    /// one copy of the bytes for the whole chunk; then logstat's own
    /// chunking and scanning.
    #[wasm_bindgen(js_name = feedChunk)]
    pub fn feed_chunk(&mut self, bytes: &[u8]) {
        for chunk in Chunks::new(bytes, logstat::input::CHUNK_SIZE) {
            // Reading from a slice cannot fail.
            let Ok(chunk) = chunk else { continue };
            let parser = self.parser.get_or_insert_with(|| {
                let text = String::from_utf8_lossy(&chunk.data);
                parser_for(text.lines().find(|l| !line::is_blank(l)).unwrap_or(""))
            });
            scan::scan_chunk(&chunk, 0, parser, &self.filter, &mut self.stats);
        }
    }
    // ANCHOR_END: feed_chunk

    /// The totals as JSON, in the shape the JavaScript parsers produce too.
    pub fn summary(&self) -> String {
        Summary::of(&self.stats).to_json()
    }
}

impl Default for LogStats {
    fn default() -> Self {
        LogStats::new()
    }
}

/// A parser for the format this line is in; Combined when it is in none.
fn parser_for(first: &str) -> Parser {
    let format = line::detect(first).unwrap_or(Format::Combined);
    Parser::new(format, DurationUnit::S)
}
