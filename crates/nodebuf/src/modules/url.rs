//! The native half of `URL`, `URLSearchParams` and the `url` module: WHATWG URL parsing,
//! serialisation, the component setters and `application/x-www-form-urlencoded`, all from the
//! `url` crate (servo's WHATWG-conformant implementation, the one Firefox's Rust code and most of
//! the Rust ecosystem use), so nodebuf does not carry its own URL parser.
//!
//! A URL crosses to JS as its eleven components in Node's order (href, origin, protocol,
//! username, password, host, hostname, port, pathname, search, hash); the JS class (`url.js`)
//! keeps them and asks for a new set after each setter.

use rquickjs::{Array, Ctx, Function, Object, Result, Value};
use url::{quirks, Url};

fn components<'js>(ctx: &Ctx<'js>, url: &Url) -> Result<Value<'js>> {
    let out = Array::new(ctx.clone())?;
    let parts = [
        quirks::href(url).to_string(),
        quirks::origin(url),
        quirks::protocol(url).to_string(),
        quirks::username(url).to_string(),
        quirks::password(url).to_string(),
        quirks::host(url).to_string(),
        quirks::hostname(url).to_string(),
        quirks::port(url).to_string(),
        quirks::pathname(url).to_string(),
        quirks::search(url).to_string(),
        quirks::hash(url).to_string(),
    ];
    for (i, part) in parts.into_iter().enumerate() {
        out.set(i, part)?;
    }
    Ok(out.into_value())
}

fn parse_with_base(input: &str, base: Option<String>) -> Option<Url> {
    match base {
        Some(base) => Url::parse(&base).ok()?.join(input).ok(),
        None => Url::parse(input).ok(),
    }
}

/// `new URL(input, base)`: the components, or `null` when either does not parse.
fn parse<'js>(ctx: Ctx<'js>, input: String, base: Option<String>) -> Result<Value<'js>> {
    match parse_with_base(&input, base) {
        Some(url) => components(&ctx, &url),
        None => Ok(Value::new_null(ctx)),
    }
}

/// `URL.canParse(input, base)`.
fn can_parse(input: String, base: Option<String>) -> bool {
    parse_with_base(&input, base).is_some()
}

/// A component setter (`url.port = v` ...) on `href`: the new components, or `null` when the
/// href itself does not parse. Setters that the standard ignores leave the URL unchanged.
fn set<'js>(ctx: Ctx<'js>, href: String, field: String, value: String) -> Result<Value<'js>> {
    let Ok(mut url) = Url::parse(&href) else {
        return Ok(Value::new_null(ctx));
    };
    if field == "href" && quirks::set_href(&mut url, &value).is_err() {
        return Ok(Value::new_null(ctx));
    }
    match field.as_str() {
        "protocol" => {
            let _ = quirks::set_protocol(&mut url, &value);
        }
        "username" => {
            let _ = quirks::set_username(&mut url, &value);
        }
        "password" => {
            let _ = quirks::set_password(&mut url, &value);
        }
        "host" => {
            let _ = quirks::set_host(&mut url, &value);
        }
        "hostname" => {
            let _ = quirks::set_hostname(&mut url, &value);
        }
        "port" => {
            let _ = quirks::set_port(&mut url, &value);
        }
        "pathname" => quirks::set_pathname(&mut url, &value),
        "search" => quirks::set_search(&mut url, &value),
        "hash" => quirks::set_hash(&mut url, &value),
        _ => {}
    }
    components(&ctx, &url)
}

/// `URLSearchParams` parsing: `[name, value, name, value, ...]`.
fn parse_params<'js>(ctx: Ctx<'js>, input: String) -> Result<Value<'js>> {
    let out = Array::new(ctx.clone())?;
    let mut i = 0;
    for (name, value) in form_urlencoded::parse(input.as_bytes()) {
        out.set(i, name.into_owned())?;
        out.set(i + 1, value.into_owned())?;
        i += 2;
    }
    Ok(out.into_value())
}

/// `URLSearchParams#toString()` of `[name, value, ...]`.
fn serialize_params(pairs: Vec<String>) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for pair in pairs.chunks(2) {
        if let [name, value] = pair {
            serializer.append_pair(name, value);
        }
    }
    serializer.finish()
}

/// `url.domainToASCII` (empty string for an invalid domain, as Node returns).
fn domain_to_ascii(domain: String) -> String {
    with_ascii_punycode_labels(&domain, quirks::domain_to_ascii)
}

/// Runs `to_ascii` over `domain` the way Node's IDNA (ada) sees `xn--` labels: a label whose
/// Punycode decodes to ASCII only (`xn--a-`, `xn--ab-`) is kept as written, lowercased, where
/// UTS 46 (15.1 and later, which the `idna` crate follows) refuses it. Such labels are stood in
/// for by a plain one while `to_ascii` runs, then put back; `to_ascii` gives '' for failure.
fn with_ascii_punycode_labels(domain: &str, to_ascii: impl Fn(&str) -> String) -> String {
    let is_kept = |label: &str| {
        label.len() > 4
            && label.is_ascii()
            && label[..4].eq_ignore_ascii_case("xn--")
            && idna::punycode::decode_to_string(&label[4..]).is_some_and(|text| text.is_ascii())
    };
    let labels: Vec<&str> = domain.split('.').collect();
    if !labels.iter().any(|label| is_kept(label)) {
        return to_ascii(domain);
    }
    let stand_in: Vec<&str> = labels
        .iter()
        .map(|label| if is_kept(label) { "a" } else { label })
        .collect();
    let converted = to_ascii(&stand_in.join("."));
    if converted.is_empty() {
        return converted;
    }
    let out: Vec<String> = converted
        .split('.')
        .zip(labels.iter())
        .map(|(done, original)| {
            if is_kept(original) {
                original.to_ascii_lowercase()
            } else {
                done.to_string()
            }
        })
        .collect();
    out.join(".")
}

/// The IDNA `toASCII` of Node's legacy `url.parse`: UTS 46 mapping and Punycode without the
/// WHATWG URL's host checks (so `a_b` and `a!b` pass); the empty string when it fails (an
/// invalid Punycode label, a code point UTS 46 disallows), which `url.parse` turns into
/// `ERR_INVALID_URL`.
fn legacy_to_ascii(domain: String) -> String {
    with_ascii_punycode_labels(&domain, |d| idna::domain_to_ascii(d).unwrap_or_default())
}

/// `url.domainToUnicode`.
fn domain_to_unicode(domain: String) -> String {
    quirks::domain_to_unicode(&domain)
}

/// Adds `native.url` (parse, canParse, set, parseParams, serializeParams, domainToASCII,
/// legacyToASCII, domainToUnicode).
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let url = Object::new(ctx.clone())?;
    url.set("parse", Function::new(ctx.clone(), parse)?)?;
    url.set("canParse", Function::new(ctx.clone(), can_parse)?)?;
    url.set("set", Function::new(ctx.clone(), set)?)?;
    url.set("parseParams", Function::new(ctx.clone(), parse_params)?)?;
    url.set(
        "serializeParams",
        Function::new(ctx.clone(), serialize_params)?,
    )?;
    url.set(
        "domainToASCII",
        Function::new(ctx.clone(), domain_to_ascii)?,
    )?;
    url.set(
        "legacyToASCII",
        Function::new(ctx.clone(), legacy_to_ascii)?,
    )?;
    url.set(
        "domainToUnicode",
        Function::new(ctx.clone(), domain_to_unicode)?,
    )?;
    native.set("url", url)
}
