//! currency (to be written)
