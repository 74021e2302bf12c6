//! (arrives with its issue)
