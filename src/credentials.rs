//! credentials (to be written)
