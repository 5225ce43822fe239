//! From inputs to totals: each chunk's lines are parsed, filtered and
//! counted. One thread (`--jobs 1`) or rayon's pool over the chunks: the
//! two give the same `Stats`, which the tests check.

use std::borrow::Cow;
use std::num::NonZeroUsize;

use crate::error::InputError;
use crate::filter::Filter;
use crate::input::{CHUNK_SIZE, Chunk, Chunks, Input};
use crate::line::{self, DurationUnit, Format, ParseError, Parser};
use crate::stats::Stats;

/// What a scan needs besides its inputs.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    pub format: Format,
    pub duration_unit: DurationUnit,
    pub filter: Filter,
    pub jobs: NonZeroUsize,
}

// ANCHOR: scan_chunk
/// Parses and counts every line of one chunk. Invalid UTF-8 is replaced
/// (U+FFFD), which copies only a chunk that has some.
pub fn scan_chunk(
    chunk: &Chunk,
    input: usize,
    parser: &mut Parser,
    filter: &Filter,
    stats: &mut Stats,
) {
    let text: Cow<'_, str> = match std::str::from_utf8(&chunk.data) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(&chunk.data),
    };
    // ANCHOR: cut_short
    // A server writes each line with its newline. Only an input's last
    // chunk can end without one: its last line was cut short.
    let (whole, cut) = text.split_at(text.rfind('\n').map_or(0, |end| end + 1));
    // ANCHOR_END: cut_short
    if chunk.too_long {
        stats.lines += 1;
        stats.record_malformed(input, chunk.first_line, ParseError::TooLong);
    }
    for (number, line) in (chunk.first_line..).zip(lines(whole)) {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line::is_blank(line) {
            continue;
        }
        stats.lines += 1;
        match parser.parse(line) {
            Ok(parsed) if filter.matches(&parsed) => stats.record(&parsed),
            Ok(_) => stats.filtered_out += 1,
            Err(reason) => stats.record_malformed(input, number, reason),
        }
    }
    // ANCHOR: cut_short_report
    // Its fields may look whole (`0.04` cut from `0.042`), so none is trusted.
    if !line::is_blank(cut) {
        let newlines = memchr::memchr_iter(b'\n', whole.as_bytes()).count();
        stats.lines += 1;
        stats.record_malformed(
            input,
            chunk.first_line + newlines as u64,
            ParseError::CutShort,
        );
    }
    // ANCHOR_END: cut_short_report
}

// ANCHOR_END: scan_chunk

// ANCHOR: lines
/// The lines of a chunk, split where memchr finds newlines (SIMD). Each
/// ends at a newline: `scan_chunk` has set aside any text after the last.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes()).map(move |newline| {
        // A newline is ASCII, so `start` and `newline` are char boundaries.
        let line = &text[start..newline];
        start = newline + 1;
        line
    })
}
// ANCHOR_END: lines

// ANCHOR: detect_format
/// `--format auto`: the format of the first line in the chunk that is in
/// one; Combined if none is (then every line is reported malformed).
fn detect_format(chunk: &Chunk) -> Format {
    String::from_utf8_lossy(&chunk.data)
        .lines()
        .take(100)
        .find_map(line::detect)
        .unwrap_or(Format::Combined)
}
// ANCHOR_END: detect_format

/// Reads every input and returns the totals, and the format chosen for each.
pub fn scan(inputs: Vec<Input>, options: &ScanOptions) -> Result<(Stats, Vec<Format>), InputError> {
    let mut total = Stats::default();
    let mut formats = Vec::new();
    for (index, input) in inputs.into_iter().enumerate() {
        let name = input.name;
        let mut chunks = Chunks::new(input.reader, CHUNK_SIZE).peekable();
        let format = match (options.format, chunks.peek()) {
            (Format::Auto, Some(Ok(first))) => detect_format(first),
            (Format::Auto, _) => Format::Combined,
            (format, _) => format,
        };
        formats.push(format);
        let parser = Parser::new(format, options.duration_unit);
        let chunks = chunks.map(|chunk| {
            chunk.map_err(|source| InputError::Read {
                name: name.clone(),
                source,
            })
        });
        let stats = if options.jobs.get() == 1 {
            scan_sequential(chunks, index, parser, &options.filter)?
        } else {
            scan_parallel(chunks, index, parser, &options.filter, options.jobs)?
        };
        total = total.merge(stats);
    }
    Ok((total, formats))
}

// ANCHOR: sequential
fn scan_sequential(
    chunks: impl Iterator<Item = Result<Chunk, InputError>>,
    input: usize,
    mut parser: Parser,
    filter: &Filter,
) -> Result<Stats, InputError> {
    let mut stats = Stats::default();
    for chunk in chunks {
        scan_chunk(&chunk?, input, &mut parser, filter, &mut stats);
    }
    Ok(stats)
}
// ANCHOR_END: sequential

// ANCHOR: parallel
#[cfg(not(target_family = "wasm"))]
fn scan_parallel(
    chunks: impl Iterator<Item = Result<Chunk, InputError>> + Send,
    input: usize,
    parser: Parser,
    filter: &Filter,
    jobs: NonZeroUsize,
) -> Result<Stats, InputError> {
    use rayon::prelude::*;

    let Ok(pool) = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.get())
        .build()
    else {
        return scan_sequential(chunks, input, parser, filter);
    };
    pool.install(|| {
        chunks
            .par_bridge()
            .try_fold(
                || (Stats::default(), parser.clone()),
                |(mut stats, mut parser), chunk| {
                    scan_chunk(&chunk?, input, &mut parser, filter, &mut stats);
                    Ok((stats, parser))
                },
            )
            .map(|result| result.map(|(stats, _parser)| stats))
            .try_reduce(Stats::default, |a, b| Ok(a.merge(b)))
    })
}
// ANCHOR_END: parallel

/// The in-page build (wasm32-wasip1) has no threads: one does the work.
#[cfg(target_family = "wasm")]
fn scan_parallel(
    chunks: impl Iterator<Item = Result<Chunk, InputError>>,
    input: usize,
    parser: Parser,
    filter: &Filter,
    _jobs: NonZeroUsize,
) -> Result<Stats, InputError> {
    scan_sequential(chunks, input, parser, filter)
}
