//! Chart draws, batched: every chart that must (re)draw in this turn of the event loop queues a
//! job, and one flush runs the jobs phase by phase: every job's *read* (its container's width),
//! then every *size* (the canvas's bitmap and CSS size), then every *draw* (which measures label
//! text), then every *publish* (the hit list for tooltips, which changes the DOM). Drawn one by
//! one, each chart read its width, and measured its labels, right after the previous chart had
//! changed the page, so the browser laid out the whole page again and again (`clientWidth` and
//! `offsetWidth` were the largest single costs of the Trends view's first render in a CPU profile,
//! at the 4× CPU slowdown with which Lighthouse emulates a phone). Phased, reads follow writes
//! only once per phase.
//!
//! The flush runs as a microtask (`spawn_local`), after the effects that queued the jobs and
//! before the browser paints, so no frame shows an undrawn chart.

use std::cell::RefCell;

/// The last phase: tell the rest of the page (signals) what was drawn.
pub type Publish = Box<dyn FnOnce()>;
/// Draw on the sized canvas.
pub type Draw = Box<dyn FnOnce() -> Publish>;
/// Size the canvas.
pub type Size = Box<dyn FnOnce() -> Draw>;
/// The first phase of a job: read the layout.
pub type Job = Box<dyn FnOnce() -> Size>;

thread_local! {
    static QUEUE: RefCell<Vec<Job>> = const { RefCell::new(Vec::new()) };
}

/// Queue a draw; the first job of a turn schedules the flush.
pub fn queue(job: Job) {
    let first = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.push(job);
        q.len() == 1
    });
    if first {
        leptos::task::spawn_local(async { flush() });
    }
}

/// Each phase for every job, then the next phase. Jobs queued meanwhile (a publish that leads to
/// a redraw) wait for the next flush.
fn flush() {
    let jobs = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
    let sizes: Vec<Size> = jobs.into_iter().map(|read| read()).collect();
    let draws: Vec<Draw> = sizes.into_iter().map(|size| size()).collect();
    let publishes: Vec<Publish> = draws.into_iter().map(|draw| draw()).collect();
    for publish in publishes {
        publish();
    }
}
