//! The JSON examples of the API reference (docs/reference/sendblue-api-v2.md), in document
//! order: fenced ```json blocks and inline `{…}` / `[…]` spans that are valid JSON.

/// One example and the section it stands in.
#[derive(Debug, Clone)]
pub struct Example {
    pub line: usize,
    pub section: String,
    pub json: String,
}

fn reference() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/reference/sendblue-api-v2.md"
    );
    std::fs::read_to_string(path).expect("the reference is vendored in docs/reference")
}

/// Every fenced ```json block.
pub fn fenced() -> Vec<Example> {
    let text = reference();
    let mut out = Vec::new();
    let (mut section, mut current, mut start) = (String::new(), None::<String>, 0);
    for (i, line) in text.lines().enumerate() {
        if let Some(buf) = current.as_mut() {
            if line.starts_with("```") {
                out.push(Example {
                    line: start,
                    section: section.clone(),
                    json: current.take().unwrap(),
                });
            } else {
                buf.push_str(line);
                buf.push('\n');
            }
            continue;
        }
        if line.starts_with('#') {
            section = line.to_owned();
        } else if line.starts_with("```json") {
            current = Some(String::new());
            start = i + 1;
        }
    }
    out
}

/// Every inline code span outside fences that starts with `{` or `[` and parses as JSON.
pub fn inline() -> Vec<Example> {
    let text = reference();
    let mut out = Vec::new();
    let (mut section, mut in_fence) = (String::new(), false);
    for (i, line) in text.lines().enumerate() {
        if line.starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        if line.starts_with('#') {
            section = line.to_owned();
        }
        for (n, span) in line.split('`').enumerate() {
            let is_code = n % 2 == 1;
            let looks_json = (span.starts_with('{') && span.ends_with('}'))
                || (span.starts_with('[') && span.ends_with(']'));
            if is_code && looks_json && serde_json::from_str::<serde_json::Value>(span).is_ok() {
                out.push(Example {
                    line: i + 1,
                    section: section.clone(),
                    json: span.to_owned(),
                });
            }
        }
    }
    out
}
