//! `nodebuf [flags] script.js [args]`: runs a Node-style CommonJS script on QuickJS with
//! nodebuf's Buffer, printing what Node v20 prints.

mod bytes;
mod flags;
mod host;
mod jsstr;
mod modules;

use flags::Command;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match flags::parse(&args) {
        Ok(Command::Version) => {
            println!("{}", modules::process::NODE_VERSION);
            0
        }
        Ok(Command::Help) => {
            println!(
                "Usage: nodebuf [options] script.js [arguments]\n\nOptions: --expose-gc --zero-fill-buffers --pending-deprecation --no-deprecation --no-warnings --trace-warnings --trace-deprecation --throw-deprecation\n  --max-buffer-memory=BYTES  at most BYTES of Buffer/SharedArrayBuffer stores in all threads;\n                             past it allocations throw RangeError: Array buffer allocation failed"
            );
            0
        }
        Ok(Command::Run {
            flags,
            script,
            args,
        }) => run(flags, script, args),
        Err(message) => {
            eprintln!("nodebuf: {message}");
            9
        }
    };
    std::process::exit(code);
}

fn run(flags: flags::Flags, script: String, args: Vec<String>) -> i32 {
    let absolute = if flags.eval.is_some() {
        Ok(std::path::PathBuf::from(&script))
    } else {
        std::path::absolute(&script)
    };
    let absolute = absolute
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or(script);
    let worker = std::thread::Builder::new()
        .name("main".into())
        .stack_size(host::THREAD_STACK_BYTES)
        .spawn(move || host::run(&flags, &absolute, &args));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("nodebuf: the JS thread failed");
            70
        }
    }
}
