//! The crate's one error type.

use std::fmt;

/// Everything that can go wrong in Crossread's core.
///
/// Ingesting text never fails: bad input becomes an article with a
/// [`crate::ingest::Notice`]. Errors are for the edges, such as reading files.
#[derive(Debug)]
pub enum Error {
    /// A file or folder could not be read.
    Io { path: String, source: std::io::Error },
    /// A path given on the command line holds no article files.
    NoArticles { path: String },
}

/// `Result` with Crossread's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "cannot read {path}: {source}"),
            Error::NoArticles { path } => write!(f, "{path} holds no article files"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::NoArticles { .. } => None,
        }
    }
}
