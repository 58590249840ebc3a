//! `nodebuf [flags] script.js [args]`: runs a Node-style CommonJS script on QuickJS with
//! nodebuf's Buffer, printing what Node v20 prints.

mod bytes;
mod flags;
mod host;
mod jsstr;
mod messages;
mod modules;
mod numbers;

use flags::Command;

fn main() {
    modules::signals::reset_inherited_dispositions();
    // Date's toString names the zone as V8 does (engine patch 0082).
    modules::intl::zone_name::install_hook();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match flags::parse(&args) {
        Ok(Command::Version) => {
            println!(
                "{}",
                flags::version_text(modules::process::NODE_VERSION, &host::engine::version())
            );
            0
        }
        Ok(Command::Help) => {
            print!("{}", flags::help_text());
            0
        }
        Ok(Command::Run {
            flags,
            script,
            args,
        }) => run(*flags, script, args),
        Err(message) => {
            eprintln!("nodebuf: {message}");
            9
        }
    };
    std::process::exit(code);
}

fn run(mut flags: flags::Flags, script: String, args: Vec<String>) -> i32 {
    // No script: the REPL when asked for (-i) or when stdin is a terminal, as in Node (with
    // -e, -i runs the code first); -i with a script file is ignored, as Node ignores it.
    if flags.test || !script.is_empty() && flags.eval.is_none() {
        flags.interactive = false;
    } else if flags.eval.is_none()
        && script.is_empty()
        && std::io::IsTerminal::is_terminal(&std::io::stdin())
    {
        flags.interactive = true;
    }
    if flags.interactive && flags.input_type.is_some() {
        eprintln!("Cannot specify --input-type for REPL");
        return 9;
    }
    // (`--test` without files looks for them: no script to read from stdin.)
    if flags.eval.is_none()
        && !flags.test
        && !flags.interactive
        && (script.is_empty() || script == "-")
    {
        let mut source = String::new();
        if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut source) {
            eprintln!("nodebuf: cannot read the script from stdin: {e}");
            return 9;
        }
        flags.stdin = Some(source);
    }
    let absolute = if flags.eval.is_some() || flags.stdin.is_some() || flags.interactive {
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
