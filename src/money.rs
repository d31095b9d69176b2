//! money (to be written)
