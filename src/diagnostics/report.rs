use std::fmt;

use super::{Code, Path, Severity, Violation};

/// Every violation found, errors and warnings, in the order of the form's fields.
///
/// `Display` renders it for a person: a summary line, then each violation with its path,
/// code and remedy (a remedy shared by several violations of one field is printed once).
/// It is an [`Error`](std::error::Error), so checks compose with `?`. With the `serde`
/// feature it serializes as `{"valid":…,"errors":N,"warnings":N,"violations":[…]}`.
///
/// ```
/// use stripe_gateway_rules::diagnostics::{Code, Report, Violation};
///
/// let mut report = Report::new();
/// report.extend([Violation::warning("name", Code::platform("name_long")?, "the name is long")]);
/// assert!(report.is_valid());
/// assert_eq!(report.into_iter().count(), 1);
/// # Ok::<(), stripe_gateway_rules::diagnostics::CodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    violations: Vec<Violation>,
}

impl Report {
    /// An empty report.
    #[must_use]
    pub const fn new() -> Self {
        Report {
            violations: Vec::new(),
        }
    }

    /// Adds a violation at the end.
    pub fn push(&mut self, violation: Violation) {
        self.violations.push(violation);
    }

    /// All violations, in order.
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The errors alone.
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.with_severity(Severity::Error)
    }

    /// The warnings alone.
    pub fn warnings(&self) -> impl Iterator<Item = &Violation> {
        self.with_severity(Severity::Warning)
    }

    fn with_severity(&self, severity: Severity) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(move |v| v.severity() == severity)
    }

    /// Whether no violation is an error.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.errors().next().is_none()
    }

    /// Whether there is no violation at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// The number of violations.
    #[must_use]
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// Whether the report holds a violation with this code.
    #[must_use]
    pub fn has(&self, code: impl Into<Code>) -> bool {
        let code = code.into();
        self.violations.iter().any(|v| *v.code() == code)
    }

    /// The violations with this code.
    pub fn with_code(&self, code: impl Into<Code>) -> impl Iterator<Item = &Violation> {
        let code = code.into();
        self.violations.iter().filter(move |v| *v.code() == code)
    }

    /// Sorts the violations in a form's field order: fields by their position in
    /// `fields` (names not in it come after, in name order), list positions by number, a
    /// path before the paths inside it; violations of one path keep the order they were
    /// found in.
    pub fn sort_in_field_order(&mut self, fields: &[&str]) {
        self.violations
            .sort_by(|a, b| a.path().cmp_in(b.path(), fields));
    }

    /// Sorts the violations by their paths with `cmp` (stable: violations at one path keep
    /// their order).
    pub(crate) fn sort_by_path(&mut self, cmp: impl Fn(&Path, &Path) -> std::cmp::Ordering) {
        self.violations.sort_by(|a, b| cmp(a.path(), b.path()));
    }

    /// `Ok(value)` when no violation is an error, else this report as the error.
    ///
    /// # Errors
    ///
    /// This report, when it holds an error.
    pub fn into_result<T>(self, value: T) -> Result<T, Report> {
        if self.is_valid() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl Extend<Violation> for Report {
    fn extend<I: IntoIterator<Item = Violation>>(&mut self, iter: I) {
        self.violations.extend(iter);
    }
}

impl FromIterator<Violation> for Report {
    fn from_iter<I: IntoIterator<Item = Violation>>(iter: I) -> Self {
        Report {
            violations: iter.into_iter().collect(),
        }
    }
}

impl IntoIterator for Report {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.errors().count();
        let warnings = self.warnings().count();
        let verdict = if errors == 0 { "valid" } else { "invalid" };
        write!(
            f,
            "{verdict}: {}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        )?;
        let mut said: Vec<(&super::Path, &str)> = Vec::new();
        for severity in [Severity::Error, Severity::Warning] {
            for v in self.with_severity(severity) {
                write!(f, "\n{}[{}] ", v.severity(), v.code())?;
                if !v.path().is_root() {
                    write!(f, "{}: ", v.path())?;
                }
                f.write_str(v.message())?;
                if let Some(remedy) = v.remedy() {
                    if !said.contains(&(v.path(), remedy)) {
                        write!(f, "\n  remedy: {remedy}")?;
                        said.push((v.path(), remedy));
                    }
                }
            }
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

#[cfg(feature = "serde")]
impl serde::Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Report", 4)?;
        s.serialize_field("valid", &self.is_valid())?;
        s.serialize_field("errors", &self.errors().count())?;
        s.serialize_field("warnings", &self.warnings().count())?;
        s.serialize_field("violations", &self.violations)?;
        s.end()
    }
}
