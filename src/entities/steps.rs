//! A count of the steps the entity stage's bounded loops take (look-backs over a name's
//! words, candidate lists of a merge), kept in test builds only: tests compare the
//! count on an input and on the same input eight times over to check that the work
//! grows linearly. In other builds the count is nothing and costs nothing.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts `n` steps.
#[inline]
pub fn add(n: usize) {
    #[cfg(test)]
    STEPS.with(|steps| steps.set(steps.get() + n));
    #[cfg(not(test))]
    let _ = n;
}

/// The steps counted on this thread since the last call.
#[cfg(test)]
pub fn take() -> usize {
    STEPS.with(|steps| steps.replace(0))
}
