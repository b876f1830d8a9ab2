//! The batch progress bar on standard error (indicatif): input bytes done, throughput, the
//! number of articles and, when the total size is known in advance, a bar and an ETA. The
//! caller creates it only when standard error is a terminal and `--quiet` is not given.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

const WITH_TOTAL: &str =
    "{bar:30.cyan/blue} {bytes}/{total_bytes} · {binary_bytes_per_sec} · {msg} · ETA {eta}";
const WITHOUT_TOTAL: &str = "{spinner:.cyan} {bytes} · {binary_bytes_per_sec} · {msg} · {elapsed}";

pub struct Progress {
    bar: ProgressBar,
    articles: u64,
}

impl Progress {
    /// A bar for `total_bytes` of input, or a spinner when the total is not known (stdin,
    /// directories).
    pub fn new(total_bytes: Option<u64>) -> Progress {
        let (bar, template) = match total_bytes {
            Some(total) => (ProgressBar::new(total), WITH_TOTAL),
            None => (ProgressBar::no_length(), WITHOUT_TOTAL),
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_draw_target(ProgressDrawTarget::stderr());
        bar.set_message("0 articles");
        Progress { bar, articles: 0 }
    }

    /// One more unit written, which stood for `bytes` of input; `article` is false for a
    /// skipped file.
    pub fn advance(&mut self, bytes: u64, article: bool) {
        if article {
            self.articles += 1;
            let noun = if self.articles == 1 {
                "article"
            } else {
                "articles"
            };
            self.bar.set_message(format!("{} {noun}", self.articles));
        }
        self.bar.inc(bytes);
    }

    /// Runs `print` with the bar hidden, so that messages do not tear it.
    pub fn suspend<R>(&self, print: impl FnOnce() -> R) -> R {
        self.bar.suspend(print)
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
