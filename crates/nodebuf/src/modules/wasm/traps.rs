//! Failed runs: V8's trap texts and the statuses the JS half turns into its errors.

use super::*;

/// Why an import call failed: the JS half holds the exception it threw, or one no JS can catch
/// (a terminating worker) is pending in the context.
#[derive(Debug)]
pub(super) enum ImportFailure {
    Stashed,
    Pending,
}

impl std::fmt::Display for ImportFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JS import threw")
    }
}

impl wasmi::errors::HostError for ImportFailure {}

/// V8's text for a trap.
pub(super) fn trap_message(code: TrapCode) -> &'static str {
    match code {
        TrapCode::UnreachableCodeReached => "unreachable",
        TrapCode::MemoryOutOfBounds => "memory access out of bounds",
        TrapCode::TableOutOfBounds => "table index is out of bounds",
        TrapCode::IndirectCallToNull => "null function or function signature mismatch",
        TrapCode::IntegerDivisionByZero => "divide by zero",
        TrapCode::IntegerOverflow => "divide result unrepresentable",
        TrapCode::BadConversionToInteger => "float unrepresentable in integer range",
        TrapCode::StackOverflow => "Maximum call stack size exceeded",
        TrapCode::BadSignature => "null function or function signature mismatch",
        _ => "unreachable",
    }
}

/// A failed run as `[status, message]` for the JS half: 1 RuntimeError, 2 the import's
/// exception (kept by the JS half), 3 RangeError (stack), 4 LinkError, 5 a RuntimeError while
/// initializing an instance's segments and 6 a RangeError for its memory (V8 prefixes those
/// with the API name).
pub(super) fn failure<'js>(
    ctx: &Ctx<'js>,
    error: wasmi::Error,
    hints: TrapHints,
) -> Result<Value<'js>> {
    if let Some(failure) = error.downcast_ref::<ImportFailure>() {
        return match failure {
            ImportFailure::Stashed => status(ctx, 2, ""),
            ImportFailure::Pending => Err(rquickjs::Error::Exception),
        };
    }
    if let Some(code) = error.as_trap_code() {
        let kind = if code == TrapCode::StackOverflow {
            3
        } else {
            1
        };
        if code == TrapCode::IntegerDivisionByZero && hints.remainder_only {
            return status(ctx, kind, "remainder by zero");
        }
        if code == TrapCode::IntegerOverflow && hints.truncation_only {
            return status(ctx, kind, trap_message(TrapCode::BadConversionToInteger));
        }
        return status(ctx, kind, trap_message(code));
    }
    match error.kind() {
        wasmi::errors::ErrorKind::Instantiation(
            wasmi::errors::InstantiationError::ElementSegmentDoesNotFit { .. },
        ) => status(ctx, 5, "table index is out of bounds"),
        wasmi::errors::ErrorKind::Instantiation(
            wasmi::errors::InstantiationError::FailedToInstantiateMemory(_),
        ) => status(
            ctx,
            6,
            "Out of memory: Cannot allocate Wasm memory for new instance",
        ),
        wasmi::errors::ErrorKind::Instantiation(e) => status(ctx, 4, &link_message(e)),
        wasmi::errors::ErrorKind::Memory(_) | wasmi::errors::ErrorKind::Table(_) => {
            status(ctx, 1, "data segment is out of bounds")
        }
        _ => status(ctx, 1, &error.to_string()),
    }
}

pub(super) fn link_message(error: &wasmi::errors::InstantiationError) -> String {
    use wasmi::errors::InstantiationError as E;
    match error {
        E::FuncTypeMismatch { .. } => "imported function does not match the expected type".into(),
        E::GlobalTypeMismatch { .. } => "imported global does not match the expected type".into(),
        E::TableTypeMismatch { .. } => {
            "table import has a larger maximum size than expected or is too small".into()
        }
        E::MemoryTypeMismatch { .. } => {
            "memory import is too small or has a larger maximum size than expected".into()
        }
        other => other.to_string(),
    }
}

pub(super) fn status<'js>(ctx: &Ctx<'js>, code: i32, message: &str) -> Result<Value<'js>> {
    let out = Array::new(ctx.clone())?;
    out.set(0, code)?;
    out.set(1, message)?;
    Ok(out.into_value())
}
