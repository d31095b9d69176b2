//! minimum (to be written)
