//! The streaming batch engine: one reader thread cuts the inputs into units, `jobs` worker
//! threads analyse and render them, and the calling thread writes the results strictly in
//! input order. Memory stays bounded whatever the input size: the reader may run at most
//! `window` units ahead of the writer (a token channel: the reader takes a token per unit,
//! the writer gives one back per unit written), so a 50 GB JSON Lines stream is read,
//! analysed and written a few records at a time.

use std::collections::BTreeMap;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{channel, sync_channel, Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::thread;

use super::inputs::{self, ReadConfig, Unit};
use super::process::{self, Outcome, RenderConfig};

/// Receives the outcomes in input order.
pub trait Sink {
    fn put(&mut self, outcome: Outcome) -> io::Result<()>;
    /// Called when no further outcome is ready yet: a good moment to flush.
    fn idle(&mut self) -> io::Result<()>;
}

/// Units in flight (read but not yet written) per worker thread.
const UNITS_PER_JOB: usize = 4;

/// Runs the whole batch and feeds `sink` in input order. Returns early with the sink's
/// error (for example a broken pipe); the other threads then stop at their next step, or
/// end with the process.
pub fn run(
    paths: Vec<PathBuf>,
    read: ReadConfig,
    render: RenderConfig,
    jobs: usize,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let produce = move |emit: &mut dyn FnMut(Unit) -> bool| inputs::produce(&paths, &read, emit);
    run_with(produce, render, jobs, sink)
}

/// [`run`] over any producer of units (the reader thread runs `produce`).
fn run_with(
    produce: impl FnOnce(&mut dyn FnMut(Unit) -> bool) + Send + 'static,
    render: RenderConfig,
    jobs: usize,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let jobs = jobs.max(1);
    let window = jobs * UNITS_PER_JOB;
    let (token_tx, token_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = token_tx.send(());
    }
    let (unit_tx, unit_rx) = sync_channel::<(usize, Unit)>(jobs);
    let (outcome_tx, outcome_rx) = channel::<(usize, Outcome)>();

    thread::spawn(move || {
        let mut seq = 0;
        produce(&mut |unit| {
            if token_rx.recv().is_err() {
                return false;
            }
            let sent = unit_tx.send((seq, unit)).is_ok();
            seq += 1;
            sent
        });
    });

    let unit_rx = Arc::new(Mutex::new(unit_rx));
    let render = Arc::new(render);
    for _ in 0..jobs {
        let unit_rx = Arc::clone(&unit_rx);
        let outcome_tx = outcome_tx.clone();
        let render = Arc::clone(&render);
        thread::spawn(move || work(&unit_rx, &outcome_tx, &render));
    }
    drop(outcome_tx);

    write_in_order(&outcome_rx, sink, &|| {
        let _ = token_tx.try_send(());
    })
}

fn work(
    units: &Mutex<Receiver<(usize, Unit)>>,
    outcomes: &std::sync::mpsc::Sender<(usize, Outcome)>,
    render: &RenderConfig,
) {
    loop {
        // Hold the lock only to receive, not while analysing.
        let next = match units.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        let Ok((seq, unit)) = next else { return };
        let outcome = process::process(unit, render);
        if outcomes.send((seq, outcome)).is_err() {
            return;
        }
    }
}

/// Puts outcomes back in sequence order; `written` is called once per outcome written.
fn write_in_order(
    outcomes: &Receiver<(usize, Outcome)>,
    sink: &mut dyn Sink,
    written: &dyn Fn(),
) -> io::Result<()> {
    let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
    let mut next = 0;
    loop {
        let (seq, outcome) = match outcomes.try_recv() {
            Ok(item) => item,
            Err(TryRecvError::Empty) => {
                sink.idle()?;
                match outcomes.recv() {
                    Ok(item) => item,
                    Err(_) => break,
                }
            }
            Err(TryRecvError::Disconnected) => break,
        };
        pending.insert(seq, outcome);
        while let Some(outcome) = pending.remove(&next) {
            sink.put(outcome)?;
            written();
            next += 1;
        }
    }
    sink.idle()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::InputFormat;
    use crate::cli::process::{Piece, Status};
    use std::io::Write;

    #[derive(Default)]
    struct Collect {
        lines: Vec<String>,
        failed: usize,
    }

    impl Sink for Collect {
        fn put(&mut self, outcome: Outcome) -> io::Result<()> {
            if outcome.status == Status::Failed {
                self.failed += 1;
            }
            let bytes = match outcome.output {
                Some(process::Rendered::Bytes(bytes)) => bytes,
                Some(process::Rendered::Streamed(_)) => panic!("test units are small"),
                None => Vec::new(),
            };
            self.lines.push(String::from_utf8(bytes).unwrap());
            Ok(())
        }
        fn idle(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn run_jsonl(jsonl: &str, jobs: usize) -> Collect {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(jsonl.as_bytes()).unwrap();
        let read = ReadConfig {
            input_format: InputFormat::Jsonl,
            max_bytes: 1 << 20,
            recursive: false,
            filter: None,
            written: Vec::new(),
        };
        let render = RenderConfig {
            piece: Piece::Json { pretty: false },
            error_objects: true,
            only: None,
        };
        let mut sink = Collect::default();
        run(
            vec![file.path().to_path_buf()],
            read,
            render,
            jobs,
            &mut sink,
        )
        .unwrap();
        sink
    }

    #[test]
    fn output_order_is_input_order_with_many_jobs() {
        let mut jsonl = String::new();
        for i in 0..200 {
            // Uneven sizes so that workers finish out of order.
            let text = "The council met again. ".repeat(1 + (i * 37) % 50);
            jsonl.push_str(&format!("{{\"id\": {i}, \"text\": \"{text}\"}}\n"));
        }
        let sink = run_jsonl(&jsonl, 4);
        let ids: Vec<i64> = sink
            .lines
            .iter()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]["id"]
                    .as_i64()
                    .unwrap()
            })
            .collect();
        assert_eq!(ids, (0..200).collect::<Vec<i64>>());
    }

    /// A sink that writes slowly: the reader must wait for it rather than read ahead.
    struct Slow {
        produced: Arc<std::sync::atomic::AtomicUsize>,
        written: usize,
        most_ahead: usize,
    }

    impl Sink for Slow {
        fn put(&mut self, _: Outcome) -> io::Result<()> {
            std::thread::sleep(std::time::Duration::from_millis(2));
            self.written += 1;
            let produced = self.produced.load(std::sync::atomic::Ordering::SeqCst);
            self.most_ahead = self.most_ahead.max(produced - self.written);
            Ok(())
        }
        fn idle(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn reader_stays_within_the_window_of_a_slow_writer() {
        let produced = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = Arc::clone(&produced);
        let produce = move |emit: &mut dyn FnMut(Unit) -> bool| {
            for i in 0..300 {
                counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let unit = Unit {
                    origin: crate::cli::inputs::Origin {
                        path: format!("unit-{i}"),
                        line: None,
                    },
                    payload: crate::cli::inputs::Payload::Article(b"Short.".to_vec()),
                    size: 6,
                };
                if !emit(unit) {
                    return;
                }
            }
        };
        let render = RenderConfig {
            piece: Piece::Json { pretty: false },
            error_objects: true,
            only: None,
        };
        let mut sink = Slow {
            produced,
            written: 0,
            most_ahead: 0,
        };
        run_with(produce, render, 2, &mut sink).unwrap();
        assert_eq!(sink.written, 300);
        // The window (2 jobs x 4 units) plus the one unit being counted before it blocks.
        assert!(
            sink.most_ahead <= 2 * UNITS_PER_JOB + 1,
            "{}",
            sink.most_ahead
        );
    }

    #[test]
    fn failures_keep_their_place() {
        let sink = run_jsonl(
            "{\"id\":1,\"text\":\"A.\"}\nnope\n{\"id\":3,\"text\":\"C.\"}\n",
            2,
        );
        assert_eq!(sink.lines.len(), 3);
        assert_eq!(sink.failed, 1);
        assert!(sink.lines[1].contains("\"error\""), "{}", sink.lines[1]);
    }
}
