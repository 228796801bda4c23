//! Chart draws, batched and sliced.
//!
//! Batched: every chart that must (re)draw queues a job, and one flush first runs every job's
//! *read* (its container's width: one layout of the page for all charts), then, chart by chart,
//! its *size* (the canvas's bitmap and CSS size) and its *draw*, and at the end of each slice the
//! *publishes* (the hit lists for tooltips, which change the DOM). Drawn one by one, each chart
//! read its width right after the previous chart had changed the page, so the browser laid out
//! the whole page again and again. (Label text is measured without the page, `ui::canvas`.)
//!
//! First draws are sliced, in tasks of their own: the flush starts in the task after the one that
//! queued the jobs ([`next_tick`]), and its draws stop after [`SLICE_MS`] and go on in the next
//! task. (Redraws of charts that have a picture, after a filter change, are drawn at once.) So a
//! view's first render, its charts and the next charts are separate tasks, and the browser can
//! paint and answer a tap in between. Before, the first render of Trends, with its four charts
//! drawn in the same task, was one task of about 200 ms on the project's slower CI machine
//! (2026-11-23), which Lighthouse's phone emulation counts four times, all of it "blocking time".
//! A chart is sized just before it is drawn, in the same task: a redraw (a filter change) keeps
//! the old picture on screen until the new one is there, never a blank canvas.
//! A chart that gets a new job while its previous one is still waiting has that one dropped (it
//! was for an older width or data).
//!
//! While jobs are queued or waiting, `<html>` carries `data-pending="charts"` (the end-to-end
//! tests wait for every `[data-pending]` to be gone before they look at a canvas).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use super::address_data::{next_tick, now_ms};

/// The last phase: tell the rest of the page (signals) what was drawn.
pub type Publish = Box<dyn FnOnce()>;
/// Draw on the sized canvas.
pub type Draw = Box<dyn FnOnce() -> Publish>;
/// Size the canvas.
pub type Size = Box<dyn FnOnce() -> Draw>;
/// The first phase of a job: read the layout.
pub type Job = Box<dyn FnOnce() -> Size>;

/// Which chart a job draws (one key per chart frame, [`new_key`]).
pub type Key = u64;

/// Draw time per task, in milliseconds of this machine (Lighthouse's phone emulation counts each
/// millisecond four times; a task counts as blocking from 50 ms).
pub const SLICE_MS: f64 = 10.0;

thread_local! {
    static QUEUE: RefCell<Vec<(Key, bool, Job)>> = const { RefCell::new(Vec::new()) };
    static WAITING: RefCell<VecDeque<(Key, Size)>> = const { RefCell::new(VecDeque::new()) };
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
    static NEXT_KEY: Cell<Key> = const { Cell::new(0) };
}

/// A key for a new chart frame.
pub fn new_key() -> Key {
    NEXT_KEY.with(|k| {
        k.set(k.get() + 1);
        k.get()
    })
}

/// Queue a draw of chart `key` (`first`: its canvas has not been drawn yet); the first job when no
/// flush is running schedules one.
pub fn queue(key: Key, first: bool, job: Job) {
    QUEUE.with(|q| q.borrow_mut().push((key, first, job)));
    if !FLUSHING.get() {
        FLUSHING.set(true);
        mark_pending(true);
        leptos::task::spawn_local(flush());
    }
}

/// `data-pending="charts"` on `<html>` while draws are queued or waiting.
fn mark_pending(pending: bool) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let _ = if pending { root.set_attribute("data-pending", "charts") } else { root.remove_attribute("data-pending") };
}

/// Read every queued job; their sizes replace waiting jobs of the same charts.
fn take_jobs() {
    let jobs = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
    if jobs.is_empty() {
        return;
    }
    let sizes: Vec<(Key, Size)> = jobs.into_iter().map(|(key, _, read)| (key, read())).collect();
    WAITING.with(|w| {
        let mut w = w.borrow_mut();
        for (key, size) in sizes {
            w.retain(|(k, _)| *k != key);
            w.push_back((key, size));
        }
    });
}

/// Size and draw waiting charts for `budget` milliseconds (at least one chart), then publish what
/// was drawn.
fn draw_slice(budget: f64) {
    let start = now_ms();
    let mut publishes = Vec::new();
    while let Some((_, size)) = WAITING.with(|w| w.borrow_mut().pop_front()) {
        publishes.push(size()());
        if now_ms() - start >= budget {
            break;
        }
    }
    for publish in publishes {
        publish();
    }
}

/// Slice after slice until nothing is queued or waiting. Jobs queued meanwhile (a publish that
/// leads to a redraw, a part of the view rendered later) join at the next slice.
async fn flush() {
    // Redraws only (a filter change, a resize: every canvas has a picture already): all of them at
    // once, in this task, before the browser paints. The reader waits for exactly these pictures
    // (the filter-redraw benchmark: median 8–9 ms for the four Trends charts), and the new
    // pictures replace the old ones in one frame.
    if QUEUE.with(|q| q.borrow().iter().all(|(_, first, _)| !first)) {
        take_jobs();
        draw_slice(f64::INFINITY);
    }
    let idle = || QUEUE.with(|q| q.borrow().is_empty()) && WAITING.with(|w| w.borrow().is_empty());
    while !idle() {
        next_tick().await;
        take_jobs();
        draw_slice(SLICE_MS);
    }
    FLUSHING.set(false);
    mark_pending(false);
}
