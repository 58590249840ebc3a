//! Native half of `worker_threads`: starting and terminating worker threads (parent side) and,
//! inside a worker, what it was started with plus the calls that report back to the parent.

use rquickjs::{Array, Ctx, Function, Object, Result};

use crate::host::agent::{Agent, Event};
use crate::host::worker::{self, WorkerSpec};
use crate::modules::messaging::{self, throw_uncatchable};

fn spawn<'js>(
    ctx: Ctx<'js>,
    source: String,
    is_eval: bool,
    argv: Vec<String>,
    init: Array<'js>,
    port: f64,
    buffer_budget_mb: Option<f64>,
) -> Result<f64> {
    let init = messaging::encode(&ctx, &init)?;
    let thread_id = worker::next_thread_id();
    let spec = WorkerSpec {
        thread_id,
        source,
        is_eval,
        argv,
        init,
        port: port as u64,
        agent: Agent::new(),
        parent: Agent::current(),
        buffer_budget_mb,
    };
    messaging::release(spec.port, &spec.parent);
    worker::spawn(spec).map_err(|e| {
        rquickjs::Exception::throw_message(&ctx, &format!("cannot start a worker thread: {e}"))
    })?;
    Ok(thread_id as f64)
}

fn report_error<'js>(ctx: Ctx<'js>, list: Array<'js>) -> Result<()> {
    let message = messaging::encode(&ctx, &list)?;
    if let Some(me) = worker::current() {
        me.parent.push(Event::WorkerError(me.thread_id, message));
    }
    Ok(())
}

fn online() {
    if let Some(me) = worker::current() {
        me.parent.push(Event::WorkerOnline(me.thread_id));
    }
}

/// `process.exit(code)` inside a worker: ends this thread's JS only.
fn exit_worker(ctx: Ctx<'_>, code: i32) -> Result<()> {
    if let Some(me) = worker::current() {
        me.exit_code.set(Some(code));
        me.agent.terminate();
    }
    Err(throw_uncatchable(&ctx, "process.exit"))
}

/// Adds `native.workers` (spawn, terminate) and `native.worker`: in a worker thread its
/// start-up data, `online`, `reportError` (with `native.exit` replaced by a thread-only exit),
/// on the main thread `undefined` (defined, so reading it is not a miss that installs the
/// deferred natives: host::lazy_natives).
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>, spec: Option<&WorkerSpec>) -> Result<()> {
    let workers = Object::new(ctx.clone())?;
    workers.set("spawn", Function::new(ctx.clone(), spawn)?)?;
    workers.set(
        "terminate",
        Function::new(ctx.clone(), |id: f64| worker::terminate(id as u64))?,
    )?;
    native.set("workers", workers)?;
    let Some(spec) = spec else {
        return native.set("worker", rquickjs::Undefined);
    };
    let info = Object::new(ctx.clone())?;
    info.set("threadId", spec.thread_id as f64)?;
    info.set("source", spec.source.as_str())?;
    info.set("isEval", spec.is_eval)?;
    info.set("port", spec.port as f64)?;
    info.set("init", messaging::decode(ctx, spec.init.clone())?)?;
    info.set("online", Function::new(ctx.clone(), online)?)?;
    info.set("reportError", Function::new(ctx.clone(), report_error)?)?;
    native.set("worker", info)?;
    native.set("exit", Function::new(ctx.clone(), exit_worker)?)?;
    Ok(())
}
