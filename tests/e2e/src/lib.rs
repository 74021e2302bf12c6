//! (arrives with the shell issue)
