//! What a helper looks for: an element by `data-testid` (the usual case, and what a plain
//! `&str` means) or by any CSS selector, optionally narrowed to the inside of another element.

use std::fmt;

/// A CSS selector that names one or more elements of the page.
///
/// `"overview"` (a `&str` or `String`) is the element whose `data-testid` is `overview`;
/// [`tid`] says the same explicitly and [`css`] takes any selector. Rows and their parts:
///
/// ```
/// use e2e::tid;
/// let switch = tid("profile-row")
///     .with_attr("data-profile-name", "Live e2e")
///     .inner("profile-switch");
/// assert_eq!(
///     switch.css(),
///     r#"[data-testid="profile-row"][data-profile-name="Live e2e"] [data-testid="profile-switch"]"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    css: String,
}

/// The element(s) whose `data-testid` is `id`.
pub fn tid(id: &str) -> Target {
    Target {
        css: format!("[data-testid=\"{}\"]", escape(id)),
    }
}

/// The element(s) matching a CSS selector.
pub fn css(selector: impl Into<String>) -> Target {
    Target {
        css: selector.into(),
    }
}

impl Target {
    /// The selector, for WebDriver and for messages.
    pub fn css(&self) -> &str {
        &self.css
    }

    /// Only those of these elements whose attribute `name` is exactly `value`.
    pub fn with_attr(self, name: &str, value: &str) -> Target {
        Target {
            css: format!("{}[{}=\"{}\"]", self.css, name, escape(value)),
        }
    }

    /// The elements matching `inner` inside these ones.
    pub fn inner(self, inner: impl Into<Target>) -> Target {
        Target {
            css: format!("{} {}", self.css, inner.into().css),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.css)
    }
}

impl From<&str> for Target {
    fn from(id: &str) -> Self {
        tid(id)
    }
}

impl From<String> for Target {
    fn from(id: String) -> Self {
        tid(&id)
    }
}

impl From<&String> for Target {
    fn from(id: &String) -> Self {
        tid(id)
    }
}

impl From<&Target> for Target {
    fn from(t: &Target) -> Self {
        t.clone()
    }
}

/// Escapes a value for a double-quoted CSS attribute selector.
fn escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_ids_attributes_and_nesting() {
        assert_eq!(
            Target::from("overview").css(),
            r#"[data-testid="overview"]"#
        );
        assert_eq!(
            tid("row").with_attr("data-name", r#"a "b""#).css(),
            r#"[data-testid="row"][data-name="a \"b\""]"#
        );
        assert_eq!(
            css("select").inner(tid("x")).css(),
            r#"select [data-testid="x"]"#
        );
    }
}
